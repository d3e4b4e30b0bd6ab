import { describe, expect, it } from "vitest";
import { checkTargets, parseTarget, searchStaffing, type Evaluation } from "../../src/experiment/staffing-search.js";
import { StudyError } from "../../src/experiment/study.js";

/** A made-up monotone world: block b needs at least need[b] units; cost is weighted units. */
function world(need: number[], weights: number[]) {
  let calls = 0;
  const evaluate = async (rosters: number[][]): Promise<Evaluation[]> =>
    rosters.map((units) => {
      calls++;
      const feasible = units.every((u, b) => u >= need[b]);
      const objective = units.reduce((sum, u, b) => sum + u * weights[b], 0);
      return { units, checks: [], feasible, objective, metrics: {} };
    });
  return { evaluate, calls: () => calls };
}

describe("staffing search", () => {
  it("finds the cheapest roster in a monotone world without trying every combination", async () => {
    const w = world([3, 0, 5, 1], [10, 10, 8, 12]);
    const result = await searchStaffing(4, 0, 20, w.evaluate);
    expect(result.best!.units).toEqual([3, 0, 5, 1]);
    // Brute force would simulate 21^4 = 194,481 rosters.
    expect(result.evaluations).toBeLessThan(60);
    expect(result.evaluations).toBe(w.calls());
    expect(result.nearestFailure!.feasible).toBe(false);
  });

  it("says so when even the largest roster fails", async () => {
    const result = await searchStaffing(2, 0, 4, world([9, 1], [1, 1]).evaluate);
    expect(result.best).toBeNull();
    expect(result.nearestFailure!.units).toEqual([4, 4]);
  });

  it("keeps at least the minimum units in every block", async () => {
    const result = await searchStaffing(2, 1, 6, world([0, 0], [1, 1]).evaluate);
    expect(result.best!.units).toEqual([1, 1]);
  });

  it("counts a target as met only when its whole interval is on the right side", () => {
    const metrics = { "fallbackRate": { mean: 0.08, ci95: [0.06, 0.11] as [number, number], n: 5 }, "alternativeShare": { mean: 0.6, ci95: [0.55, 0.65] as [number, number], n: 5 } };
    const checks = checkTargets(metrics, [parseTarget("fallbackRate<=0.10"), parseTarget("alternativeShare>=0.5")]);
    expect(checks.map((c) => c.met)).toEqual([false, true]);
    expect(() => parseTarget("fallbackRate=0.1")).toThrow(StudyError);
  });
});
