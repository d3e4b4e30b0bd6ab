/**
 * The calibration view of a replay: before trusting the alternatives, does the baseline model
 * answer the city's real calls about as fast as the city did? For the calls of the measured
 * period, observed response times (received -> first unit arrived, from the export) are set
 * beside the baseline's simulated ones: p50 and p90, and mean and p90 by priority where the
 * priorities are the export's own. When they clearly differ, a staffing hint says which way to
 * move the roster.
 */
import { QuantileSketch } from "../metrics/quantile-sketch.js";
import type { SummaryDocument } from "../report/summary-files.js";
import type { ScenarioInput } from "../scenario/schema.js";
import { emptyCallTableRow, parseCallTableLine } from "../streams/call-table.js";
import { simulationMinutes } from "../streams/historical-source.js";
import { LineReader } from "../streams/line-reader.js";
import type { ScenarioConfig } from "../system/config.js";
import { MINUTES_PER_DAY } from "../system/roster.js";
import { alignColumns } from "./text-table.js";

/** Simulated and observed may differ by this share before the view calls it a mismatch. */
export const CALIBRATION_TOLERANCE = 0.25;

/** Observed response times of the measured period's calls. */
export interface ObservedResponse {
  overall: QuantileSketch;
  /** By priority (index p - 1), only for calls whose priority came from the export. */
  byPriority: QuantileSketch[];
  dispatchDelay: QuantileSketch;
}

/** Reads the replayed table's observed times for calls received in the measured period. */
export function observedResponse(config: ScenarioConfig): ObservedResponse | null {
  const historical = config.demand.historical;
  if (historical === null) return null;
  const startMin = config.run.warmupDays * MINUTES_PER_DAY;
  const endMin = startMin + config.run.horizonDays * MINUTES_PER_DAY;
  const observed: ObservedResponse = { overall: new QuantileSketch(), byPriority: [], dispatchDelay: new QuantileSketch() };
  const reader = new LineReader(historical.file);
  const row = emptyCallTableRow();
  try {
    reader.next();
    // The table was validated when the scenario was loaded; a line that no longer parses is skipped here.
    for (let line = reader.next(); line !== null; line = reader.next()) {
      if (parseCallTableLine(line, row) !== null) continue;
      const timeMin = simulationMinutes(row.receivedSec, historical.timeZeroSec);
      if (timeMin < startMin) continue;
      if (timeMin >= endMin) break;
      if (row.dispatchedMin >= 0) observed.dispatchDelay.add(row.dispatchedMin);
      if (!(row.arrivedMin >= 0)) continue;
      observed.overall.add(row.arrivedMin);
      if (row.prioritySource === "export") {
        while (observed.byPriority.length < row.priority) observed.byPriority.push(new QuantileSketch());
        observed.byPriority[row.priority - 1].add(row.arrivedMin);
      }
    }
  } finally {
    reader.close();
  }
  return observed;
}

/** The view as text (empty for a scenario that does not replay a table). */
export function calibrationView(config: ScenarioConfig, input: ScenarioInput, document: SummaryDocument): string {
  const observed = observedResponse(config);
  if (observed === null) return "";
  const baseline = document.baseline;
  const title = `Calibration: ${baseline} (simulated) against the replayed export (observed), response time received -> first unit on scene`;
  if (observed.overall.count === 0) {
    return `\n${title}\n  not possible: the call table has no observed arrival times for the measured period (this export has none), so check the baseline's rosters against the city's real staffing instead.\n`;
  }
  const simulated = document.models[baseline].metrics;
  const sim = (name: string) => simulated[name]?.mean ?? null;
  const rows: string[][] = [["", "calls", "observed", `${baseline}`]];
  const fmt = (value: number | null) => (value === null ? "n/a" : `${value.toFixed(1)} min`);
  rows.push(["p50", observed.overall.count.toLocaleString("en-US"), fmt(observed.overall.quantile(0.5)), fmt(sim("responseMin.p50"))]);
  rows.push(["p90", "", fmt(observed.overall.quantile(0.9)), fmt(sim("responseMin.p90"))]);
  observed.byPriority.forEach((sketch, i) => {
    if (sketch.count === 0) return;
    const p = i + 1;
    rows.push([`priority ${p} mean`, sketch.count.toLocaleString("en-US"), fmt(sketch.mean), fmt(sim(`responseMin.mean.priority${p}`))]);
    rows.push([`priority ${p} p90`, "", fmt(sketch.quantile(0.9)), fmt(sim(`responseMin.p90.priority${p}`))]);
  });
  const table = alignColumns(rows, "  ");
  const note = observed.byPriority.length === 0 ? ["  (no rows by priority: the export has no priority column, the taxonomy's priorities are not the city's)"] : [];
  return `\n${title}\n${table.join("\n")}\n${note.join("\n")}${note.length ? "\n" : ""}${hint(observed, sim("responseMin.p50"), sim("responseMin.p90"), input, baseline)}\n`;
}

function hint(observed: ObservedResponse, p50: number | null, p90: number | null, input: ScenarioInput, baseline: string): string {
  const obs50 = observed.overall.quantile(0.5)!;
  const obs90 = observed.overall.quantile(0.9)!;
  if (p50 === null || p90 === null) return "  (the baseline has no simulated response times)";
  const faster = p50 < obs50 * (1 - CALIBRATION_TOLERANCE) || p90 < obs90 * (1 - CALIBRATION_TOLERANCE);
  const slower = p50 > obs50 * (1 + CALIBRATION_TOLERANCE) || p90 > obs90 * (1 + CALIBRATION_TOLERANCE);
  if (!faster && !slower) {
    return `  The baseline is within ${CALIBRATION_TOLERANCE * 100}% of the observed p50 and p90: it answers these calls about as fast as the city did.`;
  }
  const delay = observed.dispatchDelay.count > 0 ? ` The observed median dispatch delay is ${observed.dispatchDelay.quantile(0.5)!.toFixed(1)} min, and the model has no call-processing delay: part of the gap is that.` : "";
  const shift = firstShift(input, baseline);
  const change = (factor: number) => (shift === null ? "" : `, e.g. --set ${shift.path}=${Math.max(1, Math.round(shift.units * factor))} (now ${shift.units})`);
  return faster
    ? `  Hint: the baseline answers faster than the city did (simulated p90 ${p90.toFixed(1)} vs observed ${obs90.toFixed(1)} min).${delay} If the rest is queueing, the roster has more units free for calls than the city had: try fewer${change(0.8)}, or travel and on-scene times that are too short.`
    : `  Hint: the baseline answers slower than the city did (simulated p90 ${p90.toFixed(1)} vs observed ${obs90.toFixed(1)} min): the roster has fewer units than the city had for calls, or travel and on-scene times are too long; try more${change(1.2)}.`;
}

/** The baseline's first shift of its most staffed unit type, as a --set path. */
function firstShift(input: ScenarioInput, baseline: string): { path: string; units: number } | null {
  const staffing = input.models[baseline]?.staffing ?? {};
  const types = Object.entries(staffing).sort((a, b) => total(b[1]) - total(a[1]));
  if (types.length === 0 || types[0][1].length === 0) return null;
  const [type, shifts] = types[0];
  return { path: `models.${baseline}.staffing.${type}[0].units`, units: shifts[0].units };
}

function total(shifts: readonly { units: number }[]): number {
  return shifts.reduce((sum, s) => sum + s.units, 0);
}
