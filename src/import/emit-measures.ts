/**
 * The measured parts of a fitted scenario (`resim import --emit-scenario`): the call-processing
 * delay by priority (`callProcessingMin`), cancellations (`cancellations`), units per call
 * (`unitsPerCall`) and intake misclassification (`intake.codedAs`), each only where the export
 * gives it, with a comment line saying what it was measured from and on how many calls.
 *
 * Durations are written as lognormals through their median and p90 (the scenario's lognormal
 * accepts that pair): exports hold a long tail of calls held for hours (reports taken next shift,
 * scheduled appointments) that would inflate a mean and sd fit far beyond the typical call.
 */
import type { CallMeasures, DurationSample } from "./call-measures.js";
import type { Mapping } from "./mapping.js";

/** Calls a per-priority figure needs before it is written (fewer fall back to the default). */
export const MIN_CALLS = 30;

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** A duration distribution from a sample, or null when too few or degenerate values. */
export function fittedDuration(sample: DurationSample): Record<string, unknown> | null {
  if (sample.count < MIN_CALLS) return null;
  const median = sample.sketch.quantile(0.5)!;
  const p90 = sample.sketch.quantile(0.9)!;
  if (median > 0 && p90 > median) return { dist: "lognormal", median: round(median, 1), p90: round(p90, 1) };
  // Most values equal (minute-resolution times): a fixed time at the mean says as much.
  if (sample.mean > 0) return { dist: "fixed", value: round(sample.mean, 2) };
  return null;
}

/** Top-level scenario keys measured from the import, and comment lines describing them. */
export function measuredKeys(
  measures: CallMeasures,
  mapping: Mapping,
  categories: ReadonlySet<string>,
  template: Record<string, any>,
): { keys: Record<string, unknown>; comments: string[] } {
  const keys: Record<string, unknown> = {};
  const comments: string[] = [];

  const method = measures.processingMethod;
  if (method !== null) {
    const { all, byPriority } = measures.processingSamples();
    const fitted = fittedDuration(all);
    if (fitted !== null) {
      const record: Record<string, unknown> = { default: fitted };
      const counts = [`default n=${all.count}`];
      byPriority.forEach((sample, i) => {
        const dist = fittedDuration(sample);
        if (dist !== null) {
          record[`priority${i + 1}`] = dist;
          counts.push(`priority${i + 1} n=${sample.count}`);
        }
      });
      keys.callProcessingMin = record;
      comments.push(
        method === "queued"
          ? `# callProcessingMin: estimated from the export, received -> queued for dispatch (${counts.join(", ")}).`
          : `# callProcessingMin: estimated from the export, received -> dispatched of calls received when no earlier call awaited dispatch (${counts.join(", ")}); an upper bound, as it may include a wait for a busy unit.`,
        "#   Lognormals through the measured median and p90; priorities with fewer than 30 calls use the default.",
      );
    }
  }

  if (mapping.cancelled !== null && measures.cancellationKnown > 0) {
    const after = fittedDuration(measures.cancelledAfter);
    if (after !== null) {
      const share: Record<string, number> = {};
      measures.cancellation.forEach((c, i) => {
        if (c.calls > 0) share[`priority${i + 1}`] = round(c.cancelled / c.calls, 4);
      });
      keys.cancellations = { share, afterMin: { default: after } };
      comments.push(
        `# cancellations: measured from the export, ${measures.cancelled} of ${measures.cancellationKnown} calls cancelled (the mapping's 'cancelled' rule); afterMin is received -> ` +
          (measures.cancelledAfterIsLowerBound
            ? "cleared, or the last observed event where a cancelled call has no clear time (so a lower bound)."
            : "cleared of the cancelled calls."),
      );
    } else {
      comments.push(
        `# cancellations: not written: ${measures.cancelled} of ${measures.cancellationKnown} calls were cancelled, but only ${measures.cancelledAfter.count} have a time ` +
          `to measure how long after the call they were cancelled (${MIN_CALLS} needed), and the scenario's cancellations need that time.`,
      );
    }
  }

  if (measures.unitsCalls > 0) {
    const rules: { match: { categories: string[]; priorities: number[] }; units: number }[] = [];
    const cells = [...measures.units].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [key, cell] of cells) {
      const [category, priority] = [key.slice(0, key.lastIndexOf("|")), Number(key.slice(key.lastIndexOf("|") + 1))];
      const units = Math.round(cell.units / cell.calls);
      if (cell.calls >= MIN_CALLS && units >= 2 && categories.has(category)) rules.push({ match: { categories: [category], priorities: [priority] }, units });
    }
    const source = mapping.units ? `the export's column '${mapping.units.column}'` : "the taxonomy's units per call";
    if (rules.length > 0) keys.unitsPerCall = rules;
    comments.push(
      `# unitsPerCall: measured from ${source}: ${(measures.unitsTotal / measures.unitsCalls).toFixed(2)} units per call on average over ${measures.unitsCalls} calls; ` +
        `each category and priority with ${MIN_CALLS}+ calls gets its mean rounded to whole units (listed where 2 or more; the others get 1).`,
    );
  }

  if (measures.intakeCalls > 0) {
    const codedAs: Record<string, Record<string, number>> = {};
    for (const [truth, coded] of Object.entries(measures.codedAs())) {
      if (!categories.has(truth)) continue;
      const row = Object.fromEntries(Object.entries(coded).filter(([as, s]) => categories.has(as) && round(s, 4) > 0).map(([as, s]) => [as, round(s, 4)]));
      if (Object.keys(row).length > 0) codedAs[truth] = row;
    }
    keys.intake = { ...(template.intake ?? {}), codedAs };
    comments.push(
      `# intake.codedAs: measured from the export's initial and final call types (${measures.intakeCalls} calls): final (true) category -> {initial (coded) category: share}.`,
    );
  }
  return { keys, comments };
}
