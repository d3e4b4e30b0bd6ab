/**
 * The knobs `resim calibrate` turns, as data: each names the scenario keys it writes, its search
 * range, the metric it moves most (and which way), and how a value becomes `--set` overrides, so
 * a fitted value reaches the scenario exactly as a command-line override would.
 *
 * - travel: a factor on the police unit types' `travelMin`, fitted to the observed dispatched ->
 *   arrived median of the most urgent priority with enough calls (units drive to those at once,
 *   so it is the export's purest measure of travel).
 * - roster: one factor on every shift of the baseline's police unit types (crews of officers
 *   only), applied to the same unit types in every model, so models that shared a roster still
 *   share it; units rounded, at least 1 where there was at least 1.
 * - processing: a factor on `callProcessingMin` (the scenario's own, or a shape taken from the
 *   export's received -> queued or received -> dispatched times by priority when it has none).
 * - onScene: a factor on the police unit types' `onSceneMin` distributions.
 * - aging: `dispatchPolicy.aging.afterMin`, when the scenario schema has a dispatch policy and
 *   the scenario states no aging of its own.
 * - reserve: how many of the last free units of the main police unit type answer only
 *   priority-1 calls (`dispatchPolicy.reserve`), 0 to 2, when the scenario has no reserve of its own.
 */
import { formatPath } from "../scenario/errors.js";
import type { Assignment } from "../scenario/assignments.js";
import { scenarioSchema, type DistributionInput, type ScenarioInput } from "../scenario/schema.js";
import type { ScenarioConfig } from "../system/config.js";
import type { ObservedResponse } from "./calibrate-observed.js";
import { travelRowMetric } from "./calibrate-evaluate.js";

export type KnobId = "travel" | "roster" | "processing" | "onScene" | "aging" | "reserve";

