/**
 * `resim calibrate`: fits a replay scenario's baseline to what the city's export observed, in
 * steps, one knob at a time (coordinate descent): travel time to the observed dispatched ->
 * arrived median of the most urgent calls, the call-processing delay to the overall
 * response p50, the police roster level to the overall p90, again for a second round (they
 * interact), time on scene when the roster alone cannot reach the p90 (rounding, bounds);
 * then, where the scenario schema offers a dispatch policy, priority aging against every row
 * (kept only when it fits better than strict priority) and a priority-1 reserve (the smallest
 * that meets the target), each with the steps before redone.
 *
 * A monotone knob is bracketed (steps of x1.6 toward its target) then bisected; aging, which has
 * no single target, by golden-section search on the fit loss. Every evaluation runs the baseline
 * model only, on fixed seeds (common random numbers) and few replications, through the library
 * path `resim run` uses, with the knob values applied as `--set` overrides; the number of
 * evaluations is bounded.
 */
import type { Assignment } from "../scenario/assignments.js";
import { validateWithOverrides } from "../scenario/load.js";
import type { ScenarioConfig } from "../system/config.js";
import { fitLoss, fitRows, simulateSameCalls, targetMet, type FitRow } from "./calibrate-evaluate.js";
import { calibrationKnobs, type Knob, type KnobId } from "./calibrate-knobs.js";
import type { ObservedResponse } from "./calibrate-observed.js";
import { diagnoseFit } from "./calibrate-diagnosis.js";

export type KnobValues = Partial<Record<KnobId, number>>;

export interface CalibrationOptions {
  /** The scenario file (for messages and relative paths). */
  file: string;
  /** Its parsed data, extends resolved (readScenarioFile): the knobs' overrides apply to a copy. */
  data: unknown;
  /** The validated scenario (with the run settings the fit uses). */
  config: ScenarioConfig;
  input: import("../scenario/schema.js").ScenarioInput;
  observed: ObservedResponse;
  /** Replications per evaluation. */
  replications: number;
  /** Seed of every evaluation; default the scenario's. */
  seed?: number;
  /** Most evaluations in all (default 100). */
  maxEvaluations?: number;
  /** Called after each step with its fit. */
  onStep?: (step: FitStep) => void;
  /** Called after each evaluation, for a progress line. */
  onEvaluation?: (done: number, most: number) => void;
}

/** One evaluated set of knob values. */
export interface Evaluation {
  values: KnobValues;
  rows: FitRow[];
  loss: number;
}

/** The state after one step of the fit. */
export interface FitStep {
  title: string;
  knob: Knob | null;
  values: KnobValues;
  rows: FitRow[];
  /** Evaluations the step ran (cached ones not counted). */
  evaluations: number;
}

/** Strict priority against priority aging, each with the rest of the fit redone. */
export interface AgingComparison {
  strict: FitRow[];
  aged: FitRow[];
  afterMin: number;
  /** Aging fits better (lower loss) and is kept in the calibrated scenario. */
  kept: boolean;
}

export interface CalibrationResult {
  knobs: Knob[];
  steps: FitStep[];
  values: KnobValues;
  rows: FitRow[];
  /** The overrides that set the fitted values. */
  assignments: Assignment[];
  reached: boolean;
  /** What keeps the fit from the target, derived from every evaluation; empty when reached. */
  limits: string[];
  aging: AgingComparison | null;
  evaluations: number;
  /** Every evaluation, in order. */
  history: Evaluation[];
}

/** Relative error on the target metric at which a monotone search stops. */
const CLOSE_ENOUGH = 0.02;
/** Most evaluations one monotone step may run. */
const STEP_EVALUATIONS = 8;
/** Bracketing steps move a factor by this ratio. */
const BRACKET_RATIO = 1.6;

class Fitter {
  readonly history: Evaluation[] = [];
  private readonly cache = new Map<string, Evaluation>();
  evaluations = 0;
  readonly knobs: Knob[];
  readonly most: number;

  constructor(private readonly options: CalibrationOptions) {
    this.knobs = calibrationKnobs(options.input, options.config, options.observed);
    this.most = options.maxEvaluations ?? 100;
  }

  knob(id: KnobId): Knob | undefined {
    return this.knobs.find((k) => k.id === id);
  }

  get left(): number {
    return this.most - this.evaluations;
  }

  /** The overrides of the values that change the scenario (a value equal to the scenario's own sets nothing). */
  assignments(values: KnobValues): Assignment[] {
    return this.knobs.flatMap((knob) => {
      const value = values[knob.id];
      return value === undefined || value === knob.asWritten ? [] : knob.assignments(value);
    });
  }

