/**
 * Why a calibration missed its target, read from every evaluation it ran: for each row still out
 * of tolerance, whether it stayed on the same side of the observed figure at every knob value
 * tried (then no value of these knobs can fix it, and the part of the model that holds it is
 * named), or whether fixing it would cost other rows more.
 */
import { fitLoss, type FitRow } from "./calibrate-evaluate.js";
import type { Knob } from "./calibrate-knobs.js";
import type { ObservedResponse } from "./calibrate-observed.js";
import type { Evaluation } from "./calibrate.js";

const pct = (share: number) => `${Math.round(Math.abs(share) * 100)}%`;

/** "roster x0.50..x1.60, processing x0.20..x1.00": the range of each knob the evaluations covered. */
function triedRanges(history: readonly Evaluation[], knobs: readonly Knob[]): string {
  const parts: string[] = [];
  for (const knob of knobs) {
    const tried = history.map((e) => e.values[knob.id] ?? knob.asWritten).filter((v): v is number => v !== null && v !== undefined);
    const finite = tried.filter(Number.isFinite);
    if (finite.length === 0) continue;
    const low = Math.min(...finite);
    const high = Math.max(...finite);
    const off = tried.some((v) => !Number.isFinite(v)) ? " and off" : "";
    const name = knob.id === "roster" ? "roster" : knob.id === "processing" ? "processing delay" : knob.id === "onScene" ? "time on scene" : "aging";
    parts.push(low === high ? `${name} ${knob.describe(low)}${off}` : `${name} ${knob.describe(low)} to ${knob.describe(high)}${off}`);
  }
  return parts.join(", ");
}

/** The part of the model that keeps a row on one side of the observed figure. */
function cause(row: FitRow, above: boolean, maxPriority: number, observed: ObservedResponse, agingOffered: boolean, knobs: readonly Knob[]): string {
  const taxonomy = observed.prioritySource !== "export" ? " (and these priorities are the taxonomy's, by call type, not the city's own)" : "";
  const policeTypes = knobs.find((k) => k.id === "roster")?.paths.map((p) => p.split(".").pop()) ?? [];
  const travel = [...new Set(policeTypes)].map((t) => `unitTypes.${t}.travelMin`).join(", ") || "the police unit types' travelMin";
  if (row.priority === 0) {
    if (row.metric.endsWith("p50")) {
      return above
        ? `even with almost no processing delay the simulated median is longer than the city's: travel (${travel}) or the wait for a unit is too long`
        : "the city's median holds more delay than the model can add without overshooting the p90";
    }
    return above ? "queueing at every roster level tried: time on scene or the holds after it (outcomes.*.holdMin) keep units too busy" : "the city's slowest calls waited longer than any roster level tried makes them wait";
  }
  if (row.priority === 1) {
    return above
      ? `priority-1 calls are dispatched first, so their p90 is processing plus travel: ${travel} or callProcessingMin.priority1 is longer than the city's`
      : "the city's priority-1 calls waited longer than strict priority lets them";
  }
  if (above && row.priority === maxPriority) {
    return agingOffered
      ? `strict priority holds routine calls behind every more urgent one, and priority aging (dispatchPolicy.aging) did not release them enough${taxonomy}`
      : `strict priority holds routine calls behind every more urgent one; this scenario schema offers no priority aging to let them rise${taxonomy}`;
  }
  return above
    ? `these calls wait behind more urgent ones longer than the city's did${taxonomy}`
    : `the city answered these calls later than their priority implies: it did not serve them in strict priority order${taxonomy}`;
}

/** One sentence per row out of tolerance. */
export function diagnoseFit(rows: readonly FitRow[], history: readonly Evaluation[], knobs: readonly Knob[], observed: ObservedResponse, agingOffered: boolean): string[] {
  const maxPriority = Math.max(0, ...rows.map((r) => r.priority));
  const tried = triedRanges(history, knobs);
  const lines: string[] = [];
  for (const row of rows) {
    if (!row.counted || (row.error !== null && Math.abs(row.error) <= row.tolerance)) continue;
    if (row.error === null) {
      lines.push(`${row.metric}: no simulated call was answered`);
      continue;
    }
    const errors = history.map((e) => e.rows.find((r) => r.metric === row.metric)?.error).filter((e): e is number => e !== null && e !== undefined);
    const above = row.error > 0;
    const side = above ? "above" : "below";
    const always = errors.every((e) => (above ? e > row.tolerance : e < -row.tolerance));
    if (always) {
      const closest = errors.reduce((best, e) => (Math.abs(e) < Math.abs(best) ? e : best), errors[0]);
      lines.push(
        `${row.metric} stays at least ${pct(closest)} ${side} observed at every value tried (${tried}): ${cause(row, above, maxPriority, observed, agingOffered, knobs)}.`,
      );
    } else {
      const worseElsewhere = history.filter((e) => {
        const r = e.rows.find((x) => x.metric === row.metric);
        return r?.error !== null && r?.error !== undefined && Math.abs(r.error) <= row.tolerance;
      });
      const best = worseElsewhere.reduce<Evaluation | null>((b, e) => (b === null || e.loss < b.loss ? e : b), null);
      const cost = best === null ? "" : `; the values that bring it within ${pct(row.tolerance)} put other rows further off (fit loss ${best.loss.toFixed(1)} against the fitted ${fitLoss(rows).toFixed(1)})`;
      lines.push(`${row.metric} is ${pct(row.error)} ${side} observed at the fitted values${cost}: ${cause(row, above, maxPriority, observed, agingOffered, knobs)}.`);
    }
  }
  return lines;
}
