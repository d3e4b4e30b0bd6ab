/**
 * One line of waiting calls (see waiting-lines.ts): served by priority (1 first), then by the time
 * the call was received, then by call id, so the order never depends on when a call joined this
 * particular line (a call that fell back from another unit type keeps its place by age).
 *
 * A call can leave before it is served (its wait for a preferred type ran out); it is dropped
 * lazily: the heap keeps it until it reaches the top, where `poll` skips it. `size` counts only
 * calls still waiting.
 */
import { BinaryHeap } from "../engine/binary-heap.js";
import type { Call } from "./call.js";

/** Whether `a` is served before `b`: priority, then received, then id. */
export function servedBefore(a: Call, b: Call): boolean {
  if (a.priority !== b.priority) return a.priority < b.priority;
  if (a.arrivalMin !== b.arrivalMin) return a.arrivalMin < b.arrivalMin;
  return a.id < b.id;
}

export class CallQueue {
  private readonly heap = new BinaryHeap<Call>(servedBefore);
  private waiting = 0;

  /** @param lineId this line's id; a call waits here while its `waitingAt` equals it. */
  constructor(private readonly lineId: number) {}

  /** Calls still waiting. */
  get size(): number {
    return this.waiting;
  }

  /** Adds a call and marks it as waiting here. */
  push(call: Call): void {
    call.waitingAt = this.lineId;
    this.waiting++;
    this.heap.push(call);
  }

  /** Marks a waiting call as gone; it is skipped when it reaches the top. */
  remove(call: Call): void {
    if (call.waitingAt !== this.lineId) return;
    call.waitingAt = -1;
    this.waiting--;
  }

  /** Sets a waiting call's priority and restores the queue's order. */
  reprioritize(call: Call, priority: number): void {
    call.priority = priority;
    this.heap.rebuild();
  }

  /** The next call to serve, left in the queue, or null if none is waiting. */
  peek(): Call | null {
    for (let call = this.heap.peek(); call !== undefined; call = this.heap.peek()) {
      if (call.waitingAt === this.lineId) return call;
      this.heap.pop();
    }
    return null;
  }

  /** Removes and returns the next call to serve, or null if none is waiting. */
  poll(): Call | null {
    for (let call = this.heap.pop(); call !== undefined; call = this.heap.pop()) {
      if (call.waitingAt === this.lineId) {
        call.waitingAt = -1;
        this.waiting--;
        return call;
      }
    }
    return null;
  }
}
