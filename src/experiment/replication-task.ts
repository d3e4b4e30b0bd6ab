/**
 * One unit of parallel work: replication r of model m of a scenario, and its result in a form
 * that crosses a worker boundary. Workers and the main thread run it through the same function,
 * so results are identical whatever the number of workers.
 */
import type { MetricValues } from "../metrics/replication-recorder.js";
import { validateScenario } from "../scenario/load.js";
import type { ScenarioInput } from "../scenario/schema.js";
import type { ScenarioConfig } from "../system/config.js";
import { runReplication } from "./run-replication.js";

/** A validated scenario as data: what a worker needs to rebuild it. `key` names it in caches. */
export interface ScenarioSource {
  key: string;
  file: string;
  input: ScenarioInput;
}

export interface ReplicationTask {
  scenario: ScenarioSource;
  modelIndex: number;
  replication: number;
}

export interface ReplicationOutcome {
  /** Metric values in definition order, as [name, value] pairs (a Map does not cross threads as such). */
  values: [string, number | null][];
  events: number;
}

/** Builds scenarios once per key and runs tasks against them. */
export class TaskRunner {
  private readonly built = new Map<string, ScenarioConfig>();

  /** Runs one task. */
  run(task: ReplicationTask): ReplicationOutcome {
    const scenario = this.config(task.scenario);
    const result = runReplication({ scenario, modelIndex: task.modelIndex, replication: task.replication });
    return { values: [...result.values], events: result.events };
  }

  private config(source: ScenarioSource): ScenarioConfig {
    let config = this.built.get(source.key);
    if (config === undefined) {
      config = validateScenario(structuredClone(source.input), source.file).config;
      this.built.set(source.key, config);
    }
    return config;
  }
}

/** Turns a task outcome back into metric values. */
export function outcomeValues(outcome: ReplicationOutcome): MetricValues {
  return new Map(outcome.values);
}
