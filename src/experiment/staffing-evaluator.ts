/**
 * The simulation behind the staffing search (staffing-search.ts is the pure search): which shift
 * blocks are searched and what one unit in each costs, and evaluating rosters by simulating the
 * model on the scenario's seeds (common random numbers: every roster sees the same calls).
 */
import type { Assignment } from "../scenario/assignments.js";
import type { LoadedScenario } from "../scenario/load.js";
import type { ShiftInput } from "../scenario/schema.js";
import { MINUTES_PER_DAY } from "../system/roster.js";
import { runExperiments, type RunOptions } from "./run-experiment.js";
import { checkTargets, type Evaluate, type Evaluation, type Target } from "./staffing-search.js";

/** One searched shift block: models.<model>.staffing.<unitType>[shift]. */
export interface StaffingBlock {
  unitType: string;
  /** Index of the block in the unit type's staffing list. */
  shift: number;
  /** The block as written (its unit count is what the search changes). */
  input: ShiftInput;
  /** Paid hours of one unit in this block, a day, averaged over the week (a block on some days only counts those). */
  hoursPerDay: number;
  costPerHour: number;
  /** hoursPerDay x costPerHour: the planned cost of one unit in this block, a day. */
  costPerDay: number;
  minUnits: number;
  maxUnits: number;
}

/** What the search varies and what it costs. */
export interface StaffingProblem {
  model: string;
  modelIndex: number;
  unitTypes: readonly string[];
  blocks: readonly StaffingBlock[];
  /** Planned staffing a day that the search does not change: other unit types and hub staff. */
  fixedCostPerDay: number;
  /** Days in the measured period (the budget and cost.staffing cover them). */
  measuredDays: number;
}

/** Limits on one block's unit count, from --min-units / --max-units. */
export type UnitLimits = (unitType: string, shift: number) => { min: number; max: number };

/**
 * The blocks of `unitTypes` in `model`, in order (all of the first type's, then the second's),
 * with their planned cost per unit. The caller has checked that the model staffs every type.
 */
export function staffingProblem(loaded: LoadedScenario, model: string, unitTypes: readonly string[], limits: UnitLimits): StaffingProblem {
  const { config, input } = loaded;
  const modelIndex = config.models.findIndex((m) => m.name === model);
  const modelConfig = config.models[modelIndex];
  const blocks: StaffingBlock[] = [];
  for (const unitType of unitTypes) {
    const typeIndex = config.unitTypes.findIndex((t) => t.name === unitType);
    const costPerHour = config.unitTypes[typeIndex].costPerHour;
    const shifts = modelConfig.shifts[typeIndex]!;
    input.models[model].staffing[unitType].forEach((shiftInput, shift) => {
      const { fromMin, toMin, days } = shifts[shift];
      const minutes = toMin > fromMin ? toMin - fromMin : toMin + MINUTES_PER_DAY - fromMin;
      const hoursPerDay = (minutes / 60) * (days.length / 7);
      const { min, max } = limits(unitType, shift);
      blocks.push({ unitType, shift, input: shiftInput, hoursPerDay, costPerHour, costPerDay: hoursPerDay * costPerHour, minUnits: min, maxUnits: max });
    });
  }
  let fixedCostPerDay = 0;
  modelConfig.rosters.forEach((roster, typeIndex) => {
    if (roster !== null && !unitTypes.includes(config.unitTypes[typeIndex].name)) fixedCostPerDay += (roster.unitHoursPerWeek / 7) * config.unitTypes[typeIndex].costPerHour;
  });
  if (modelConfig.hub) fixedCostPerDay += (modelConfig.hub.staff.unitHoursPerWeek / 7) * modelConfig.hub.costPerHour;
  return { model, modelIndex, unitTypes, blocks, fixedCostPerDay, measuredDays: config.run.horizonDays };
}

/** The `--set` overrides that give a roster. */
export function rosterAssignments(problem: StaffingProblem, units: readonly number[]): Assignment[] {
  return problem.blocks.map((block, i) => ({
    path: ["models", problem.model, "staffing", block.unitType, block.shift, "units"],
    value: units[i],
    text: `models.${problem.model}.staffing.${block.unitType}[${block.shift}].units=${units[i]}`,
  }));
}

/** Planned cost a day of a roster of the searched blocks (without the fixed staffing). */
export function rosterCostPerDay(problem: StaffingProblem, units: readonly number[]): number {
  return units.reduce((sum, u, i) => sum + u * problem.blocks[i].costPerDay, 0);
}

/** Paid unit-hours a day of a roster of the searched blocks. */
export function rosterUnitHoursPerDay(problem: StaffingProblem, units: readonly number[]): number {
  return units.reduce((sum, u, i) => sum + u * problem.blocks[i].hoursPerDay, 0);
}

export interface SimulationEvaluatorOptions {
  problem: StaffingProblem;
  /** Loads the scenario with more overrides and, for a re-check, another seed. */
  load: (assignments: Assignment[], seed?: number) => LoadedScenario;
  targets: readonly Target[];
  /** The metric whose mean breaks ties between passing rosters of equal cost. */
  minimize: string;
  /** Workers, progress and the like, for every batch of rosters. */
  run?: RunOptions;
}

/**
 * A batch that one thread is expected to finish in less than this runs in this thread: starting
 * a pool of worker threads for it (each loading the simulator) would take longer than it saves.
 */
const IN_THREAD_SECONDS = 2;

/**
 * Evaluates rosters by simulation: every roster of a batch runs on one pool of workers, on the
 * scenario's seed and replications; `check` runs one roster on another seed (the re-check).
 * The search runs many small batches, so a batch expected to be short (timed on the previous
 * one run in this thread) runs in this thread. Results never depend on the number of workers, so
 * this changes how long the search takes, never what it finds.
 */
export function simulationEvaluator(options: SimulationEvaluatorOptions): { evaluate: Evaluate; check: (units: number[], seed: number) => Promise<Evaluation> } {
  const { problem, load, targets, minimize } = options;
  const workers = options.run?.workers ?? 1;
  /** Seconds one roster took in this thread, last time; null before the first. */
  let perRoster: number | null = null;
  const run = async (rosters: number[][], seed?: number): Promise<Evaluation[]> => {
    const scenarios = rosters.map((units) => load(rosterAssignments(problem, units), seed));
    const inThread = workers <= 1 || perRoster === null || perRoster * rosters.length < IN_THREAD_SECONDS;
    const started = performance.now();
    const results = await runExperiments(
      scenarios.map((scenario) => ({ scenario, models: [problem.modelIndex], withoutBaseline: true })),
      { ...options.run, workers: inThread ? 1 : workers },
    );
    if (inThread) perRoster = (performance.now() - started) / 1000 / rosters.length;
    return results.map((result, i) => {
      const metrics = result.summary[problem.model].metrics;
      const checks = checkTargets(metrics, targets);
      return { units: rosters[i], checks, feasible: checks.every((c) => c.met), objective: metrics[minimize].mean ?? Infinity, metrics };
    });
  };
  return { evaluate: (rosters) => run(rosters), check: async (units, seed) => (await run([units], seed))[0] };
}
