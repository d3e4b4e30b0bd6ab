/**
 * What an import measures for calibration, from the calls in received order: the call-processing
 * delay by priority, the cancelled share and time to cancellation by priority, units per call by
 * category and priority, and the intake misclassification matrix (initial -> final category).
 * Memory is bounded by categories and priorities, plus the calls still awaiting dispatch at any
 * moment (a few dozen), never by the number of calls.
 *
 * The processing delay (call taking + dispatch processing, before a unit is sought) is
 * received -> queued where the export has a queued time. Otherwise it is estimated from
 * received -> dispatched of the calls received when no earlier call was still waiting for
 * dispatch: such a call did not queue behind another, so its delay is mostly processing rather
 * than waiting for a unit (a call that queues behind others waits because units are busy). It can
 * still include a wait when every unit was busy on scene with nothing queued, so it is an upper
 * bound of the processing delay; `resim calibrate` fits it from there.
 */
import { QuantileSketch } from "../metrics/quantile-sketch.js";
import type { CallTableRow } from "../streams/call-table.js";

/** Durations in minutes: quantiles, mean and standard deviation. */
export class DurationSample {
  readonly sketch = new QuantileSketch();
  private sumSquares = 0;

  add(minutes: number): void {
    this.sketch.add(minutes);
    this.sumSquares += minutes * minutes;
  }

  get count(): number {
    return this.sketch.count;
  }

  get mean(): number {
    return this.sketch.mean ?? NaN;
  }

  /** Sample standard deviation (n - 1). */
  get sd(): number {
    const n = this.sketch.count;
    if (n < 2) return NaN;
    const mean = this.sketch.sum / n;
    return Math.sqrt(Math.max(0, (this.sumSquares - n * mean * mean) / (n - 1)));
  }
}

/** How the processing delay was measured. */
export type ProcessingMethod = "queued" | "idle-dispatch";

/** Per-priority samples: [p - 1] for priority p, created on demand. */
function at<T>(list: T[], priority: number, make: () => T): T {
  while (list.length < priority) list.push(make());
  return list[priority - 1];
}

/** Counts kept per priority for cancellations and units. */
interface PriorityCounts {
  calls: number;
  cancelled: number;
}

/** Measures calibration inputs from calls added in received order (see the file header). */
export class CallMeasures {
  /** Calls with a queued time; the method is 'queued' when any call has one. */
  private queuedCalls = 0;
  /** received -> dispatched samples of calls received with no earlier call awaiting dispatch. */
  private readonly idle = new DurationSample();
  private readonly idleByPriority: DurationSample[] = [];
  private readonly queued = new DurationSample();
  private readonly queuedByPriority: DurationSample[] = [];
  /** Dispatch times (civil seconds) of earlier calls not yet dispatched: a binary min-heap. */
  private readonly awaiting: number[] = [];

  /** Calls whose cancellation is known, and the cancelled ones, by priority. */
  readonly cancellation: PriorityCounts[] = [];
  cancellationKnown = 0;
  cancelled = 0;
  /** received -> cleared (or the last observed event, a lower bound) of cancelled calls. */
  readonly cancelledAfter = new DurationSample();
  cancelledAfterIsLowerBound = false;

  /** Units: calls with a known count and their total, by "category|priority". */
  readonly units = new Map<string, { calls: number; units: number }>();
  unitsCalls = 0;
  unitsTotal = 0;

  /** Final category -> initial category -> calls, over calls with an initial category. */
  readonly intake = new Map<string, Map<string, number>>();
  intakeCalls = 0;
  /** Calls with an initial priority, and those whose priority changed. */
  initialPriorityCalls = 0;
  priorityChanged = 0;

