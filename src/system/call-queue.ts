/**
 * One line of waiting calls (see waiting-lines.ts): served by priority (1 first), then by the time
 * the call was received, then by call id, so the order never depends on when a call joined this
 * particular line (a call that fell back from another unit type keeps its place by age).
 *
 * A call can leave before it is served (its wait for a preferred type ran out); it is dropped
 * lazily: the heap keeps its entry until it reaches the top, where `poll` skips it. `size` counts
 * only calls still waiting. Each entry holds the priority it was sorted by, so a call whose
 * priority changes later (an escalation) never changes the order of a heap that still holds a
 * stale entry for it; an entry is live only while it is the call's latest (`ticket`) and the call
 * waits in this line.
 */
import { BinaryHeap } from "../engine/binary-heap.js";
import type { Call } from "./call.js";

/** A call's place in a line: the priority it waits at, and which of its entries this is. */
interface Entry {
  call: Call;
  priority: number;
  ticket: number;
}

function entryBefore(a: Entry, b: Entry): boolean {
  if (a.priority !== b.priority) return a.priority < b.priority;
  if (a.call.arrivalMin !== b.call.arrivalMin) return a.call.arrivalMin < b.call.arrivalMin;
  return a.call.id < b.call.id;
}

/** Whether `a` is served before `b`: priority, then received, then id. */
export function servedBefore(a: Call, b: Call): boolean {
  if (a.priority !== b.priority) return a.priority < b.priority;
  if (a.arrivalMin !== b.arrivalMin) return a.arrivalMin < b.arrivalMin;
  return a.id < b.id;
}

export class CallQueue {
  private readonly heap = new BinaryHeap<Entry>(entryBefore);
  /** Entries taken off the heap, reused so a busy line makes no garbage per call. */
  private readonly spare: Entry[] = [];
  private waiting = 0;

  /** @param lineId this line's id; a call waits here while its `waitingAt` equals it. */
  constructor(private readonly lineId: number) {}

  /** Calls still waiting. */
  get size(): number {
    return this.waiting;
  }

  /** Adds a call at its current priority and marks it as waiting here. */
  push(call: Call): void {
    call.waitingAt = this.lineId;
    this.waiting++;
    const entry = this.spare.pop();
    if (entry === undefined) this.heap.push({ call, priority: call.priority, ticket: ++call.ticket });
    else {
      entry.call = call;
      entry.priority = call.priority;
      entry.ticket = ++call.ticket;
      this.heap.push(entry);
    }
  }

  /** Whether the call waits in this line. */
  holds(call: Call): boolean {
    return call.waitingAt === this.lineId;
  }

  /** Marks a waiting call as gone; its entry is skipped when it reaches the top. */
  remove(call: Call): void {
    if (call.waitingAt !== this.lineId) return;
    call.waitingAt = -1;
    this.waiting--;
  }

  /** Sets a waiting call's priority: its old entry goes stale and a new one takes its place. */
  reprioritize(call: Call, priority: number): void {
    this.remove(call);
    call.priority = priority;
    this.push(call);
  }

  /** The next call to serve, left in the line, or null if none is waiting. */
  peek(): Call | null {
    for (let entry = this.heap.peek(); entry !== undefined; entry = this.heap.peek()) {
      if (this.isLive(entry)) return entry.call;
      this.spare.push(this.heap.pop()!);
    }
    return null;
  }

  /** Removes and returns the next call to serve, or null if none is waiting. */
  poll(): Call | null {
    for (let entry = this.heap.pop(); entry !== undefined; entry = this.heap.pop()) {
      this.spare.push(entry);
      if (this.isLive(entry)) {
        const call = entry.call;
        call.waitingAt = -1;
        this.waiting--;
        return call;
      }
    }
    return null;
  }

  private isLive(entry: Entry): boolean {
    return entry.call.waitingAt === this.lineId && entry.ticket === entry.call.ticket;
  }
}
