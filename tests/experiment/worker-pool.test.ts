import { describe, expect, it } from "vitest";
import { runTasks } from "../../src/experiment/worker-pool.js";
import type { ReplicationTask } from "../../src/experiment/replication-task.js";
import { loadScenario } from "../../src/scenario/load.js";

/** Every model of a scenario, replications 0..R-1, as run-experiment makes them. */
function tasksOf(days: number, replications: number, withConfig: boolean): ReplicationTask[] {
  const loaded = loadScenario("scenarios/riverton.yaml", { run: { horizonDays: days } });
  const source = { key: "0", file: loaded.file, input: loaded.input, ...(withConfig ? { config: loaded.config } : {}) };
  const tasks: ReplicationTask[] = [];
  for (let r = 0; r < replications; r++) for (let m = 0; m < loaded.config.models.length; m++) tasks.push({ scenario: source, modelIndex: m, replication: r });
  return tasks;
}

describe("runTasks", () => {
  it("gives the same outcomes, in task order, on 1, 2 and 3 threads, for a job large enough to start workers", async () => {
    const one = await runTasks(tasksOf(200, 4, true), 1);
    // Workers rebuild the scenario from its validated data; this thread uses the config as given.
    expect(await runTasks(tasksOf(200, 4, true), 2)).toEqual(one);
    expect(await runTasks(tasksOf(200, 4, false), 3)).toEqual(one);
  }, 60_000);

  it("runs a small job in this thread and still reports every task done, once, in order of completion", async () => {
    const seen: number[] = [];
    const outcomes = await runTasks(tasksOf(2, 2, true), 2, (done) => seen.push(done));
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    expect(outcomes.every((o) => o.values.length > 0)).toBe(true);
    expect(outcomes).toEqual(await runTasks(tasksOf(2, 2, false), 1));
  });

  it("counts progress to the last task when no progress callback is given on several threads", async () => {
    // A run with workers ends (it used to wait for ever when the count lived in the callback's argument).
    const outcomes = await runTasks(tasksOf(200, 2, true), 2);
    expect(outcomes).toHaveLength(6);
  }, 60_000);
});
