/**
 * Several response models of one replication, run side by side in one thread on calls drawn once.
 *
 * Each model keeps its own simulation, and each runs exactly the events it would run alone, in
 * the same order: the models only take turns, a simulated hour at a time, so that none runs far
 * ahead of the others. The calls (the synthetic stream or the replayed table, the same for every
 * model: common random numbers) are drawn once and kept only while the models' clocks are apart
 * (shared-calls.ts), and so are the draws of each call that a unit of the same type serves in
 * several models (call-draws.ts): memory stays flat in the horizon, and results are those of the
 * models run one by one.
 */
import { CallDraws } from "../system/call-draws.js";
import type { ScenarioConfig } from "../system/config.js";
import { baseCallSource, startModelRun, type ReplicationResult } from "./run-replication.js";
import { SharedCalls } from "./shared-calls.js";

/** Simulated minutes each model runs before the next takes its turn. */
const TURN_MIN = 60;

/** Runs replication `replication` of each model in `models`; results in the order given. */
export function runModels(scenario: ScenarioConfig, models: readonly number[], replication: number): ReplicationResult[] {
  const calls = new SharedCalls(baseCallSource(scenario, replication), models.length);
  // Each call's travel, on-scene and outcome draws, drawn by the first model that needs them (call-draws.ts).
  const draws = new CallDraws(scenario, models.length > 1);
  const runs = models.map((modelIndex, i) => startModelRun(scenario, modelIndex, replication, calls.reader(i), undefined, draws));
  for (let until = TURN_MIN, left = runs.length; left > 0; until += TURN_MIN) {
    left = 0;
    for (const { simulation } of runs) {
      if (simulation.pending === 0) continue;
      simulation.run(until);
      if (simulation.pending > 0) left++;
    }
  }
  return runs.map((run) => run.finish());
}