  /** Runs the baseline with these values (or returns the earlier run of the same values). */
  evaluate(values: KnobValues): Evaluation {
    const key = JSON.stringify(this.knobs.map((k) => values[k.id] ?? k.asWritten));
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const { file, data, replications, seed } = this.options;
    const loaded = validateWithOverrides(structuredClone(data), file, { set: this.assignments(values), run: { replications, seed } });
    const rows = fitRows(this.options.observed, simulateSameCalls(loaded.config, replications));
    const evaluation: Evaluation = { values: { ...values }, rows, loss: fitLoss(rows) };
    this.cache.set(key, evaluation);
    this.history.push(evaluation);
    this.evaluations++;
    this.options.onEvaluation?.(this.evaluations, this.most);
    return evaluation;
  }
}

function targetError(rows: readonly FitRow[], metric: string): number {
  const row = rows.find((r) => r.metric === metric || r.metric.startsWith(`${metric} `));
  // No simulated figure (nothing answered) counts as far too slow.
  return row?.error ?? Infinity;
}

const clamp = (knob: Knob, value: number) => Math.min(knob.high, Math.max(knob.low, value));

/**
 * Moves one monotone knob until its target metric matches the observed one: bracket, then bisect
 * (geometric means: the knobs are factors). Returns the values with the best value found.
 */
function fitMonotone(fitter: Fitter, knob: Knob, values: KnobValues): KnobValues {
  const { metric, direction } = knob.target!;
  const start = values[knob.id] ?? knob.initial;
  const at = (value: number) => ({ ...values, [knob.id]: value });
  let best = { value: start, error: targetError(fitter.evaluate(at(start)).rows, metric) };
  const consider = (value: number, error: number) => {
    if (Math.abs(error) < Math.abs(best.error)) best = { value, error };
  };
  if (Math.abs(best.error) <= CLOSE_ENOUGH) return at(start);
  const sign = Math.sign(best.error);
  // Raise the value when that lowers a metric that is too high (or raises one too low).
  const up = (sign > 0) === (direction < 0);
  let near = start;
  let far: number | null = null;
  let budget = Math.min(STEP_EVALUATIONS, fitter.left);
  while (budget > 0) {
    const next = clamp(knob, up ? near * BRACKET_RATIO : near / BRACKET_RATIO);
    if (next === near) break;
    const error = targetError(fitter.evaluate(at(next)).rows, metric);
    budget--;
    consider(next, error);
    if (Math.sign(error) !== sign) {
      far = next;
      break;
    }
    near = next;
  }
  while (far !== null && budget > 0 && Math.abs(best.error) > CLOSE_ENOUGH && Math.max(near, far) / Math.min(near, far) > 1.02) {
    const middle = Math.sqrt(near * far);
    const error = targetError(fitter.evaluate(at(middle)).rows, metric);
    budget--;
    consider(middle, error);
    if (Math.sign(error) === sign) near = middle;
    else far = middle;
  }
  return at(best.value);
}

/** Golden-section search of a knob on the fit loss, on a log scale; returns the best value evaluated. */
function fitByLoss(fitter: Fitter, knob: Knob, values: KnobValues, evaluations: number): KnobValues {
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(knob.low);
  let b = Math.log(knob.high);
  const loss = (x: number) => fitter.evaluate({ ...values, [knob.id]: Math.exp(x) }).loss;
  let c = b - phi * (b - a);
  let d = a + phi * (b - a);
  let lc = loss(c);
  let ld = loss(d);
  let budget = Math.min(evaluations, fitter.left) - 2;
  let best = lc <= ld ? { x: c, loss: lc } : { x: d, loss: ld };
  while (budget > 0) {
    if (lc <= ld) {
      b = d;
      d = c;
      ld = lc;
      c = b - phi * (b - a);
      lc = loss(c);
      if (lc < best.loss) best = { x: c, loss: lc };
    } else {
      a = c;
      c = d;
      lc = ld;
      d = a + phi * (b - a);
      ld = loss(d);
      if (ld < best.loss) best = { x: d, loss: ld };
    }
    budget--;
  }
  return { ...values, [knob.id]: Math.exp(best.x) };
}

