/**
 * One interface for every source of calls, synthetic or historical (simmer's generator and data
 * sources): the response system pulls the next arrival when it needs it, so calls are fed lazily,
 * never all scheduled at time zero.
 */

/** One arriving call, as a source produces it. Times are simulation minutes. */
export interface CallArrival {
  /** When the call is received, minutes since the start of the run (Monday 00:00). */
  timeMin: number;
  /** Category index into the scenario's categories. */
  category: number;
  /** 1 = most urgent. */
  priority: number;
  behavioralHealth: boolean;
  weapon: boolean;
  /** 32-bit seed for the call's own random substreams. */
  seed: number;
  /**
   * Observed time on scene, minutes, when a replay hands it over (trace-driven police units);
   * NaN or absent otherwise. Sources that never set it leave the response system's NaN.
   */
  observedOnSceneMin?: number;
  /**
   * Observed response time (received -> first unit arrived) of a replayed call, minutes; NaN or
   * absent when the source has none. Calibration compares the same calls on both sides with it.
   */
  observedResponseMin?: number;
  /**
   * A replayed call's observed outcome: true when it was cleared without a unit arriving, false
   * when a unit arrived; null or absent when the source does not know (the scenario's
   * `cancellations` draw then decides).
   */
  cancelled?: boolean | null;
  /** For a replayed cancelled call: minutes from received until it was cleared; NaN or absent when not observed. */
  cancelledAfterMin?: number;
  /** Units the city sent to a replayed call; NaN or absent when unknown (the scenario's `unitsPerCall` then decides). */
  units?: number;
  /** A repeat caller's index, or -1 (absent) for anyone else. */
  caller?: number;
  /** Zone index when the source knows it; -1 (absent) to draw it from the scenario's geography. */
  zone?: number;
}

/** A lazy, time-ordered stream of calls. */
export interface CallSource {
  /** Fills `out` with the next call and returns true, or returns false when the source is done. */
  next(out: CallArrival): boolean;
}

/** A fresh, reusable arrival record for `CallSource.next`. */
export function emptyArrival(): CallArrival {
  return { timeMin: 0, category: 0, priority: 1, behavioralHealth: false, weapon: false, seed: 0, observedOnSceneMin: NaN, observedResponseMin: NaN, cancelled: null, cancelledAfterMin: NaN, units: NaN, caller: -1, zone: -1 };
}
