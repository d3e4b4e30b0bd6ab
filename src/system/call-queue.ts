/**
 * Calls waiting for one unit type: served by priority (1 first), then by the time the call was
 * received, then by call id, so the order never depends on when a call joined this particular
 * queue (a call that fell back from another unit type keeps its place by age).
 *
 * A call can leave before it is served (its wait for a preferred type ran out); it is dropped
 * lazily: the heap keeps it until it reaches the top, where `poll` skips it. `size` counts only
 * calls still waiting.
 */
import type { Call } from "./call.js";

export class CallQueue {
  private heap: Call[] = [];
  private waiting = 0;

  /** @param unitType index of the unit type this queue feeds; a call waits here while `waitingAt` equals it. */
  constructor(private readonly unitType: number) {}

  /** Calls still waiting. */
  get size(): number {
    return this.waiting;
  }

  /** Adds a call and marks it as waiting here. */
  push(call: Call): void {
    call.waitingAt = this.unitType;
    this.waiting++;
    const heap = this.heap;
    let index = heap.length;
    heap.push(call);
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex];
      if (!servedBefore(call, parent)) break;
      heap[index] = parent;
      index = parentIndex;
    }
    heap[index] = call;
  }

  /** Marks a waiting call as gone; it is skipped when it reaches the top. */
  remove(call: Call): void {
    if (call.waitingAt !== this.unitType) return;
    call.waitingAt = -1;
    this.waiting--;
  }

  /** Removes and returns the next call to serve, or null if none is waiting. */
  poll(): Call | null {
    const heap = this.heap;
    while (heap.length > 0) {
      const top = heap[0];
      const last = heap.pop()!;
      if (heap.length > 0) siftDown(heap, last);
      if (top.waitingAt === this.unitType) {
        top.waitingAt = -1;
        this.waiting--;
        return top;
      }
    }
    return null;
  }
}

function servedBefore(a: Call, b: Call): boolean {
  if (a.priority !== b.priority) return a.priority < b.priority;
  if (a.arrivalMin !== b.arrivalMin) return a.arrivalMin < b.arrivalMin;
  return a.id < b.id;
}

function siftDown(heap: Call[], entry: Call): void {
  const length = heap.length;
  let index = 0;
  for (;;) {
    let child = 2 * index + 1;
    if (child >= length) break;
    const right = child + 1;
    if (right < length && servedBefore(heap[right], heap[child])) child = right;
    if (!servedBefore(heap[child], entry)) break;
    heap[index] = heap[child];
    index = child;
  }
  heap[index] = entry;
}
