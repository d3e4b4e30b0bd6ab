/**
 * One unit of parallel work: replication r of model m of a scenario, and its result in a form
 * that crosses a worker boundary. Workers and the main thread run it through the same function,
 * so results are identical whatever the number of workers.
 */
import type { MetricValues } from "../metrics/replication-recorder.js";
import { buildScenario } from "../scenario/build.js";
import type { ScenarioInput } from "../scenario/schema.js";
import type { ScenarioConfig } from "../system/config.js";
import { runReplication } from "./run-replication.js";

/**
 * A scenario the main thread has validated, as data: what a worker needs to rebuild it. `key`
 * names it in caches; `config`, when given, is the scenario already built in this thread (used
 * here, never sent to a worker).
 */
export interface ScenarioSource {
  key: string;
  file: string;
  input: ScenarioInput;
  config?: ScenarioConfig;
}

export interface ReplicationTask {
  scenario: ScenarioSource;
  modelIndex: number;
  replication: number;
}

/**
 * A task as posted to a worker: the scenario's validated data goes with the first task of each
 * scenario a worker gets, and later tasks name it by key.
 */
export interface PostedTask {
  index: number;
  key: string;
  file: string;
  input?: ScenarioInput;
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
    const { key, file, input, config } = task.scenario;
    return this.runOn(this.built.get(key) ?? this.build(key, file, input, config), task.modelIndex, task.replication);
  }

  /** Runs a task posted to a worker (see {@link PostedTask}). */
  runPosted(task: PostedTask): ReplicationOutcome {
    let config = this.built.get(task.key);
    if (config === undefined) {
      if (task.input === undefined) throw new Error(`scenario '${task.key}' was neither sent nor built before its task`);
      config = this.build(task.key, task.file, task.input);
    }
    return this.runOn(config, task.modelIndex, task.replication);
  }

  private runOn(scenario: ScenarioConfig, modelIndex: number, replication: number): ReplicationOutcome {
    const result = runReplication({ scenario, modelIndex, replication });
    return { values: [...result.values], events: result.events };
  }

  /**
   * The main thread validated the data (schema and cross-checks) before any task was made: only
   * the build step is left, the one that made the main thread's own config from the same data.
   */
  private build(key: string, file: string, input: ScenarioInput, config?: ScenarioConfig): ScenarioConfig {
    const built = config ?? buildScenario(structuredClone(input), file);
    this.built.set(key, built);
    return built;
  }
}

/** Turns a task outcome back into metric values. */
export function outcomeValues(outcome: ReplicationOutcome): MetricValues {
  return new Map(outcome.values);
}
