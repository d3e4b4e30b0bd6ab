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
import { portableFileName, scenarioProvenance } from "../scenario/provenance.js";
import { shardPoints, StudyError, type PointResult, type Shard, type StudyManifest } from "./study.js";
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
  /** Run only this shard's draws (every count-th draw from index-1), for job arrays. */
  shard?: Shard;
  /** The willingness-to-pay list asked for, recorded in a shard's manifest so the merge shows the same. */
  wtp?: readonly number[];
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
  return prepareUncertainty(plan).run(options);
}

/** An analysis checked and ready: its identity as a study part (known before anything runs), and its run. */
export interface PreparedUncertainty {
  /** What a shard's part carries; every shard of one analysis has the same. */
  manifest: StudyManifest;
  /** Loads and validates every draw's scenario (throws ScenarioError), as `run` does first. */
  check: () => void;
  /** Runs the plan's draws (its shard's only, when it has one; the others are absent from `results`). */
  run: (options?: RunOptions) => Promise<UncertaintyRun>;
}

/**
 * Draws the inputs and computes the analysis's manifest, without running or loading the draws'
 * scenarios: a shard can see that its folder already holds its complete output and stop at once.
 */
export function prepareUncertainty(plan: UncertaintyPlan): PreparedUncertainty {
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
  const loadDraw = (row: number[], d: number) => {
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
  };
  let scenarios: LoadedScenario[] | undefined;
  const loadAll = () => (scenarios ??= values.map(loadDraw));
  // Every draw has the base scenario's metric list: inputs change values, not unit types or zones.
  const definitions = metricDefinitions(base.config);
  const analysis: UncertaintyRun = {
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
    results: Object.fromEntries(models.map((m) => [names[m], []])),
  };
  const { results: _results, ...settings } = analysis;
  const manifest: StudyManifest = {
    kind: "uncertainty",
    scenario: analysis.scenario,
    scenarioFile: portableFileName(base.file),
    seed: run.seed,
    replications: 1,
    horizonDays: run.horizonDays,
    baseline: analysis.baseline,
    models: analysis.models,
    points: plan.draws,
    settings: { ...settings, wtp: plan.wtp ?? null },
    scenarioDigest: analysis.scenarioDigest,
    provenance: scenarioProvenance(base),
  };
  return {
    manifest,
    check: () => void loadAll(),
    run: async (options = {}) => {
      const scenarios = loadAll();
      const selected = shardPoints(plan.draws, plan.shard);
      // The cost of N draws is that of one scenario run with N replications.
      const planned = selected.map((d) => ({ config: { ...scenarios[d].config, run: { ...scenarios[d].config.run, replications: 1 } }, models }));
      const estimate = estimateRun(planned, options.workers ?? 1);
      checkRunBudget(estimate, planned, options.allowLong);
      options.onEstimate?.(estimate);
      const tasks: ReplicationTask[] = [];
      for (const d of selected) {
        const s = scenarios[d];
        for (const modelIndex of models) tasks.push({ scenario: { key: `draw-${d}`, file: s.file, input: s.input }, modelIndex, replication: d });
      }
      const outcomes = await runTasks(tasks, options.workers ?? 1, options.onProgress);
      const results: Record<string, MetricValues[]> = Object.fromEntries(models.map((m) => [names[m], []]));
      tasks.forEach((task, i) => {
        results[names[task.modelIndex]][task.replication] = outcomeValues(outcomes[i]);
      });
      return { ...analysis, results };
    },
  };
}

/** A shard's draws as study points: draw d's input values, and every model's metrics (one replication). */
export function uncertaintyPoints(run: UncertaintyRun, shard?: Shard): PointResult[] {
  return shardPoints(run.draws, shard).map((d) => ({
    point: d,
    assignments: run.inputs.map((input, k): [string, unknown] => [input.path, run.values[d][k]]),
    models: run.models.map((name) => ({ name, description: "" })),
    metrics: run.metrics,
    values: run.models.map((model) => [run.metrics.map((metric) => run.results[model][d].get(metric) ?? null)]),
  }));
}

/**
 * The analysis back from its merged parts: what one unsharded run returns, draw for draw, so the
 * files written from it are the same bytes. The manifest's settings hold everything but the
 * results; the points hold those.
 */
export function uncertaintyFromParts(manifest: StudyManifest, points: readonly PointResult[]): { run: UncertaintyRun; wtp: number[] | null } {
  const { wtp, ...settings } = manifest.settings as Omit<UncertaintyRun, "results"> & { wtp: number[] | null };
  const results: Record<string, MetricValues[]> = Object.fromEntries(settings.models.map((model) => [model, []]));
  for (const point of points) {
    settings.models.forEach((model, m) => {
      results[model][point.point] = new Map(point.metrics.map((metric, k) => [metric, point.values[m][0][k]]));
    });
  }
  return { run: { ...settings, results }, wtp };
}