export interface Knob {
  id: KnobId;
  /** For tables: "police roster level". */
  label: string;
  /** Key paths the knob writes (scenario notation). */
  paths: string[];
  low: number;
  high: number;
  /** The value the search starts from (1 for a factor). */
  initial: number;
  /** The value that leaves the scenario as written; null when every value changes it (a delay the scenario lacks). */
  asWritten: number | null;
  /** Search on a log scale (factors) or a linear one (minutes). */
  logScale: boolean;
  /** The metric the knob is fitted to and the sign of its effect on it (+1: a larger value raises it). */
  target: { metric: string; direction: 1 | -1 } | null;
  /** The overrides that set `value`. */
  assignments(value: number): Assignment[];
  /** The value for tables: "x0.85", "60 min". */
  describe(value: number): string;
  /** What the knob started from, for the written scenario's comments. */
  basis: string;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** A duration distribution with every time scaled by `factor` (shapes stay, so lognormal spreads keep their ratio). */
export function scaleDistribution(spec: DistributionInput, factor: number): DistributionInput {
  const s = (v: number | undefined) => (v === undefined ? undefined : round(v * factor, 3));
  switch (spec.dist) {
    case "exponential":
      return { dist: "exponential", mean: s(spec.mean)! };
    case "lognormal":
      return strip({ dist: "lognormal", mean: s(spec.mean), sd: s(spec.sd), median: s(spec.median), p90: s(spec.p90) });
    case "gamma":
      // Scaling a gamma keeps its shape and scales its scale (or its mean and sd).
      return strip({ dist: "gamma", shape: spec.shape, scale: s(spec.scale), mean: s(spec.mean), sd: s(spec.sd) });
    case "triangular":
      return { dist: "triangular", min: s(spec.min)!, mode: s(spec.mode)!, max: s(spec.max)! };
    case "uniform":
      return { dist: "uniform", min: s(spec.min)!, max: s(spec.max)! };
    case "fixed":
      return { dist: "fixed", value: s(spec.value)! };
    case "empirical":
      return strip({ dist: "empirical", values: spec.values.map((v) => round(v * factor, 3)), weights: spec.weights });
  }
}

function strip<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function assignment(path: (string | number)[], value: unknown): Assignment {
  return { path, value, text: `${formatPath(path)}=${JSON.stringify(value)}`, given: "resim calibrate" };
}

/** Unit types of the baseline's roster whose crews are officers only. */
export function policeUnitTypes(input: ScenarioInput, baseline: string): string[] {
  return Object.keys(input.models[baseline]?.staffing ?? {}).filter((type) => {
    const crew = input.unitTypes[type]?.crew ?? {};
    return (crew.officer ?? 0) > 0 && (crew.clinician ?? 0) === 0 && (crew.peer ?? 0) === 0 && (crew.medic ?? 0) === 0;
  });
}

/** A fitted value with what it applies to: "x0.85 of the scenario's rosters", "after 25 min (the input: strict priority (no aging))". */
export function fittedNote(knob: Knob, value: number): string {
  return knob.id === "aging" || knob.id === "reserve" ? `${knob.describe(value)} (the input: ${knob.basis})` : `${knob.describe(value)} of ${knob.basis}`;
}

/** Units of a shift scaled: rounded, at least 1 where there was at least 1. */
export function scaleUnits(units: number, factor: number): number {
  return units >= 1 ? Math.max(1, Math.round(units * factor)) : units;
}

function rosterKnob(input: ScenarioInput, types: readonly string[]): Knob {
  const targets = Object.entries(input.models).flatMap(([model, m]) => types.filter((t) => m.staffing[t] !== undefined).map((t) => ({ model, type: t, shifts: m.staffing[t] })));
  return {
    id: "roster",
    label: `police roster level (${types.join(", ")}, every model)`,
    paths: targets.map((t) => `models.${t.model}.staffing.${t.type}`),
    low: 0.2,
    high: 5,
    initial: 1,
    asWritten: 1,
    logScale: true,
    target: { metric: "overall p90", direction: -1 },
    assignments: (factor) =>
      targets.map((t) => assignment(["models", t.model, "staffing", t.type], t.shifts.map((shift) => ({ ...strip(shift), units: scaleUnits(shift.units, factor) })))),
    describe: (factor) => `x${factor.toFixed(2)}`,
    basis: "the scenario's rosters",
  };
}

/** Fewest observed calls of a priority for its own processing-delay shape. */
const MIN_SHAPE_CALLS = 20;

/** Spread of the processing-delay shape: p90 over median (a lognormal; the fit scales both). */
const PROCESSING_SPREAD = 2;

/**
 * The processing-delay shape for a scenario without one: by priority, a lognormal whose median is
 * the export's received -> queued median (received -> dispatched when it has no queued time) and
 * whose p90 is PROCESSING_SPREAD times it; 'default' from every call. The observed p90 is not
 * used: a call's wait for a unit fills the tail of its dispatch delay, and that wait is the
 * roster's to explain. The fit scales every priority's delay by one factor.
 */
export function processingShape(observed: ObservedResponse): { shape: Record<string, DistributionInput>; basis: string } {
  const queued = observed.queuedDelayByPriority.some((s) => s.count >= MIN_SHAPE_CALLS);
  const byPriority = queued ? observed.queuedDelayByPriority : observed.dispatchDelayByPriority;
  const lognormal = (median: number): DistributionInput => {
    const m = Math.max(0.1, median);
    return { dist: "lognormal", median: round(m, 2), p90: round(m * PROCESSING_SPREAD, 2) };
  };
  const shape: Record<string, DistributionInput> = {};
  byPriority.forEach((sketch, i) => {
    if (sketch.count >= MIN_SHAPE_CALLS) shape[`priority${i + 1}`] = lognormal(sketch.quantile(0.5)!);
  });
  const all = observed.dispatchDelay;
  if (all.count < MIN_SHAPE_CALLS) {
    return { shape: { default: lognormal(2) }, basis: `a lognormal, median 2 and p90 ${2 * PROCESSING_SPREAD} min (the export has no dispatch times)` };
  }
  shape.default = lognormal(all.quantile(0.5)!);
  return { shape, basis: `lognormals with the export's received -> ${queued ? "queued" : "dispatched"} median by priority and p90 ${PROCESSING_SPREAD} x median` };
}

function processingKnob(input: ScenarioInput, observed: ObservedResponse): Knob {
  const own = input.callProcessingMin;
  const { shape, basis } = own ? { shape: own, basis: "the scenario's callProcessingMin" } : processingShape(observed);
  return {
    id: "processing",
    label: "call-processing delay (callProcessingMin)",
    paths: ["callProcessingMin"],
    low: 0.02,
    high: 4,
    initial: 1,
    asWritten: own ? 1 : null,
    logScale: true,
    target: { metric: "overall p50", direction: 1 },
    assignments: (factor) => [assignment(["callProcessingMin"], Object.fromEntries(Object.entries(shape).map(([k, d]) => [k, scaleDistribution(d, factor)])))],
    describe: (factor) => `x${factor.toFixed(2)}`,
    basis,
  };
}

function onSceneKnob(input: ScenarioInput, types: readonly string[]): Knob {
  return {
    id: "onScene",
    label: `time on scene (${types.map((t) => `unitTypes.${t}.onSceneMin`).join(", ")})`,
    paths: types.map((t) => `unitTypes.${t}.onSceneMin`),
    low: 0.5,
    high: 2,
    initial: 1,
    asWritten: 1,
    logScale: true,
    target: { metric: "overall p90", direction: 1 },
    assignments: (factor) =>
      types.map((t) => assignment(["unitTypes", t, "onSceneMin"], Object.fromEntries(Object.entries(input.unitTypes[t].onSceneMin).map(([k, d]) => [k, scaleDistribution(d, factor)])))),
    describe: (factor) => `x${factor.toFixed(2)}`,
    basis: "the scenario's onSceneMin",
  };
}

function travelKnob(input: ScenarioInput, types: readonly string[], metric: string): Knob | null {
  const withTravel = types.filter((t) => input.unitTypes[t].travelMin !== undefined);
  if (withTravel.length === 0) return null;
  return {
    id: "travel",
    label: `travel time (${withTravel.map((t) => `unitTypes.${t}.travelMin`).join(", ")})`,
    paths: withTravel.map((t) => `unitTypes.${t}.travelMin`),
    low: 0.25,
    high: 4,
    initial: 1,
    asWritten: 1,
    logScale: true,
    target: { metric, direction: 1 },
    assignments: (factor) => withTravel.map((t) => assignment(["unitTypes", t, "travelMin"], scaleDistribution(input.unitTypes[t].travelMin!, factor))),
    describe: (factor) => `x${factor.toFixed(2)}`,
    basis: "the scenario's travelMin",
  };
}

function unitsOf(input: ScenarioInput, model: string, type: string): number {
  return (input.models[model]?.staffing[type] ?? []).reduce((sum, shift) => sum + shift.units, 0);
}

/** The scenario schema offers priority aging (`dispatchPolicy.aging`). */
export function agingAvailable(): boolean {
  return "dispatchPolicy" in (scenarioSchema.shape as Record<string, unknown>);
}

/** Priority aging from strict priority (a scenario that states its own aging keeps it: the knob is not offered). */
function agingKnob(): Knob {
  return {
    id: "aging",
    label: "priority aging (dispatchPolicy.aging.afterMin)",
    paths: ["dispatchPolicy.aging.afterMin"],
    low: 5,
    high: 240,
    initial: Infinity,
    asWritten: Infinity,
    logScale: true,
    target: null,
    assignments: (afterMin) => (Number.isFinite(afterMin) ? [assignment(["dispatchPolicy", "aging", "afterMin"], round(afterMin, 1))] : []),
    describe: (afterMin) => (Number.isFinite(afterMin) ? `after ${afterMin.toFixed(0)} min` : "off (strict priority)"),
    basis: "strict priority, no aging",
  };
}

function reserveKnob(type: string): Knob {
  return {
    id: "reserve",
    label: `priority-1 reserve (dispatchPolicy.reserve: last free ${type} units kept for priority 1)`,
    paths: ["dispatchPolicy.reserve"],
    low: 0,
    high: 2,
    initial: 0,
    asWritten: 0,
    logScale: false,
    target: null,
    assignments: (keep) => (keep >= 1 ? [assignment(["dispatchPolicy", "reserve"], [{ unitType: type, keep: Math.round(keep), forPriorities: 1 }])] : []),
    describe: (keep) => (keep >= 1 ? `keep ${Math.round(keep)}` : "none"),
    basis: "no reserve",
  };
}

/** The knobs a scenario offers, in the order the fit turns them. */
export function calibrationKnobs(input: ScenarioInput, config: ScenarioConfig, observed: ObservedResponse): Knob[] {
  const baseline = config.models[config.run.baseline].name;
  const types = policeUnitTypes(input, baseline);
  const knobs: Knob[] = [];
  const travelMetric = travelRowMetric(observed);
  const travel = travelMetric === null ? null : travelKnob(input, types, travelMetric);
  if (travel !== null) knobs.push(travel);
  knobs.push(processingKnob(input, observed));
  if (types.length > 0) knobs.push(rosterKnob(input, types));
  // With observed time on scene, police crews keep each call's own: their onSceneMin is not used.
  if (types.length > 0 && !config.demand.historical?.observedOnScene) knobs.push(onSceneKnob(input, types));
  if (agingAvailable()) {
    const policy = (input as Record<string, unknown>).dispatchPolicy as { reserve?: unknown; aging?: unknown } | undefined;
    if (policy?.aging === undefined) knobs.push(agingKnob());
    // The most staffed police type: the one whose last free units a dispatcher would hold back.
    const main = [...types].sort((a, b) => unitsOf(input, baseline, b) - unitsOf(input, baseline, a))[0];
    if (main !== undefined && policy?.reserve === undefined) knobs.push(reserveKnob(main));
  }
  return knobs;
}
