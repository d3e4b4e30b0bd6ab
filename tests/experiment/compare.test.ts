/**
 * `resim compare` as a library call: two tiny scenario files run on the same calls, and each B
 * model paired with its A counterpart replication by replication (common random numbers), never
 * with another replication of A.
 */
import { describe, expect, it } from "vitest";
import { demandDifferences, runComparison as runBoth } from "../../src/experiment/compare.js";
import { comparisonOutput } from "../../src/report/compare-output.js";

const runComparison = async (...args: Parameters<typeof runBoth>) => comparisonOutput(await runBoth(...args));
import { runExperiment } from "../../src/experiment/run-experiment.js";
import { StudyError } from "../../src/experiment/study.js";
import { pairedEstimate } from "../../src/metrics/stats.js";
import { validateScenario } from "../../src/scenario/load.js";
import { tinyScenario } from "../helpers/tiny-world.js";

// A busy single-unit world (calls queue), and B with a second unit: the same calls, shorter waits.
const run = { horizonDays: 2, warmupDays: 0, seed: 5, replications: 5 };
const demand = { callsPerDay: 60, categories: { other: { share: 1, priorityShares: [0.5, 0.5] } } };
const staffed = (units: number) => ({
  "police-only": { staffing: { patrol: [{ from: "00:00", to: "24:00", units }] }, dispatch: [{ send: ["patrol"] }] },
});
const tiny = (units: number, extra: Record<string, unknown> = {}) =>
  validateScenario(tinyScenario({ name: `tiny-${units}`, run, demand, models: staffed(units), ...extra }), `tiny-${units}.yaml`);

describe("resim compare as a library", () => {
  it("pairs replication r of each B model with replication r of its A counterpart", async () => {
    const a = tiny(1);
    const b = tiny(2);
    const output = await runComparison({ a, b }, { workers: 1 });
    expect(output.modelNames).toEqual(["A:police-only", "B:police-only"]);
    expect(output.document.comparison?.pairs).toEqual({ "B:police-only": "A:police-only" });
    expect(output.document.comparison?.demandDifferences).toEqual({ "police-only": [] });

    // Replication r of A here is replication r of A run alone (and likewise for B).
    const alone = await runExperiment({ scenario: a }, { workers: 1 });
    const series = (model: number, metric: string) => output.replications[model].map((v) => v.get(metric) ?? null) as number[];
    expect(series(0, "queueWaitMin.mean")).toEqual(alone.replications[0].map((v) => v.get("queueWaitMin.mean")));

    // The same calls in replication r of both: the call counts vary between replications but
    // agree within each, so any other pairing would give a non-zero difference in calls.
    const callsA = series(0, "calls");
    const callsB = series(1, "calls");
    expect(new Set(callsA).size).toBeGreaterThan(1);
    expect(callsB).toEqual(callsA);
    const calls = output.document.models["B:police-only"].vsBaseline!.calls;
    expect(calls.mean).toBe(0);
    expect(calls.ci95).toEqual([0, 0]);

    // The wait difference is the paired one, and a shifted pairing would give another interval.
    const waitA = series(0, "queueWaitMin.mean");
    const waitB = series(1, "queueWaitMin.mean");
    const paired = pairedEstimate(waitB, waitA);
    const shifted = pairedEstimate(waitB, [...waitA.slice(1), waitA[0]]);
    expect(shifted.ci95).not.toEqual(paired.ci95);
    const wait = output.document.models["B:police-only"].vsBaseline!["queueWaitMin.mean"];
    expect(wait.mean).toBeCloseTo(paired.mean!, 6);
    expect(wait.ci95![0]).toBeCloseTo(paired.ci95![0], 6);
    expect(wait.ci95![1]).toBeCloseTo(paired.ci95![1], 6);
    expect(wait.mean!).toBeLessThan(0);
  });

  it("pairs by replication whatever order the replications are listed in the results", async () => {
    // comparisonOutput is pure: feeding it A's replications reversed must change the difference
    // (it pairs by position r, and the test above shows position r is replication r).
    const a = tiny(1);
    const b = tiny(2);
    const [ra, rb] = await Promise.all([runExperiment({ scenario: a }, { workers: 1 }), runExperiment({ scenario: b }, { workers: 1 })]);
    const straight = comparisonOutput({ plan: { a, b }, a: ra, b: rb }).document.models["B:police-only"].vsBaseline!.calls;
    const reversed = comparisonOutput({ plan: { a, b }, a: { ...ra, replications: [[...ra.replications[0]].reverse()] }, b: rb }).document.models["B:police-only"].vsBaseline!.calls;
    expect(straight.ci95).toEqual([0, 0]);
    expect(reversed.ci95).not.toEqual([0, 0]);
  });

  it("refuses files whose run settings differ, naming the setting and both files", async () => {
    const a = tiny(1);
    const b = tiny(2, { run: { ...run, seed: 6 } });
    await expect(runComparison({ a, b }, { workers: 1 })).rejects.toThrow(StudyError);
    await expect(runComparison({ a, b }, { workers: 1 })).rejects.toThrow(/run\.seed is 6 in tiny-2\.yaml but 5 in tiny-1\.yaml/);
  });

  it("says where the demand differs, so a difference in calls is read as added calls", () => {
    const a = tiny(1);
    const b = tiny(1, { demand: { ...demand, callsPerDay: 70 } });
    expect(demandDifferences(a, b, "police-only")).toEqual(["demand"]);
    expect(demandDifferences(a, a, "police-only")).toEqual([]);
  });

  it("refuses a model that is not in both files", async () => {
    await expect(runComparison({ a: tiny(1), b: tiny(2), models: ["co-responder"] }, { workers: 1 })).rejects.toThrow(/no model 'co-responder'/);
  });
});
