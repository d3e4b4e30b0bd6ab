/**
 * The calibration view of a replay: before trusting the alternatives, does the baseline model
 * answer the city's real calls about as fast as the city did? The same calls on both sides: the
 * calls of the measured period that have an observed response time (received -> first unit
 * arrived, from the export), and the baseline's simulated times of exactly those calls, overall
 * and by the table's priority (the export's own, or the taxonomy's: the view says which). When
 * they differ, a hint names the knob that explains most of the gap and points to
 * `resim calibrate`, which moves the police roster in every model alike, never the baseline's alone.
 */
import { fitRows, simulateSameCalls, targetMet, type FitRow, type SameCalls } from "../experiment/calibrate-evaluate.js";
import { observedResponse, prioritySourceNote, type ObservedResponse } from "../experiment/calibrate-observed.js";
import type { QuantileSketch } from "../metrics/quantile-sketch.js";
import type { SummaryDocument } from "../report/summary-files.js";
import type { ScenarioInput } from "../scenario/schema.js";
import type { ScenarioConfig } from "../system/config.js";
import { alignColumns } from "./text-table.js";

/** Simulated and observed may differ by this share (on one stage's median) before the hint names it. */
export const CALIBRATION_TOLERANCE = 0.25;
/** The view simulates the baseline again for the same-calls figures: at most this many of the run's replications. */
export const VIEW_REPLICATIONS = 5;

export { observedResponse, type ObservedResponse };

const minutes = (value: number | null) => (value === null ? "n/a" : `${value.toFixed(1)} min`);
const signed = (error: number | null) => (error === null ? "n/a" : `${error >= 0 ? "+" : ""}${(error * 100).toFixed(0)}%`);

/** A fit table: metric, observed calls, observed, simulated, relative error, within the calibration target or not. */
export function fitTable(rows: readonly FitRow[], indent = "  "): string {
  const lines: string[][] = [["metric", "calls", "observed", "simulated", "error", "target"]];
  for (const r of rows) {
    const within = r.error !== null && Math.abs(r.error) <= r.tolerance;
    const target = !r.counted ? (r.priority === 0 ? "(not in target)" : "(too few calls)") : `${within ? "ok" : "off"} (±${Math.round(r.tolerance * 100)}%)`;
    lines.push([r.metric, r.calls.toLocaleString("en-US"), minutes(r.observed), minutes(r.simulated), signed(r.error), target]);
  }
  return alignColumns(lines, indent).join("\n");
}

/** What the view needs of the run: the scenario as loaded and the summary's baseline name. */
export interface CalibrationViewInput {
  file: string;
  config: ScenarioConfig;
  input: ScenarioInput;
}

/** The view as text (empty for a scenario that does not replay a table). Simulates the baseline's first replications again. */
export function calibrationView(scenario: CalibrationViewInput, document: SummaryDocument): string {
  const { config, file } = scenario;
  const observed = observedResponse(config);
  if (observed === null) return "";
  const baseline = document.baseline;
  const title = `Calibration: ${baseline} (simulated) against the replayed export (observed), response time received -> first unit on scene, the same calls on both sides`;
  if (observed.overall.count === 0) {
    return `\n${title}\n  not possible: the call table has no observed arrival times for the measured period (this export has none), so check the baseline's rosters against the city's real staffing instead.\n`;
  }
  const replications = Math.min(VIEW_REPLICATIONS, config.run.replications);
  const simulated = simulateSameCalls(config, replications);
  const rows = fitRows(observed, simulated);
  const notes = [
    `  (calls received in the measured period with an observed arrival; simulated over replications 0..${replications - 1} of the run, pooled; ${prioritySourceNote(observed.prioritySource)})`,
  ];
  return `\n${title}\n${fitTable(rows)}\n${notes.join("\n")}\n${calibrationHint(observed, simulated, rows, scenario)}\n`;
}

/** One stage's gap: simulated minus observed at a quantile, minutes; null when either side has none. */
function gap(simulated: QuantileSketch, observed: QuantileSketch, q: number): number | null {
  const sim = simulated.quantile(q);
  const obs = observed.quantile(q);
  return sim === null || obs === null ? null : sim - obs;
}

/** The knob that explains most of the gap, and the figures that show it. */
export interface HintKnob {
  knob: "processing" | "roster" | "onScene" | "travel";
  text: string;
}

/** How the hint names each knob. */
export const KNOB_NAMES: Record<HintKnob["knob"], string> = {
  processing: "the call-processing delay (callProcessingMin)",
  roster: "the police roster level",
  onScene: "time on scene (unitTypes.*.onSceneMin)",
  travel: "travel time (unitTypes.*.travelMin)",
};

