/** The simulation behind the staffing search: planned costs, and the exact search on a small real case. */
import { describe, expect, it } from "vitest";
import { rosterAssignments, rosterCostPerDay, simulationEvaluator, staffingProblem } from "../../src/experiment/staffing-evaluator.js";
import { parseTarget, searchStaffing, type Evaluation } from "../../src/experiment/staffing-search.js";
import type { Assignment } from "../../src/scenario/assignments.js";
import { loadScenario, validateWithOverrides } from "../../src/scenario/load.js";
import { tinyScenario } from "../helpers/tiny-world.js";

const everything = () => ({ min: 0, max: 8 });

describe("staffing problem", () => {
  it("prices one unit of each block at its paid hours a day x cost per hour, with the rest of the model's staffing fixed", () => {
    const riverton = loadScenario("scenarios/riverton.yaml");
    const outreach = staffingProblem(riverton, "centralized-outreach", ["outreach-team"], everything);
    expect(outreach.blocks.map((b) => b.hoursPerDay)).toEqual([8, 8, 8, 12]);
    expect(outreach.blocks.map((b) => b.costPerDay)).toEqual([8 * 145, 8 * 145, 8 * 145, 12 * 145]);
    // Patrol (390 unit-hours a day at $100) and the hub's one seat around the clock stay as they are.
    expect(outreach.fixedCostPerDay).toBeCloseTo(390 * 100 + 24 * 34.69, 6);
    expect(rosterCostPerDay(outreach, [1, 1, 1, 4])).toBe(72 * 145);

    const joint = staffingProblem(riverton, "co-responder", ["patrol", "co-responder"], everything);
    expect(joint.blocks.map((b) => `${b.unitType}[${b.shift}]`)).toEqual(["patrol[0]", "patrol[1]", "patrol[2]", "patrol[3]", "co-responder[0]"]);
    expect(joint.blocks.map((b) => b.costPerDay)).toEqual([1000, 1000, 1000, 1000, 12 * 134.69]);
    expect(joint.fixedCostPerDay).toBe(0);
    expect(rosterAssignments(joint, [10, 11, 8, 10, 3]).map((a) => a.text)).toContain("models.co-responder.staffing.co-responder[0].units=3");
  });

  it("counts a block that runs on some days only for those days", () => {
    const data = tinyScenario();
    const models = data.models as Record<string, { staffing: Record<string, unknown> }>;
    models["police-only"].staffing.patrol = [
      { from: "00:00", to: "24:00", units: 1 },
      { from: "22:00", to: "06:00", units: 1, days: ["fri", "sat"] },
    ];
    const problem = staffingProblem(validateWithOverrides(data, "tiny.yaml", {}), "police-only", ["patrol"], everything);
    expect(problem.blocks.map((b) => b.hoursPerDay)).toEqual([24, (8 * 2) / 7]);
  });
});

describe("exact staffing search on a small simulated case", () => {
  it("finds what brute force over every roster finds, with the same simulations", async () => {
    // Three 8-hour blocks of one unit type, 1..4 units each (patrol is the last resort: never 0 everywhere): 64 rosters.
    const data = tinyScenario({
      run: { horizonDays: 4, warmupDays: 1, seed: 3, replications: 3 },
      demand: { callsPerDay: 30, categories: { other: { share: 1, priorityShares: [0.5, 0.5] } } },
    });
    (data.unitTypes as { patrol: { onSceneMin: unknown } }).patrol.onSceneMin = { default: { dist: "exponential", mean: 60 } };
    const models = data.models as Record<string, { staffing: Record<string, unknown> }>;
    models["police-only"].staffing.patrol = [
      { from: "00:00", to: "08:00", units: 1 },
      { from: "08:00", to: "16:00", units: 1 },
      { from: "16:00", to: "24:00", units: 1 },
    ];
    const load = (assignments: Assignment[], seed?: number) =>
      validateWithOverrides(structuredClone(data), "tiny.yaml", { set: assignments, run: { seed } });
    const problem = staffingProblem(load([]), "police-only", ["patrol"], () => ({ min: 1, max: 4 }));
    const { evaluate, check } = simulationEvaluator({ problem, load, targets: [parseTarget("queueWaitMin.mean<=10")], minimize: "cost.total", run: { workers: 1 } });

    const all: number[][] = [];
    for (let a = 1; a <= 4; a++) for (let b = 1; b <= 4; b++) for (let c = 1; c <= 4; c++) all.push([a, b, c]);
    const brute = await evaluate(all);
    const passes = new Map(brute.map((e) => [e.units.join(), e.feasible]));
    // The case is monotone on these seeds (a premise of the comparison, checked here).
    for (const e of brute) {
      if (!e.feasible) continue;
      for (let b = 0; b < 3; b++) if (e.units[b] < 4) expect(passes.get(e.units.map((u, i) => (i === b ? u + 1 : u)).join())).toBe(true);
    }
    const cost = (u: number[]) => rosterCostPerDay(problem, u);
    const cheapest = brute.filter((e) => e.feasible).sort((x, y) => cost(x.units) - cost(y.units) || x.objective - y.objective)[0];

    const asked: number[][] = [];
    const result = await searchStaffing(
      { unitCosts: problem.blocks.map((b) => b.costPerDay), minUnits: [1, 1, 1], maxUnits: [4, 4, 4] },
      async (rosters): Promise<Evaluation[]> => {
        asked.push(...rosters);
        return evaluate(rosters);
      },
    );
    expect(result.status).toBe("optimal");
    expect(result.best!.units).toEqual(cheapest.units);
    expect(result.best!.checks).toEqual(cheapest.checks); // same seeds, same figures
    expect(result.best!.units).toEqual([2, 3, 3]); // 12 of the 64 rosters pass; this is the only one of 8 units
    expect(asked.length).toBeLessThan(all.length);

    // The re-check runs the same roster on other seeds: other calls, other figures.
    const again = await check(result.best!.units, 4);
    expect(again.units).toEqual(result.best!.units);
    expect(again.checks[0].mean).not.toBe(result.best!.checks[0].mean);
  }, 120_000);
});
