/**
 * Calls from a list already in memory, in time order: for tests with exact traces and for small
 * replays. Large historical files stream through their own source instead.
 */
import type { CallArrival, CallSource } from "./call-source.js";

export class ListCallSource implements CallSource {
  private index = 0;

  /** Throws RangeError if the calls are not in non-decreasing time order. */
  constructor(private readonly calls: readonly CallArrival[]) {
    for (let i = 1; i < calls.length; i++) {
      if (calls[i].timeMin < calls[i - 1].timeMin) {
        throw new RangeError(`calls[${i}] at ${calls[i].timeMin} min comes before calls[${i - 1}] at ${calls[i - 1].timeMin} min`);
      }
    }
  }

  next(out: CallArrival): boolean {
    if (this.index >= this.calls.length) return false;
    Object.assign(out, this.calls[this.index++]);
    return true;
  }
}