/**
 * Splits the response gap into its stages, received -> dispatched (processing, then waiting for
 * a unit) and dispatched -> on scene (travel), and names the knob behind the larger: travel time;
 * the call-processing delay when the dispatch-stage gap is already there for the quickest calls
 * (a shift, or a scenario with no processing delay at all); otherwise waiting for a unit, which
 * grows toward the slow calls: time on scene when the export's own differs, else the roster level.
 */
export function hintKnob(observed: ObservedResponse, simulated: SameCalls, config: ScenarioConfig): HintKnob {
  const dispatch50 = gap(simulated.assigned, observed.measuredDispatchDelay, 0.5);
  const dispatch10 = gap(simulated.assigned, observed.measuredDispatchDelay, 0.1);
  const dispatch90 = gap(simulated.assigned, observed.measuredDispatchDelay, 0.9);
  const travel50 = gap(simulated.travel, observed.travel, 0.5);
  const obs = (s: { quantile(q: number): number | null }, q: number) => minutes(s.quantile(q));
  if (dispatch50 === null || dispatch90 === null) {
    // No dispatch times in the export: the gap cannot be split, and growth with the percentile says queueing.
    const g50 = gap(simulated.overall, observed.overall, 0.5) ?? 0;
    const g90 = gap(simulated.overall, observed.overall, 0.9) ?? 0;
    return Math.abs(g90 - g50) > Math.abs(g50)
      ? { knob: "roster", text: `the gap grows from ${g50.toFixed(1)} min at p50 to ${g90.toFixed(1)} min at p90 (waiting for a unit)` }
      : { knob: "processing", text: `the gap is about the same at p50 (${g50.toFixed(1)} min) and p90 (${g90.toFixed(1)} min), a shift` };
  }
  if (travel50 !== null && Math.abs(travel50) > Math.abs(dispatch50) && Math.abs(travel50) > Math.abs(dispatch90 - dispatch50)) {
    return {
      knob: "travel",
      text: `dispatched -> on scene takes ${minutes(simulated.travel.quantile(0.5))} at the median in the simulation and ${obs(observed.travel, 0.5)} in the export`,
    };
  }
  const stage = `received -> dispatched: observed p10/p50/p90 ${obs(observed.measuredDispatchDelay, 0.1)}, ${obs(observed.measuredDispatchDelay, 0.5)}, ${obs(observed.measuredDispatchDelay, 0.9)}; simulated ${minutes(simulated.assigned.quantile(0.1))}, ${minutes(simulated.assigned.quantile(0.5))}, ${minutes(simulated.assigned.quantile(0.9))}`;
  const shift = dispatch10 !== null && Math.abs(dispatch10) >= 0.5 * Math.abs(dispatch90);
  if (config.callProcessingMin === null && dispatch50 < 0) {
    return { knob: "processing", text: `${stage}; the scenario has no call-processing delay, so the city's time from call to dispatch is missing` };
  }
  if (shift) return { knob: "processing", text: `${stage}: the gap is there for the quickest calls too, a shift` };
  const scene = observed.onScene.count > 0 ? gap(simulated.onScene, observed.onScene, 0.5) : null;
  const sceneObserved = observed.onScene.quantile(0.5);
  if (scene !== null && sceneObserved !== null && sceneObserved > 0 && Math.abs(scene) / sceneObserved > CALIBRATION_TOLERANCE) {
    return {
      knob: "onScene",
      text: `${stage}: the gap grows toward the slow calls (waiting for a unit), and units stay ${minutes(simulated.onScene.quantile(0.5))} on scene at the median against the city's ${minutes(sceneObserved)}`,
    };
  }
  return { knob: "roster", text: `${stage}: the gap grows toward the slow calls (waiting for a unit)` };
}

function calibrationHint(observed: ObservedResponse, simulated: SameCalls, rows: readonly FitRow[], scenario: CalibrationViewInput): string {
  if (targetMet(rows)) {
    return "  The baseline is within the calibration target on these calls (overall p50 and p90 within 15%, each priority's p90 within 25%): it answers them about as fast as the city did.";
  }
  const { knob, text } = hintKnob(observed, simulated, scenario.config);
  return (
    `  Hint: most of the gap is ${KNOB_NAMES[knob]}: ${text}.\n` +
    `  Fit it with: resim calibrate ${scenario.file} (it fits the processing delay, travel, the police roster of every model alike and, if needed, time on scene, and writes a calibrated scenario); changing only the baseline's roster would leave the other models on the old one.`
  );
}
