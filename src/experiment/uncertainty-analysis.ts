/**
 * Probabilistic sensitivity analysis: every uncertain input drawn at once, per replication, so the
 * spread of a result shows what the inputs' uncertainty and the simulation's noise do together.
 *
 * Draw d of a Latin hypercube over the scenario's `uncertain:` list (seed run.seed) is applied
 * with the same overrides as --set, and that scenario runs as replication d of every model: the
 * same input values and the same random streams (seed, d, purpose) for each model, so a model's
 * difference from the baseline in draw d is paired (common random numbers). N draws = N
 * replications; run.replications is not used.
 */
import { createHash } from "node:crypto";
import { latinHypercube } from "../random/latin-hypercube.js";
import { formatPath, ScenarioError, type ScenarioIssue } from "../scenario/errors.js";
import { parseKeyPath, type Assignment } from "../scenario/assignments.js";
import type { LoadedScenario } from "../scenario/load.js";
import { suggestion } from "../scenario/near-miss.js";
import { resolveUncertainInput, type InputDistribution } from "../scenario/uncertain-input.js";
import { metricDefinitions, type MetricDefinition } from "../metrics/definitions.js";
import { roundFigure } from "../metrics/summarize.js";
import type { MetricValues } from "../metrics/replication-recorder.js";
import { checkRunBudget, estimateRun } from "./run-budget.js";
import type { RunOptions } from "./run-experiment.js";
import { outcomeValues, type ReplicationTask } from "./replication-task.js";
import { StudyError } from "./study.js";
import { runTasks } from "./worker-pool.js";

export interface UncertaintyPlan {
  /** Loads the scenario with extra `--set` style assignments (the command's shared flags apply). */
  load: (assignments: Assignment[]) => LoadedScenario;
  /** Number of draws (= replications); >= 2. */
  draws: number;
  /** Models to run (the baseline always runs); default all. */
  models?: readonly string[];
  /** The --set overrides `load` applies, as written, recorded with the results. */
  overrides?: readonly string[];
}

/** An input as written to files: its distribution without the function. */
export type InputDescription = Omit<InputDistribution, "quantile">;

export interface UncertaintyRun {
  scenario: string;
  scenarioFile: string;
  /** sha256 of the validated base scenario (overrides applied), as a study manifest has it. */
  scenarioDigest: string;
  overrides: string[];
  seed: number;
  horizonDays: number;
  draws: number;
  baseline: string;
  models: string[];
  inputs: InputDescription[];
  /** values[d][k]: input k's value in draw d. */
  values: number[][];
  /** Metric names, in report order, and their units. */
  metrics: string[];
  units: Record<string, MetricDefinition["unit"]>;
  /** results[model][d]: the model's metric values in draw d (replication d). */
  results: Record<string, MetricValues[]>;
}

/** The scenario's uncertain inputs as distributions; throws ScenarioError naming every problem. */
export function uncertainInputs(base: LoadedScenario): InputDistribution[] {
  const entries = base.input.uncertain ?? [];
  if (entries.length === 0) throw new StudyError(`${base.file} declares no 'uncertain' inputs (a list of {path, low, high, dist, source})`);
  const problems: ScenarioIssue[] = [];
  const inputs: InputDistribution[] = [];
  const seen = new Map<string, number>();
  entries.forEach((entry, i) => {
    const resolved = resolveUncertainInput(entry, i, true);
    if (Array.isArray(resolved)) return problems.push(...resolved);
    const path = formatPath(parseKeyPath(entry.path, "uncertain path"));
    if (seen.has(path)) problems.push({ path: ["uncertain", i, "path"], message: `names ${path} again (it is uncertain[${seen.get(path)}] already)` });
    seen.set(path, i);
    inputs.push({ ...resolved, path });
  });
  if (problems.length > 0) throw new ScenarioError(base.file, problems);
  return inputs;
}

/** Runs the analysis: draws, one scenario per draw, every model on it as replication d. */
export async function runUncertainty(plan: UncertaintyPlan, options: RunOptions = {}): Promise<UncertaintyRun> {
  if (!Number.isSafeInteger(plan.draws) || plan.draws < 2) throw new StudyError(`--draws must be an integer >= 2, got ${plan.draws}`);
  const base = plan.load([]);
  const inputs = uncertainInputs(base);
  const names = base.config.models.map((m) => m.name);
  const run = base.config.run;
  const requested = (plan.models ?? names).map((name) => {
    const index = names.indexOf(name);
    if (index < 0) throw new StudyError(`--model: ${base.file} has no model '${name}'${suggestion(name, names) || ` (models: ${names.join(", ")})`}`);
    return index;
  });
  const models = [...new Set([run.baseline, ...requested])].sort((a, b) => a - b);
  const u = latinHypercube(plan.draws, inputs.length, run.seed);
  // Nine significant figures: the value applied is exactly the one written to draws.csv.
  const values = u.map((row) => row.map((p, k) => roundFigure(inputs[k].quantile(p))));
  const scenarios = values.map((row, d) => {
    const assignments: Assignment[] = inputs.map((input, k) => ({
      path: parseKeyPath(input.path, "uncertain path"),
      value: row[k],
      text: `${input.path}=${row[k]}`,
      given: `the 'uncertain' list (draw ${d})`,
    }));
    try {
      return plan.load(assignments);
    } catch (error) {
      if (error instanceof ScenarioError) {
        const where = assignments.map((a) => a.text).join(", ");
        throw new ScenarioError(error.file, error.issues.map((issue) => ({ ...issue, message: `${issue.message} (at draw ${d}: ${where})` })));
      }
      throw error;
    }
  });
  // The cost of N draws is that of one scenario run with N replications.
  const planned = scenarios.map((s) => ({ config: { ...s.config, run: { ...s.config.run, replications: 1 } }, models }));
  const estimate = estimateRun(planned, options.workers ?? 1);
  checkRunBudget(estimate, planned, options.allowLong);
  options.onEstimate?.(estimate);
  const tasks: ReplicationTask[] = [];
  scenarios.forEach((s, d) => {
    for (const modelIndex of models) tasks.push({ scenario: { key: `draw-${d}`, file: s.file, input: s.input }, modelIndex, replication: d });
  });
  const outcomes = await runTasks(tasks, options.workers ?? 1, options.onProgress);
  const results: Record<string, MetricValues[]> = Object.fromEntries(models.map((m) => [names[m], []]));
  tasks.forEach((task, i) => {
    results[names[task.modelIndex]][task.replication] = outcomeValues(outcomes[i]);
  });
  // Every draw has the base scenario's metric list: inputs change values, not unit types or zones.
  const definitions = metricDefinitions(base.config);
  return {
    scenario: base.config.name,
    scenarioFile: base.file,
    scenarioDigest: createHash("sha256").update(JSON.stringify(base.input)).digest("hex"),
    overrides: [...(plan.overrides ?? [])],
    seed: run.seed,
    horizonDays: run.horizonDays,
    draws: plan.draws,
    baseline: names[run.baseline],
    models: models.map((m) => names[m]),
    inputs: inputs.map(({ quantile: _quantile, ...rest }) => rest),
    values,
    metrics: definitions.map((m) => m.name),
    units: Object.fromEntries(definitions.map((m) => [m.name, m.unit])),
    results,
  };
}
