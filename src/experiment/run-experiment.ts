/**
 * Experiments: every selected response model, replications 0..R-1, the same seed. Replication r of
 * every model uses streams derived from (seed, r, purpose), so models are compared on the same
 * calls. Several experiments (the points of a sweep) share one pool of workers; results do not
 * depend on the number of workers or the order in which replications finish.
 */
import { metricDefinitions, type MetricDefinition } from "../metrics/definitions.js";
import type { MetricValues } from "../metrics/replication-recorder.js";
import { summarizeModels, type ModelSummary } from "../metrics/summarize.js";
import type { LoadedScenario } from "../scenario/load.js";
import type { ScenarioConfig } from "../system/config.js";
import { outcomeValues, type ReplicationTask } from "./replication-task.js";
import { checkRunBudget, estimateRun, type RunEstimate } from "./run-budget.js";
import { runTasks } from "./worker-pool.js";

export interface ExperimentOptions {
  scenario: LoadedScenario;
  /** Indices of the models to run; default all. The baseline is run too unless `withoutBaseline`. */
  models?: readonly number[];
  /** Skip the baseline when it was not asked for (no comparison is then made). */
  withoutBaseline?: boolean;
}

export interface ExperimentResult {
  scenario: ScenarioConfig;
  /** Indices into scenario.models, in run order; `baseline` indexes this list. */
  models: readonly number[];
  baseline: number;
  definitions: readonly MetricDefinition[];
  /** replications[i][r]: values of models[i] in replication r. */
  replications: readonly (readonly MetricValues[])[];
  summary: Record<string, ModelSummary>;
  /** Engine events run in total, for benchmarks. */
  events: number;
}

export interface RunOptions {
  /** Threads that run replications, this one included; 1 runs everything in this thread. */
  workers?: number;
  /** Called after each (model, replication) finishes, across all experiments. */
  onProgress?: (done: number, total: number) => void;
  /** Run even when estimated to take longer than MAX_ESTIMATED_SECONDS (run-budget.ts). */
  allowLong?: boolean;
  /** Receives the run's time and memory estimate before anything runs (the CLI prints long ones). */
  onEstimate?: (estimate: RunEstimate) => void;
}

/** Runs one experiment and summarizes it. */
export async function runExperiment(experiment: ExperimentOptions, options: RunOptions = {}): Promise<ExperimentResult> {
  const [result] = await runExperiments([experiment], options);
  return result;
}

/** Runs several experiments on one pool of workers; results in the order given. */
export async function runExperiments(experiments: readonly ExperimentOptions[], options: RunOptions = {}): Promise<ExperimentResult[]> {
  const selected = experiments.map((experiment) => {
    const { config } = experiment.scenario;
    const requested = experiment.models ?? config.models.map((_, i) => i);
    return { config, models: [...new Set([...(experiment.withoutBaseline ? [] : [config.run.baseline]), ...requested])].sort((a, b) => a - b) };
  });
  // Before any task is made: a run that cannot fit, or would run for days, is refused here (ResourceError).
  const estimate = estimateRun(selected, options.workers ?? 1);
  checkRunBudget(estimate, selected, options.allowLong);
  options.onEstimate?.(estimate);
  const plans = experiments.map((experiment, point) => {
    const { config, input, file } = experiment.scenario;
    const { models } = selected[point];
    // The config built while validating is used as it is in this thread; workers rebuild it from `input`.
    const source = { key: String(point), file, input, config };
    const tasks: ReplicationTask[] = [];
    for (let r = 0; r < config.run.replications; r++) {
      for (const modelIndex of models) tasks.push({ scenario: source, modelIndex, replication: r });
    }
    return { config, models, tasks };
  });
  const outcomes = await runTasks(
    plans.flatMap((plan) => plan.tasks),
    options.workers ?? 1,
    options.onProgress,
  );
  let offset = 0;
  return plans.map(({ config, models, tasks }) => {
    const replications: MetricValues[][] = models.map(() => []);
    let events = 0;
    tasks.forEach((task, i) => {
      const outcome = outcomes[offset + i];
      replications[models.indexOf(task.modelIndex)][task.replication] = outcomeValues(outcome);
      events += outcome.events;
    });
    offset += tasks.length;
    return summarizeExperiment(config, models, replications, events);
  });
}

/** Summarizes the replications of an experiment (a pure function: same values, same summary). */
export function summarizeExperiment(
  scenario: ScenarioConfig,
  models: readonly number[],
  replications: readonly (readonly MetricValues[])[],
  events = 0,
): ExperimentResult {
  const definitions = metricDefinitions(scenario);
  const baseline = models.indexOf(scenario.run.baseline);
  const summary = summarizeModels(
    models.map((m) => scenario.models[m]),
    replications,
    baseline,
    definitions,
    { horizonDays: scenario.run.horizonDays },
  );
  return { scenario, models, baseline, definitions, replications, summary, events };
}
