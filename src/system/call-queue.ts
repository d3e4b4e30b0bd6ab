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
 *
 * Most lines are filled in serving order (calls of one priority, received one after another): while
 * every entry pushed comes no earlier than the one before, the entries wait in a plain array served
 * from its head, with no sifting. The first entry out of order moves them into the heap (a sorted
 * array is already a heap), which serves until it is empty. Either way the entries come out in the
 * same (strict, total) order.
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
  /** Entries in serving order, fifo[head ..]; only while the heap is empty (see the file header). */
  private readonly fifo: Entry[] = [];
  private head = 0;
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
    let entry = this.spare.pop();
    if (entry === undefined) entry = { call, priority: call.priority, ticket: ++call.ticket };
    else {
      entry.call = call;
      entry.priority = call.priority;
      entry.ticket = ++call.ticket;
    }
    if (this.heap.size === 0) {
      const fifo = this.fifo;
      if (this.head === fifo.length || !entryBefore(entry, fifo[fifo.length - 1])) {
        fifo.push(entry);
        return;
      }
      this.toHeap();
    }
    this.heap.push(entry);
  }

  /** An entry came out of order: the waiting entries, already sorted, become the heap. */
  private toHeap(): void {
    const fifo = this.fifo;
    for (let i = this.head; i < fifo.length; i++) this.heap.push(fifo[i]);
    fifo.length = 0;
    this.head = 0;
  }

  /** The first entry in serving order, left in place, or undefined when there is none. */
  private first(): Entry | undefined {
    return this.head < this.fifo.length ? this.fifo[this.head] : this.heap.peek();
  }

  /** Removes and returns the first entry in serving order, or undefined when there is none. */
  private takeFirst(): Entry | undefined {
    const fifo = this.fifo;
    const head = this.head;
    if (head === fifo.length) return this.heap.pop();
    const entry = fifo[head];
    if (head + 1 === fifo.length) {
      fifo.length = 0;
      this.head = 0;
    } else if (head >= 1024 && 2 * head >= fifo.length) {
      // A line that never empties: drop the served part now and then.
      fifo.splice(0, head + 1);
      this.head = 0;
    } else this.head = head + 1;
    return entry;
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
    for (let entry = this.first(); entry !== undefined; entry = this.first()) {
      if (this.isLive(entry)) return entry.call;
      this.spare.push(this.takeFirst()!);
    }
    return null;
  }

  /** Removes and returns the next call to serve, or null if none is waiting. */
  poll(): Call | null {
    for (let entry = this.takeFirst(); entry !== undefined; entry = this.takeFirst()) {
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
