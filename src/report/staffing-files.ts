/**
 * What `resim staff` writes: staffing.json, committed as the set "staffing" (so a report drawn
 * from it goes when the search is run again into the folder). It holds the search's question
 * (model, blocks, targets, budget), its answer (best roster, why not cheaper, the re-check) and
 * every roster simulated with its planned cost and its figure on each target, which is what the
 * report's table and chart read.
 */
import { join } from "node:path";
import { rosterCostPerDay, rosterUnitHoursPerDay, type StaffingProblem } from "../experiment/staffing-evaluator.js";
import type { Evaluation, SearchResult, Target } from "../experiment/staffing-search.js";
import type { MetricDefinition } from "../metrics/definitions.js";
import { commitFolder } from "../output/folder-commit.js";

export const STAFFING_FILE = "staffing.json";

/** The search as the command ran it. */
export interface StaffingRun {
  scenario: string;
  scenarioFile: string;
  model: string;
  unitTypes: readonly string[];
  problem: StaffingProblem;
  result: SearchResult;
  targets: readonly Target[];
  minimize: string;
  budget: number | undefined;
  seed: number;
  replications: number;
  recheck: Evaluation | null;
  recheckSeed: number;
  /** The scenario's own roster of the searched blocks, and its run when the search ran it. */
  written: readonly number[];
  writtenCheck: Evaluation | null;
  maxSimulations: number;
  maxRosters: number;
  /** Units of the metrics (at least the targets', the tie-break's and cost.staffing). */
  units: Readonly<Record<string, MetricDefinition["unit"]>>;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** The staffing.json document. */
export function staffingDocument(run: StaffingRun): Record<string, unknown> {
  const { problem, result } = run;
  const days = problem.measuredDays;
  const best = result.best;
  const evaluationJson = (e: Evaluation) => ({
    units: e.units,
    checks: e.checks,
    feasible: e.feasible,
    unitHoursPerDay: round(rosterUnitHoursPerDay(problem, e.units)),
    plannedCostPerDay: round(rosterCostPerDay(problem, e.units)),
    plannedStaffingCost: round((rosterCostPerDay(problem, e.units) + problem.fixedCostPerDay) * days),
    staffingCost: e.metrics["cost.staffing"]?.mean ?? null,
    objective: e.objective,
  });
  return {
    scenario: run.scenario,
    scenarioFile: run.scenarioFile,
    model: run.model,
    unitTypes: run.unitTypes,
    blocks: problem.blocks.map((b, i) => ({
      unitType: b.unitType,
      shift: b.shift,
      from: b.input.from,
      to: b.input.to,
      days: b.input.days ?? null,
      zone: b.input.zone ?? null,
      hoursPerDay: round(b.hoursPerDay),
      costPerHour: b.costPerHour,
      minUnits: b.minUnits,
      maxUnits: b.maxUnits,
      boundFromBisection: result.blockMinimum[i],
    })),
    targets: run.targets.map((t) => t.text),
    targetDetails: run.targets.map((t) => ({ metric: t.metric, operator: t.operator, value: t.value, unit: run.units[t.metric] ?? null })),
    rule: "a target is met when its whole 95% confidence interval is on the right side",
    cost: "planned staffing: paid unit-hours a day (averaged over the week) x costPerHour; the fixed staffing (other unit types, hub) is added for the budget",
    minimize: run.minimize,
    minimizeUnit: run.units[run.minimize] ?? null,
    tieBreak: `among passing rosters of equal planned cost, the lowest mean ${run.minimize}, then the smallest units`,
    assumption: "more units never make a target worse (monotonicity); exact for these seeds, replications and days under it",
    seed: run.seed,
    replications: run.replications,
    horizonDays: days,
    status: result.status,
    exact: result.status === "optimal",
    budget: run.budget ?? null,
    withinBudget: result.status !== "over-budget",
    fixedStaffingCostPerDay: round(problem.fixedCostPerDay),
    best: best && evaluationJson(best),
    lowerBoundPerDay: Number.isFinite(result.lowerBound) ? round(result.lowerBound) : null,
    ties: result.ties.map((t) => ({ units: t.units, objective: t.objective })),
    reductions: result.reductions.map(({ block, witness }) => ({
      unitType: problem.blocks[block].unitType,
      shift: problem.blocks[block].shift,
      atMinimum: witness === null && best !== null && best.units[block] <= problem.blocks[block].minUnits,
      witness: witness && { units: witness.units, failed: witness.checks.filter((c) => !c.met) },
    })),
    recheck: run.recheck && { seed: run.recheckSeed, replications: run.replications, horizonDays: days, meetsTargets: run.recheck.feasible, checks: run.recheck.checks },
    largest: result.status === "unattainable" && result.largest ? evaluationJson(result.largest) : null,
    scenarioRoster: { units: run.written, plannedCostPerDay: round(rosterCostPerDay(problem, run.written)), simulated: run.writtenCheck && evaluationJson(run.writtenCheck) },
    search: {
      // Every roster simulated, in order, with its cost and its figure on each target: the report's table and chart.
      simulated: result.evaluated.map(evaluationJson),
      simulations: result.simulations,
      ruledOut: result.ruledOut,
      enumerated: result.enumerated,
      limit: result.limit,
      maxSimulations: run.maxSimulations,
      maxRosters: run.maxRosters,
    },
  };
}

/** Writes staffing.json as the folder's set "staffing"; returns its path. */
export function writeStaffingOutputs(folder: string, run: StaffingRun): string {
  commitFolder(folder, new Map([[STAFFING_FILE, JSON.stringify(staffingDocument(run), null, 2) + "\n"]]), { set: "staffing" });
  return join(folder, STAFFING_FILE);
}
