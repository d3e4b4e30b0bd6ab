/**
 * The calibration part of the import summary: the call-processing delay by priority, cancelled
 * calls by priority, units per call, and how often intake coded a call as another category than
 * its final one (the `intake.codedAs` matrix). Only what the export and mapping give is shown.
 */
import type { CallMeasures, DurationSample } from "./call-measures.js";
import type { Mapping } from "./mapping.js";
import { alignColumns } from "./text-table.js";

const count = (n: number) => n.toLocaleString("en-US");
const percent = (part: number, whole: number) => `${whole === 0 ? "0.0" : ((100 * part) / whole).toFixed(1)}%`;

/** Lines of the calibration part (each section starts with a blank line). */
export function measuresLines(measures: CallMeasures, mapping: Mapping): string[] {
  return [...processingLines(measures), ...cancelledLines(measures, mapping), ...unitsLines(measures, mapping), ...intakeLines(measures)];
}

function processingLines(measures: CallMeasures): string[] {
  const method = measures.processingMethod;
  if (method === null) return [];
  const { all, byPriority } = measures.processingSamples();
  const row = (label: string, s: DurationSample) => [label, count(s.count), q(s, 0.5), q(s, 0.9), s.mean.toFixed(1), Number.isNaN(s.sd) ? "" : s.sd.toFixed(1)];
  const rows = [["call processing, minutes", "calls", "p50", "p90", "mean", "sd"], row("all priorities", all)];
  byPriority.forEach((s, i) => {
    if (s.count > 0) rows.push(row(`priority ${i + 1}`, s));
  });
  const how =
    method === "queued"
      ? "received -> queued for dispatch"
      : "received -> dispatched, of calls received when no earlier call awaited dispatch (an upper bound: it may include a wait for a busy unit)";
  return ["", `call processing delay (${how}):`, ...alignColumns(rows).map((l) => `  ${l}`)];
}

function q(sample: DurationSample, p: number): string {
  return (sample.sketch.quantile(p) ?? NaN).toFixed(1);
}

function cancelledLines(measures: CallMeasures, mapping: Mapping): string[] {
  const rule = mapping.cancelled;
  if (rule === null || measures.cancellationKnown === 0) return [];
  const how = [rule.column ? `column '${rule.column.column}'` : "", rule.withoutArrival ? "no arrival time" : ""].filter(Boolean).join(" or ");
  const byPriority = measures.cancellation
    .map((c, i) => (c.calls > 0 ? `P${i + 1} ${percent(c.cancelled, c.calls)} of ${count(c.calls)}` : ""))
    .filter(Boolean)
    .join(", ");
  const after = measures.cancelledAfter;
  const afterText =
    after.count === 0
      ? ""
      : `; cancelled ${after.sketch.quantile(0.5)!.toFixed(1)} min (p50) after received${measures.cancelledAfterIsLowerBound ? " (a lower bound: where a cancelled call has no clear time, its last observed event is used)" : ""}`;
  return ["", `cancelled     ${count(measures.cancelled)} of ${count(measures.cancellationKnown)} calls (${percent(measures.cancelled, measures.cancellationKnown)}) by ${how}: ${byPriority}${afterText}`];
}

function unitsLines(measures: CallMeasures, mapping: Mapping): string[] {
  if (measures.unitsCalls === 0) return [];
  const source = mapping.units ? `column '${mapping.units.column}'` : "the taxonomy's units per call";
  const byPriority: { calls: number; units: number }[] = [];
  for (const [key, cell] of measures.units) {
    const priority = Number(key.slice(key.lastIndexOf("|") + 1));
    while (byPriority.length < priority) byPriority.push({ calls: 0, units: 0 });
    byPriority[priority - 1].calls += cell.calls;
    byPriority[priority - 1].units += cell.units;
  }
  const list = byPriority
    .map((c, i) => (c.calls > 0 ? `P${i + 1} ${(c.units / c.calls).toFixed(2)}` : ""))
    .filter(Boolean)
    .join(", ");
  return ["", `units per call ${(measures.unitsTotal / measures.unitsCalls).toFixed(2)} on average over ${count(measures.unitsCalls)} calls (${source}): ${list}`];
}

function intakeLines(measures: CallMeasures): string[] {
  const lines: string[] = [];
  if (measures.intakeCalls > 0) {
    let recoded = 0;
    for (const [truth, row] of measures.intake) for (const [as, n] of row) if (as !== truth) recoded += n;
    lines.push("", `intake        ${count(recoded)} of ${count(measures.intakeCalls)} calls (${percent(recoded, measures.intakeCalls)}) were first coded as another category than their final one`);
    const codedAs = measures.codedAs();
    for (const [truth, coded] of Object.entries(codedAs)) {
      const parts = Object.entries(coded)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([as, share]) => `${as} ${(100 * share).toFixed(1)}%`);
      lines.push(`  ${truth} first coded as: ${parts.join(", ")}`);
    }
  }
  if (measures.initialPriorityCalls > 0) {
    lines.push(`${lines.length === 0 ? "\nintake        " : "  "}priority changed after intake in ${count(measures.priorityChanged)} of ${count(measures.initialPriorityCalls)} calls (${percent(measures.priorityChanged, measures.initialPriorityCalls)})`);
  }
  return lines;
}
