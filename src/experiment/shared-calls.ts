/**
 * One call source read by several response models of the same replication. Every model of a
 * replication receives the same calls (common random numbers: the streams depend on the seed and
 * the replication, never on the model), so the calls are drawn (or a replayed table is read) once
 * and each model reads them through its own cursor.
 *
 * Calls are kept from the moment the first reader takes one until the last reader has taken it:
 * the buffer holds only the spread between the readers, which the caller keeps bounded by running
 * the models side by side (see run-models.ts), so memory stays flat in the horizon.
 *
 * A reader gets every field of the arrival, as the source left it: sources write the same fields
 * on every call, and those they never write keep the values of `emptyArrival`, which are the ones
 * a reader's own record holds for them (the arrival feed resets them before each call).
 */
import { emptyArrival, type CallArrival, type CallSource } from "../streams/call-source.js";

export class SharedCalls {
  private ring: CallArrival[] = [];
  private mask = -1;
  /** Calls taken from the source so far; call k sits at ring[k & mask]. */
  private produced = 0;
  private ended = false;
  /** By reader: the number of calls it has read. */
  private readonly cursors: number[];

  constructor(
    private readonly source: CallSource,
    readers: number,
  ) {
    this.cursors = new Array<number>(readers).fill(0);
    this.grow();
  }

  /** Reader `i`'s view: the source's calls in order, from the first. */
  reader(i: number): CallSource {
    return { next: (out) => this.read(i, out) };
  }

  private read(i: number, out: CallArrival): boolean {
    const at = this.cursors[i];
    if (at === this.produced && !this.produce()) return false;
    const call = this.ring[at & this.mask];
    out.timeMin = call.timeMin;
    out.category = call.category;
    out.priority = call.priority;
    out.behavioralHealth = call.behavioralHealth;
    out.weapon = call.weapon;
    out.seed = call.seed;
    out.observedOnSceneMin = call.observedOnSceneMin;
    out.observedResponseMin = call.observedResponseMin;
    out.cancelled = call.cancelled;
    out.cancelledAfterMin = call.cancelledAfterMin;
    out.units = call.units;
    out.caller = call.caller;
    out.zone = call.zone;
    this.cursors[i] = at + 1;
    return true;
  }

  /** Takes the source's next call into the buffer; false when the source is done. */
  private produce(): boolean {
    if (this.ended) return false;
    let slowest = this.produced;
    for (const cursor of this.cursors) if (cursor < slowest) slowest = cursor;
    if (this.produced - slowest === this.ring.length) this.grow(slowest);
    const slot = this.ring[this.produced & this.mask];
    // As the arrival feed does before each call: what a source does not write holds its default.
    slot.observedOnSceneMin = NaN;
    slot.observedResponseMin = NaN;
    slot.cancelled = null;
    slot.cancelledAfterMin = NaN;
    slot.units = NaN;
    slot.caller = -1;
    slot.zone = -1;
    if (!this.source.next(slot)) {
      this.ended = true;
      return false;
    }
    this.produced++;
    return true;
  }

  /** Doubles the buffer, keeping the calls from `from` (the slowest reader's next) on. */
  private grow(from = 0): void {
    const size = Math.max(64, this.ring.length * 2);
    const ring = Array.from({ length: size }, emptyArrival);
    for (let k = from; k < this.produced; k++) ring[k & (size - 1)] = this.ring[k & this.mask];
    this.ring = ring;
    this.mask = size - 1;
  }
}
