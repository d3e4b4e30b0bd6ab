/**
 * One unit of parallel work: replication r of model m of a scenario, and its result in a form
 * that crosses a worker boundary. Workers and the main thread run it through the same function,
 * so results are identical whatever the number of workers.
 */
import type { MetricValues } from "../metrics/replication-recorder.js";
import { buildScenario } from "../scenario/build.js";
import type { ScenarioInput } from "../scenario/schema.js";
import type { ScenarioConfig } from "../system/config.js";
import { runModels } from "./run-models.js";

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
 * Tasks as posted to a worker: one replication of one or more models (see {@link TaskRunner.runJob}),
 * and the tasks' indices. The scenario's validated data goes with the first job of each scenario a
 * worker gets, and later jobs name it by key.
 */
export interface PostedTask {
  indices: number[];
  key: string;
  file: string;
  input?: ScenarioInput;
  models: number[];
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

  /**
   * Runs tasks of one scenario and one replication (a job): their models side by side on calls
   * drawn once (run-models.ts). Outcomes in task order, the same as each task run alone.
   */
  runJob(tasks: readonly ReplicationTask[]): ReplicationOutcome[] {
    const { key, file, input, config } = tasks[0].scenario;
    const built = this.built.get(key) ?? this.build(key, file, input, config);
    return this.runOn(built, tasks.map((task) => task.modelIndex), tasks[0].replication);
  }

  /** Runs a job posted to a worker (see {@link PostedTask}). */
  runPosted(job: PostedTask): ReplicationOutcome[] {
    let config = this.built.get(job.key);
    if (config === undefined) {
      if (job.input === undefined) throw new Error(`scenario '${job.key}' was neither sent nor built before its task`);
      config = this.build(job.key, job.file, job.input);
    }
    return this.runOn(config, job.models, job.replication);
  }

  private runOn(scenario: ScenarioConfig, models: readonly number[], replication: number): ReplicationOutcome[] {
    return runModels(scenario, models, replication).map((result) => ({ values: [...result.values], events: result.events }));
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