/** Runs the fit. Throws ScenarioError if a knob value makes the scenario invalid (a bug of a knob). */
export function calibrate(options: CalibrationOptions): CalibrationResult {
  const fitter = new Fitter(options);
  const steps: FitStep[] = [];
  let values: KnobValues = {};
  let before = 0;
  const record = (title: string, knob: Knob | null) => {
    const evaluation = fitter.evaluate(values);
    const step: FitStep = { title, knob, values: { ...values }, rows: evaluation.rows, evaluations: fitter.evaluations - before };
    before = fitter.evaluations;
    steps.push(step);
    options.onStep?.(step);
    return evaluation;
  };
  const within = (metric: string) => {
    const row = fitter.evaluate(values).rows.find((r) => r.metric === metric);
    return row !== undefined && row.error !== null && Math.abs(row.error) <= row.tolerance;
  };
  const travel = fitter.knob("travel");
  const processing = fitter.knob("processing")!;
  const roster = fitter.knob("roster");
  const onScene = fitter.knob("onScene");
  const aging = fitter.knob("aging");
  const reserve = fitter.knob("reserve");

  record("as written", null);
  // Travel has its own observed figure; fitted first, it leaves the waiting to the other knobs.
  if (travel !== undefined) {
    values = fitMonotone(fitter, travel, values);
    record(`${travel.label} to the observed ${travel.target!.metric} (dispatched -> arrived)`, travel);
  }
  /** Processing and roster in up to two rounds, then time on scene if the p90 is still off; `prefix` names the setting. */
  const rounds = (prefix: string) => {
    for (let round = 1; round <= 2 && fitter.left > 0; round++) {
      const was = JSON.stringify(values);
      values = fitMonotone(fitter, processing, values);
      record(`${prefix}round ${round}: ${processing.label} to the observed overall p50`, processing);
      if (roster !== undefined && fitter.left > 0) {
        values = fitMonotone(fitter, roster, values);
        record(`${prefix}round ${round}: ${roster.label} to the observed overall p90`, roster);
      }
      if (JSON.stringify(values) === was || (within("overall p50") && within("overall p90"))) break;
    }
    // Rounded units move the p90 in jumps (and a roster at its bound not at all): time on scene is continuous.
    if (onScene !== undefined && !within("overall p90") && fitter.left > 0) {
      values = fitMonotone(fitter, onScene, values);
      record(`${prefix}${onScene.label} to the observed overall p90`, onScene);
      if (!within("overall p50") && fitter.left > 0) {
        values = fitMonotone(fitter, processing, values);
        record(`${prefix}${processing.label} to the observed overall p50 again`, processing);
      }
    }
  };
  rounds("");

  let comparison: AgingComparison | null = null;
  if (aging !== undefined && fitter.left > 2) {
    const strict = { ...values };
    const strictEvaluation = fitter.evaluate(strict);
    values = fitByLoss(fitter, aging, values, 8);
    record(`${aging.label} against the per-priority p90`, aging);
    rounds("with aging, ");
    const aged = fitter.evaluate(values);
    const kept = aged.loss < strictEvaluation.loss;
    comparison = { strict: strictEvaluation.rows, aged: aged.rows, afterMin: values.aging!, kept };
    if (!kept) {
      values = strict;
      record("strict priority kept: it fits better than aging", null);
    }
  }
  // A reserve for priority-1 calls: a discrete choice, kept only when it lowers the fit loss.
  if (reserve !== undefined && fitter.left > 2) {
    const without = { ...values };
    const refitted: KnobValues[] = [without];
    // Held-back units leave fewer for the rest, so each reserve is tried with the delay and roster refitted.
    for (const keep of [1, 2]) {
      if (fitter.left <= 2) break;
      values = { ...refitted[refitted.length - 1], reserve: keep };
      rounds(`with a reserve of ${keep}, `);
      refitted.push(values);
      if (targetMet(fitter.evaluate(values).rows) || fitter.evaluate(values).loss >= fitter.evaluate(refitted[refitted.length - 2]).loss) break;
    }
    // The smallest reserve that meets the target (units held back cost capacity), else the best fit.
    const meets = refitted.find((v) => targetMet(fitter.evaluate(v).rows));
    values = meets ?? refitted.reduce((best, v) => (fitter.evaluate(v).loss < fitter.evaluate(best).loss ? v : best), without);
    record(values.reserve ? `${reserve.label}: the smallest that fits best` : "no reserve kept: none of those tried fits better", reserve);
  }
  const final = fitter.evaluate(values);
  const reached = targetMet(final.rows);
  return {
    knobs: fitter.knobs,
    steps,
    values,
    rows: final.rows,
    assignments: fitter.assignments(values),
    reached,
    limits: reached ? [] : diagnoseFit(final.rows, fitter.history, fitter.knobs, options.observed, aging !== undefined),
    aging: comparison,
    evaluations: fitter.evaluations,
    history: fitter.history,
  };
}
