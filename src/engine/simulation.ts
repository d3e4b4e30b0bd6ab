/**
 * The clock and the run loop. The engine schedules and runs events; it knows nothing of calls,
 * units or police: the response system lives above it (SimPy's "defense of design").
 */
import { EventQueue } from "./event-queue.js";

/** A function run when its event fires; `payload` is whatever was scheduled with it. */
export type EventHandler<T> = (payload: T) => void;

/** Raised when an event is scheduled in the past or at a time that is not a number. */
export class SchedulingError extends Error {
  override name = "SchedulingError";
}

/** A discrete-event simulation: a clock in minutes and a queue of pending events. */
export class Simulation {
  /** Current simulated time, minutes since the start of the run. */
  now = 0;
  private readonly queue = new EventQueue<unknown>();
  private eventsRun = 0;

  /** Number of events run so far. */
  get eventCount(): number {
    return this.eventsRun;
  }

  /** Number of events still pending. */
  get pending(): number {
    return this.queue.size;
  }

  /**
   * Schedules `handler(payload)` at absolute time `time` with same-time rank `rank` (lower runs
   * first; see the caller's precedence table). Throws SchedulingError if `time` is before `now`
   * or not a finite number.
   */
  at<T>(time: number, rank: number, handler: EventHandler<T>, payload: T): void {
    if (!(time >= this.now) || time === Infinity) this.refuse(time);
    this.queue.push(time, rank, handler as EventHandler<unknown>, payload);
  }

  /**
   * Schedules as `at` does, for a stream that never has more than one event pending (an arrival
   * feed): the event waits outside the heap and costs no sift, and runs in exactly the order `at`
   * would give it. A second such event while one is pending simply goes to the heap.
   */
  atInLane<T>(time: number, rank: number, handler: EventHandler<T>, payload: T): void {
    if (!(time >= this.now) || time === Infinity) this.refuse(time);
    this.queue.pushLane(time, rank, handler as EventHandler<unknown>, payload);
  }

  /** Thrown out of line, so that `at` stays small enough to inline into its callers. */
  private refuse(time: number): never {
    throw new SchedulingError(`cannot schedule an event at t=${time} min: the clock is at ${this.now} min`);
  }

  /** Schedules `handler(payload)` after `delay` minutes (delay >= 0). */
  after<T>(delay: number, rank: number, handler: EventHandler<T>, payload: T): void {
    this.at(this.now + delay, rank, handler, payload);
  }

  /**
   * Runs events in (time, rank, sequence) order until none are left or the next one is later
   * than `until`; the clock then stands at the last event run (or at `until` when given and
   * events remain). Returns the number of events run by this call.
   */
  run(until = Infinity): number {
    const queue = this.queue;
    let count = 0;
    for (;;) {
      const time = queue.peekTime();
      // Events are never at Infinity: an empty queue.
      if (time === Infinity) break;
      if (time > until) {
        this.now = until;
        break;
      }
      const slot = queue.pop();
      this.now = time;
      const handler = queue.handlerOf(slot);
      const payload = queue.payloadOf(slot);
      queue.release(slot);
      handler(payload);
      count++;
    }
    this.eventsRun += count;
    return count;
  }
}
