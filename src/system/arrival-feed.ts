/**
 * Feeds a call source into the simulation one call at a time (simmer's generators): the next
 * arrival is scheduled only when the previous one happens, so the event queue never holds more
 * than one future call and memory stays flat in the horizon.
 */
import type { Simulation } from "../engine/simulation.js";
import { emptyArrival, type CallSource } from "../streams/call-source.js";
import { Call } from "./call.js";
import { PRECEDENCE } from "./precedence.js";

export class ArrivalFeed {
  private readonly arrival = emptyArrival();
  private nextCallId = 0;
  /** The source has no more calls. */
  done = false;

  constructor(
    private readonly source: CallSource,
    private readonly sim: Simulation,
    /** Receives each call at its arrival time; it must call `scheduleNext()` to keep the feed going. */
    private readonly onArrival: (call: Call) => void,
  ) {}

  /** Schedules the source's next call, or marks the feed done. */
  scheduleNext(): void {
    const arrival = this.arrival;
    // Sources that do not replay on-scene times or name repeat callers never set these: clear them.
    arrival.observedOnSceneMin = NaN;
    arrival.caller = -1;
    arrival.zone = -1;
    arrival.cancelled = null;
    arrival.cancelledAfterMin = NaN;
    arrival.units = NaN;
    if (!this.source.next(arrival)) {
      this.done = true;
      return;
    }
    this.sim.atInLane(arrival.timeMin, PRECEDENCE.arrival, this.arrive, undefined);
  }

  /**
   * The pending arrival happens: its call is made now, from the record the source filled (nothing
   * overwrites it before then, since only one arrival is pending), and handed on. Made here rather
   * than when scheduled, the call is a young object that no older one points at until the response
   * system stores it (no write barrier on the event queue's payloads), and its construction is
   * inlined into this small handler instead of being a generic constructor call out of the large
   * `scheduleNext`; ids are the same, as arrivals are made one at a time.
   */
  private readonly arrive = (): void => {
    this.onArrival(Call.fromArrival(this.nextCallId++, this.arrival));
  };
}
