import { describe, expect, it } from "vitest";
import { runModels } from "../../src/experiment/run-models.js";
import { runReplication } from "../../src/experiment/run-replication.js";
import { SharedCalls } from "../../src/experiment/shared-calls.js";
import { jobsOf } from "../../src/experiment/worker-pool.js";
import type { ReplicationTask } from "../../src/experiment/replication-task.js";
import { loadScenario } from "../../src/scenario/load.js";
import { emptyArrival, type CallArrival } from "../../src/streams/call-source.js";
import { ListCallSource } from "../../src/streams/list-source.js";

function calls(n: number): CallArrival[] {
  return Array.from({ length: n }, (_, i) => ({ ...emptyArrival(), timeMin: i * 0.5, category: i % 3, priority: 1 + (i % 4), seed: (i * 2654435761) >>> 0, zone: i % 2 }));
}

function readAll(source: { next(out: CallArrival): boolean }, limit = Infinity): CallArrival[] {
  const out: CallArrival[] = [];
  for (const arrival = emptyArrival(); out.length < limit && source.next(arrival); ) out.push({ ...arrival });
  return out;
}

describe("models run side by side on calls drawn once", () => {
  it("give every model the same metric values and event count as the model run alone, in every shipped kind of scenario", () => {
    const files = ["scenarios/riverton.yaml", "scenarios/riverton-zones.yaml", "scenarios/riverton-barriers.yaml", "scenarios/big-city.yaml"];
    for (const file of files) {
      const { config } = loadScenario(file, { run: { horizonDays: file.includes("big-city") ? 3 : 20, warmupDays: 2 } });
      const models = config.models.map((_, i) => i);
      const together = runModels(config, models, 3);
      models.forEach((m, i) => {
        const alone = runReplication({ scenario: config, modelIndex: m, replication: 3 });
        expect([...together[i].values], `${file}, model ${config.models[m].name}`).toEqual([...alone.values]);
        expect(together[i].events).toBe(alone.events);
        expect(together[i].callsReceived).toBe(alone.callsReceived);
      });
    }
  }, 60_000);

  it("give a model the same values whichever models run beside it, and in whatever order", () => {
    const { config } = loadScenario("scenarios/riverton.yaml", { run: { horizonDays: 20, warmupDays: 2 } });
    const [, second] = runModels(config, [0, 2], 1);
    const [first] = runModels(config, [2, 1, 0], 1);
    expect([...first.values]).toEqual([...second.values]);
  }, 30_000);
});

describe("SharedCalls", () => {
  it("gives every reader every call of the source, in order, however far one reader runs ahead", () => {
    const list = calls(300);
    const shared = new SharedCalls(new ListCallSource(list), 3);
    const [a, b, c] = [shared.reader(0), shared.reader(1), shared.reader(2)];
    // b lags 10 calls behind a, then a reads the rest while b and c wait: the buffer grows past its first size.
    const ahead = readAll(a, 10);
    const lagging = readAll(b, 5);
    const rest = readAll(a);
    expect([...ahead, ...rest]).toEqual(list.map((call) => ({ ...emptyArrival(), ...call })));
    expect([...lagging, ...readAll(b)]).toEqual([...ahead, ...rest]);
    expect(readAll(c)).toEqual([...ahead, ...rest]);
    expect(readAll(a)).toEqual([]);
  });
});

describe("jobsOf", () => {
  const task = (key: string, modelIndex: number, replication: number): ReplicationTask => ({ scenario: { key, file: "f", input: {} as never }, modelIndex, replication });
  const tasks = (replications: number, models: number, key = "0") => Array.from({ length: replications * models }, (_, i) => task(key, i % models, Math.floor(i / models)));

  it("puts the models of one scenario's replication in one job, in task order", () => {
    expect(jobsOf(tasks(2, 3), 1)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(jobsOf([...tasks(1, 2, "a"), ...tasks(1, 2, "b")], 1)).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it("keeps tasks apart when too few jobs would leave a thread idle at the end", () => {
    expect(jobsOf(tasks(3, 4), 2)).toEqual(tasks(3, 4).map((_, i) => [i]));
    expect(jobsOf(tasks(4, 4), 2)).toHaveLength(4);
  });

  it("splits the last jobs of a long run into single tasks, one job per thread, so threads finish close together", () => {
    const jobs = jobsOf(tasks(9, 4), 2);
    expect(jobs.slice(0, 7)).toEqual(Array.from({ length: 7 }, (_, r) => [4 * r, 4 * r + 1, 4 * r + 2, 4 * r + 3]));
    expect(jobs.slice(7)).toEqual(Array.from({ length: 8 }, (_, i) => [28 + i]));
  });
});
