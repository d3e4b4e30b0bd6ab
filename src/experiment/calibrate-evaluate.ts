/**
 * One evaluation of a calibration: the baseline model's replications on the replayed calls, and
 * its response times over the same calls the city's export measured (calls received in the
 * measured period that have an observed arrival), set beside the observed ones as a fit table.
 *
 * Replication r uses the streams of (seed, r), as in `resim run`, so two evaluations of different
 * parameter values differ only by those values (common random numbers). Quantiles are pooled over
 * the replications' calls.
 */
import type { CallRecord } from "../metrics/call-record.js";
import { QuantileSketch } from "../metrics/quantile-sketch.js";
import type { ScenarioConfig } from "../system/config.js";
import type { ObservedResponse } from "./calibrate-observed.js";
import { measurementWindow, runReplication } from "./run-replication.js";

/** The target the issue sets: overall p50 and p90 within 15%, each priority's p90 within 25%. */
export const OVERALL_TOLERANCE = 0.15;
export const PRIORITY_TOLERANCE = 0.25;
/** A priority with fewer observed calls is shown but not held to the target: its p90 is noise. */
export const MIN_PRIORITY_CALLS = 20;

/** Simulated times of the calls the export measured. */
export interface SameCalls {
  /** Received -> first unit on scene. */
  overall: QuantileSketch;
  byPriority: QuantileSketch[];
  /** Received -> first unit assigned (processing and waiting for a unit). */
  assigned: QuantileSketch;
  /** First unit assigned -> on scene, every priority. */
  travel: QuantileSketch;
  /** First unit on scene -> last unit freed (time on scene and any hold after it). */
  onScene: QuantileSketch;
  /** First unit assigned -> on scene, by priority. */
  travelByPriority: QuantileSketch[];
  /** Replications run. */
  replications: number;
}

/** Runs the model's replications 0..R-1 and gathers the response times of the calls with an observed one. */
export function simulateSameCalls(config: ScenarioConfig, replications: number, modelIndex = config.run.baseline): SameCalls {
  const { startMin, endMin } = measurementWindow(config);
  const result: SameCalls = { overall: new QuantileSketch(), byPriority: [], assigned: new QuantileSketch(), travel: new QuantileSketch(), onScene: new QuantileSketch(), travelByPriority: [], replications };
  const onCallEnd = (call: CallRecord): void => {
    if (call.arrivalMin < startMin || call.arrivalMin >= endMin || Number.isNaN(call.observedResponseMin)) return;
    if (!Number.isNaN(call.assignedMin)) result.assigned.add(call.assignedMin - call.arrivalMin);
    if (Number.isNaN(call.onSceneMin)) return;
    const response = call.onSceneMin - call.arrivalMin;
    result.overall.add(response);
    while (result.byPriority.length < call.arrivalPriority) result.byPriority.push(new QuantileSketch());
    result.byPriority[call.arrivalPriority - 1].add(response);
    result.onScene.add(call.endMin - call.onSceneMin);
    if (Number.isNaN(call.assignedMin)) return;
    result.travel.add(call.onSceneMin - call.assignedMin);
    while (result.travelByPriority.length < call.arrivalPriority) result.travelByPriority.push(new QuantileSketch());
    result.travelByPriority[call.arrivalPriority - 1].add(call.onSceneMin - call.assignedMin);
  };
  for (let r = 0; r < replications; r++) runReplication({ scenario: config, modelIndex, replication: r, onCallEnd });
  return result;
}

/** One line of a fit table. */
export interface FitRow {
  /** "overall p50", "overall p90", "priority 3 p90". */
  metric: string;
  /** The priority of a by-priority row; 0 for the overall rows. */
  priority: number;
  /** Observed calls behind the figure. */
  calls: number;
  observed: number | null;
  simulated: number | null;
  /** (simulated - observed) / observed; null when either is missing. */
  error: number | null;
  /** Largest |error| the target allows. */
  tolerance: number;
  /** Held to the target (false for a priority with too few observed calls, and for the travel row). */
  counted: boolean;
}

/**
 * The travel row's metric: the observed dispatched -> arrived median of the most urgent priority
 * with enough calls (units set off for those at once); null when the export has no such times.
 */
export function travelRowMetric(observed: ObservedResponse): string | null {
  const index = observed.travelByPriority.findIndex((s) => s.count >= MIN_PRIORITY_CALLS);
  return index < 0 ? null : `priority ${index + 1} travel p50`;
}

function row(metric: string, priority: number, observed: QuantileSketch | undefined, simulated: QuantileSketch | undefined, q: number, tolerance: number, counted: boolean): FitRow {
  const obs = observed?.quantile(q) ?? null;
  const sim = simulated?.quantile(q) ?? null;
  const error = obs === null || sim === null || obs <= 0 ? null : (sim - obs) / obs;
  return { metric, priority, calls: observed?.count ?? 0, observed: obs, simulated: sim, error, tolerance, counted };
}

/** The fit table: overall p50 and p90, then each priority's p90. */
export function fitRows(observed: ObservedResponse, simulated: SameCalls): FitRow[] {
  const rows = [
    row("overall p50", 0, observed.overall, simulated.overall, 0.5, OVERALL_TOLERANCE, true),
    row("overall p90", 0, observed.overall, simulated.overall, 0.9, OVERALL_TOLERANCE, true),
  ];
  observed.byPriority.forEach((sketch, i) => {
    if (sketch.count === 0) return;
    rows.push(row(`priority ${i + 1} p90`, i + 1, sketch, simulated.byPriority[i], 0.9, PRIORITY_TOLERANCE, sketch.count >= MIN_PRIORITY_CALLS));
  });
  // Not part of the target: how long calls took to get a unit (processing and waiting), and what travel was fitted to.
  if (observed.measuredDispatchDelay.count > 0) {
    rows.push(row("received -> dispatched p50", 0, observed.measuredDispatchDelay, simulated.assigned, 0.5, OVERALL_TOLERANCE, false));
  }
  const travel = travelRowMetric(observed);
  if (travel !== null) {
    const p = Number(travel.split(" ")[1]);
    rows.push({ ...row(travel, 0, observed.travelByPriority[p - 1], simulated.travelByPriority[p - 1], 0.5, OVERALL_TOLERANCE, false), metric: `${travel} (dispatched -> on scene)` });
  }
  return rows;
}

/** Every counted row is within its tolerance. */
export function targetMet(rows: readonly FitRow[]): boolean {
  return rows.every((r) => !r.counted || (r.error !== null && Math.abs(r.error) <= r.tolerance));
}

/**
 * How far a fit is from the target, as one number to minimise: the sum over counted rows of the
 * squared error in units of the row's tolerance (a row at its tolerance adds 1). A missing
 * simulated figure (no call answered) counts as far off.
 */
export function fitLoss(rows: readonly FitRow[]): number {
  let loss = 0;
  for (const r of rows) {
    if (!r.counted) continue;
    const e = r.error === null ? 10 : r.error / r.tolerance;
    loss += e * e;
  }
  return loss;
}

/** The worst counted row, by error in units of its tolerance. */
export function worstRow(rows: readonly FitRow[]): FitRow | null {
  let worst: FitRow | null = null;
  let worstScore = -1;
  for (const r of rows) {
    if (!r.counted) continue;
    const score = r.error === null ? Infinity : Math.abs(r.error) / r.tolerance;
    if (score > worstScore) {
      worst = r;
      worstScore = score;
    }
  }
  return worst;
}
