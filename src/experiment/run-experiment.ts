/**
 * An experiment: every selected response model, replications 0..R-1, the same seed. Replication
 * r of every model uses streams derived from (seed, r, purpose), so models are compared on the
 * same calls. Results do not depend on the order replications are run in.
 */
import { metricDefinitions, type MetricDefinition } from "../metrics/definitions.js";
import type { MetricValues } from "../metrics/replication-recorder.js";
import { summarizeModels, type ModelSummary } from "../metrics/summarize.js";
import type { ScenarioConfig } from "../system/config.js";
import { runReplication } from "./run-replication.js";

export interface ExperimentOptions {
  scenario: ScenarioConfig;
  /** Indices of the models to run; default all. The baseline is always run. */
  models?: readonly number[];
  /** Called after each (model, replication) finishes. */
  onProgress?: (done: number, total: number) => void;
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

/** Runs an experiment and summarizes it. */
export function runExperiment(options: ExperimentOptions): ExperimentResult {
  const { scenario } = options;
  const requested = options.models ?? scenario.models.map((_, i) => i);
  const models = requested.includes(scenario.run.baseline) ? [...requested] : [scenario.run.baseline, ...requested];
  models.sort((a, b) => a - b);
  const total = models.length * scenario.run.replications;
  const replications: MetricValues[][] = models.map(() => []);
  let done = 0;
  let events = 0;
  for (let r = 0; r < scenario.run.replications; r++) {
    models.forEach((modelIndex, i) => {
      const result = runReplication({ scenario, modelIndex, replication: r });
      replications[i][r] = result.values;
      events += result.events;
      options.onProgress?.(++done, total);
    });
  }
  const definitions = metricDefinitions(
    scenario.unitTypes.map((t) => t.name),
    scenario.maxPriority,
  );
  const baseline = models.indexOf(scenario.run.baseline);
  const summary = summarizeModels(
    models.map((m) => scenario.models[m]),
    replications,
    baseline,
    definitions,
  );
  return { scenario, models, baseline, definitions, replications, summary, events };
}