  /** Adds a call; calls come in received order. */
  add(call: CallTableRow): void {
    this.processingDelay(call);
    if (call.cancelled !== null) {
      const counts = at(this.cancellation, call.priority, () => ({ calls: 0, cancelled: 0 }));
      counts.calls++;
      this.cancellationKnown++;
      if (call.cancelled) {
        counts.cancelled++;
        this.cancelled++;
        const cleared = call.clearedMin >= 0 ? call.clearedMin : lastObserved(call);
        if (!(call.clearedMin >= 0)) this.cancelledAfterIsLowerBound = true;
        if (cleared >= 0) this.cancelledAfter.add(cleared);
      }
    }
    if (call.units >= 0) {
      const key = `${call.category}|${call.priority}`;
      let cell = this.units.get(key);
      if (cell === undefined) this.units.set(key, (cell = { calls: 0, units: 0 }));
      cell.calls++;
      cell.units += call.units;
      this.unitsCalls++;
      this.unitsTotal += call.units;
    }
    if (call.initialCategory !== "") {
      let row = this.intake.get(call.category);
      if (row === undefined) this.intake.set(call.category, (row = new Map()));
      row.set(call.initialCategory, (row.get(call.initialCategory) ?? 0) + 1);
      this.intakeCalls++;
    }
    if (call.initialPriority >= 1) {
      this.initialPriorityCalls++;
      if (call.initialPriority !== call.priority) this.priorityChanged++;
    }
  }

  /** How the processing delay was measured, or null when the export has neither times. */
  get processingMethod(): ProcessingMethod | null {
    if (this.queuedCalls > 0) return "queued";
    return this.idle.count > 0 ? "idle-dispatch" : null;
  }

  /** The processing-delay samples of the method used: all calls, and by priority. */
  processingSamples(): { all: DurationSample; byPriority: readonly DurationSample[] } {
    return this.queuedCalls > 0 ? { all: this.queued, byPriority: this.queuedByPriority } : { all: this.idle, byPriority: this.idleByPriority };
  }

  /** Intake misclassification as `intake.codedAs`: final (true) category -> {initial (coded) category: share}, shares of the true category's calls. */
  codedAs(): Record<string, Record<string, number>> {
    const result: Record<string, Record<string, number>> = {};
    for (const [truth, row] of [...this.intake].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      let total = 0;
      for (const n of row.values()) total += n;
      const coded: Record<string, number> = {};
      for (const [as, n] of [...row].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (as !== truth && n > 0) coded[as] = n / total;
      if (Object.keys(coded).length > 0) result[truth] = coded;
    }
    return result;
  }

  private processingDelay(call: CallTableRow): void {
    if (call.queuedMin >= 0) {
      this.queuedCalls++;
      this.queued.add(call.queuedMin);
      at(this.queuedByPriority, call.priority, () => new DurationSample()).add(call.queuedMin);
    }
    const heap = this.awaiting;
    while (heap.length > 0 && heap[0] <= call.receivedSec) popMin(heap);
    if (!(call.dispatchedMin >= 0)) return;
    if (heap.length === 0) {
      this.idle.add(call.dispatchedMin);
      at(this.idleByPriority, call.priority, () => new DurationSample()).add(call.dispatchedMin);
    }
    // Dispatched at the same second it came in: it never waited, so it makes no one wait.
    if (call.dispatchedMin > 0) pushMin(heap, call.receivedSec + call.dispatchedMin * 60);
  }
}

/** The latest observed event before clearing (dispatched, en route, queued), or NaN. */
function lastObserved(call: CallTableRow): number {
  let last = NaN;
  for (const t of [call.queuedMin, call.dispatchedMin, call.enrouteMin]) if (t >= 0 && !(t <= last)) last = t;
  return last;
}

function pushMin(heap: number[], value: number): void {
  let i = heap.push(value) - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent] <= heap[i]) break;
    [heap[parent], heap[i]] = [heap[i], heap[parent]];
    i = parent;
  }
}

function popMin(heap: number[]): void {
  const last = heap.pop()!;
  if (heap.length === 0) return;
  heap[0] = last;
  for (let i = 0; ; ) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < heap.length && heap[l] < heap[m]) m = l;
    if (r < heap.length && heap[r] < heap[m]) m = r;
    if (m === i) return;
    [heap[m], heap[i]] = [heap[i], heap[m]];
    i = m;
  }
}
