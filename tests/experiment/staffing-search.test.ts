import { describe, expect, it } from "vitest";
import { checkTargets, parseTarget, sameCost, searchStaffing, type Evaluation, type SearchSpace } from "../../src/experiment/staffing-search.js";
import { StudyError } from "../../src/experiment/study.js";

type Feasible = (units: number[]) => boolean;

/** A fake, pure evaluator that counts what it is asked to simulate. */
function fake(feasible: Feasible, objective: (units: number[]) => number = () => 0) {
  const asked: string[] = [];
  const evaluate = async (rosters: number[][]): Promise<Evaluation[]> =>
    rosters.map((units) => {
      asked.push(units.join(","));
      return { units, checks: [], feasible: feasible(units), objective: objective(units), metrics: {} };
    });
  return { evaluate, asked };
}

/** Every roster of the box, for brute force. */
function* box(min: readonly number[], max: readonly number[]): Generator<number[]> {
  const units = [...min];
  for (;;) {
    yield [...units];
    let b = units.length - 1;
    while (b >= 0 && units[b] === max[b]) units[b--] = min[b + 1];
    if (b < 0) return;
    units[b]++;
  }
}

/** Brute force: the cheapest passing roster within budget, ties by objective then units. */
function bruteForce(space: SearchSpace, feasible: Feasible, objective: (units: number[]) => number = () => 0) {
  const cost = (u: number[]) => u.reduce((s, v, b) => s + v * space.unitCosts[b], 0);
  let best: number[] | null = null;
  for (const units of box(space.minUnits, space.maxUnits)) {
    if (!feasible(units) || cost(units) > (space.maxCost ?? Infinity)) continue;
    if (best === null) best = units;
    else if (!sameCost(cost(units), cost(best))) {
      if (cost(units) < cost(best)) best = units;
    } else if (objective(units) < objective(best) || (objective(units) === objective(best) && units.join() < best.join())) best = units;
  }
  return best && { units: best, cost: cost(best) };
}

/**
 * A coverage requirement over the hours of the day: block b is on duty from from[b] to to[b]
 * (crossing midnight when to <= from); a roster passes iff the units on duty at every hour are at
 * least that hour's need. Monotone by construction. unitCosts are the blocks' hours.
 */
function coverage(blocks: [number, number][], need: (hour: number) => number) {
  const covers = blocks.map(([from, to]) => (hour: number) => (from < to ? hour >= from && hour < to : hour >= from || hour < to));
  const hours = blocks.map(([from, to]) => (to > from ? to - from : to + 24 - from));
  const feasible: Feasible = (units) => Array.from({ length: 24 }, (_, h) => h).every((h) => units.reduce((s, u, b) => s + (covers[b](h) ? u : 0), 0) >= need(h));
  return { feasible, hours };
}

/** Riverton's four outreach blocks: 07-15, 15-23, 23-07, 10-22. */
const riverton: [number, number][] = [[7, 15], [15, 23], [23, 7], [10, 22]];
const rivertonNeed = (h: number) => (h >= 10 && h < 22 ? 5 : 1);

/** A small deterministic generator for random cases. */
function lcg(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.floor((state / 2 ** 32) * n);
  };
}

describe("exact staffing search", () => {
  it("finds [1,1,1,4] (72 unit-hours a day) on Riverton's overlapping outreach blocks, where bisection and descent found [3,3,1,2] (80)", async () => {
    const { feasible, hours } = coverage(riverton, rivertonNeed);
    expect(feasible([3, 3, 1, 2])).toBe(true); // the old answer passes, but costs 80
    const space = { unitCosts: hours, minUnits: [0, 0, 0, 0], maxUnits: [8, 8, 8, 8] };
    const f = fake(feasible);
    const result = await searchStaffing(space, f.evaluate);
    expect(result.status).toBe("optimal");
    expect(result.best!.units).toEqual([1, 1, 1, 4]);
    expect(result.bestCost).toBe(72);
    expect(bruteForce(space, feasible)).toEqual({ units: [1, 1, 1, 4], cost: 72 });
    // Each roster simulated once; far fewer than the 9^4 = 6,561 of the box.
    expect(new Set(f.asked).size).toBe(f.asked.length);
    expect(result.simulations).toBe(f.asked.length);
    expect(result.simulations).toBeLessThan(70);
    // Every roster cheaper than 72 was proven to fail.
    expect(result.lowerBound).toBe(72);
    // One unit fewer in any block fails, and a simulated failing roster proves it.
    for (const { block, witness } of result.reductions) {
      const fewer = result.best!.units.map((u, i) => (i === block ? u - 1 : u));
      expect(feasible(fewer)).toBe(false);
      expect(witness!.feasible).toBe(false);
      expect(fewer.every((u, i) => u <= witness!.units[i])).toBe(true);
    }
  });

  it("agrees with brute force on random coverage requirements, with and without block bounds, lifting and budgets", async () => {
    const random = lcg(12);
    for (let trial = 0; trial < 60; trial++) {
      const blockCount = 2 + random(3);
      const blocks = Array.from({ length: blockCount }, () => [random(24), random(24)] as [number, number]).map(([a, b]) => [a, a === b ? (a + 8) % 24 : b] as [number, number]);
      const peak = [random(24), random(24)];
      const peakNeed = 2 + random(3);
      const need = (h: number) => (h >= Math.min(...peak) && h < Math.max(...peak) ? peakNeed : 1);
      const { feasible, hours } = coverage(blocks, need);
      const maxUnits = blocks.map(() => 3 + random(3));
      const minUnits = blocks.map(() => random(2));
      const budget = trial % 3 === 0 ? 20 + random(60) : undefined;
      const space = { unitCosts: hours, minUnits, maxUnits, maxCost: budget };
      const expected = bruteForce(space, feasible);
      for (const [blockBounds, lift] of [[true, true], [false, true], [true, false], [false, false]]) {
        const result = await searchStaffing(space, fake(feasible).evaluate, { blockBounds, lift, maxSimulations: 10_000 });
        if (!feasible(maxUnits)) expect(result.status).toBe("unattainable");
        else if (expected === null) expect(result.status).toBe("over-budget");
        else {
          expect(result.status).toBe("optimal");
          expect(result.bestCost).toBe(expected.cost);
          expect(result.best!.units).toEqual(expected.units);
        }
      }
    }
  });

  it("agrees with brute force on random monotone worlds (any up-set), ties broken by the objective", async () => {
    const random = lcg(7);
    for (let trial = 0; trial < 80; trial++) {
      const blockCount = 1 + random(4);
      const maxUnits = Array.from({ length: blockCount }, () => 2 + random(4));
      const minUnits = maxUnits.map(() => random(2));
      // The up-set generated by a few random minimal rosters: the most general monotone world.
      const generators = Array.from({ length: 1 + random(4) }, () => maxUnits.map((m) => random(m + 2)));
      const feasible: Feasible = (units) => generators.some((g) => g.every((v, i) => units[i] >= v));
      // Equal costs make ties common; the objective breaks them.
      const unitCosts = maxUnits.map(() => [1, 2, 2.5][random(3)]);
      const objective = (units: number[]) => ((units.reduce((s, u, i) => s * 31 + u * (i + 3), 17) % 13) + 13) % 13;
      const budget = trial % 4 === 0 ? 2 + random(10) : undefined;
      const space = { unitCosts, minUnits, maxUnits, maxCost: budget };
      const expected = bruteForce(space, feasible, objective);
      const result = await searchStaffing(space, fake(feasible, objective).evaluate, { maxSimulations: 10_000 });
      if (!feasible(maxUnits)) expect(result.status).toBe("unattainable");
      else if (expected === null) expect(result.status).toBe("over-budget");
      else {
        expect(result.status).toBe("optimal");
        expect(result.best!.units).toEqual(expected.units);
        expect(sameCost(result.bestCost!, expected.cost)).toBe(true);
        for (const tie of result.ties) expect(sameCost(tie.units.reduce((s, v, b) => s + v * unitCosts[b], 0), expected.cost)).toBe(true);
      }
    }
  });

  it("searches two unit types jointly: the blocks of both side by side, each type at its own cost", async () => {
    // Patrol (2 blocks of 12 h at $100) and co-responders (one 12-h block at $135): a P1 target
    // is met when patrol plus co-responders on duty reach 3 every hour; co-responders must be >= 1.
    const unitCosts = [1200, 1200, 1620];
    const feasible: Feasible = ([day, night, co]) => co >= 1 && day + co >= 3 && night >= 3;
    const space = { unitCosts, minUnits: [1, 1, 0], maxUnits: [6, 6, 4] };
    const result = await searchStaffing(space, fake(feasible).evaluate);
    expect(result.best!.units).toEqual([2, 3, 1]);
    expect(bruteForce(space, feasible)!.units).toEqual([2, 3, 1]);
    // Under a budget that excludes it, nothing within the budget passes.
    const tight = await searchStaffing({ ...space, maxCost: 7000 }, fake(feasible).evaluate);
    expect(tight.status).toBe("over-budget");
    expect(tight.lowerBound).toBeGreaterThan(7000);
  });

  it("says so when even the largest roster fails, after one simulation", async () => {
    const f = fake(([a, b]) => a >= 9 && b >= 1);
    const result = await searchStaffing({ unitCosts: [1, 1], minUnits: [0, 0], maxUnits: [4, 4] }, f.evaluate);
    expect(result.status).toBe("unattainable");
    expect(result.best).toBeNull();
    expect(result.largest!.units).toEqual([4, 4]);
    expect(f.asked).toEqual(["4,4"]);
  });

  it("simulates nothing when the cheapest roster is over the budget", async () => {
    const f = fake(() => true);
    const result = await searchStaffing({ unitCosts: [10, 10], minUnits: [1, 1], maxUnits: [4, 4], maxCost: 15 }, f.evaluate);
    expect(result.status).toBe("over-budget");
    expect(f.asked).toEqual([]);
  });

  it("keeps at least the minimum units in every block", async () => {
    const result = await searchStaffing({ unitCosts: [1, 1], minUnits: [1, 1], maxUnits: [6, 6] }, fake(() => true).evaluate);
    expect(result.best!.units).toEqual([1, 1]);
    expect(result.reductions.map((r) => r.witness)).toEqual([null, null]);
  });

  it("stops at the simulation limit with the best roster found and a proven lower bound", async () => {
    const { feasible, hours } = coverage(riverton, rivertonNeed);
    const result = await searchStaffing({ unitCosts: hours, minUnits: [0, 0, 0, 0], maxUnits: [8, 8, 8, 8] }, fake(feasible).evaluate, { maxSimulations: 12 });
    expect(result.status).toBe("limit");
    expect(result.limit).toBe("simulations");
    expect(result.simulations).toBeLessThanOrEqual(12);
    expect(result.best!.feasible).toBe(true);
    expect(result.bestCost!).toBeGreaterThanOrEqual(72);
    expect(result.lowerBound).toBeLessThanOrEqual(72);
  });

  it("counts a target as met only when its whole interval is on the right side", () => {
    const metrics = { "fallbackRate": { mean: 0.08, ci95: [0.06, 0.11] as [number, number], n: 5 }, "alternativeShare": { mean: 0.6, ci95: [0.55, 0.65] as [number, number], n: 5 } };
    const checks = checkTargets(metrics, [parseTarget("fallbackRate<=0.10"), parseTarget("alternativeShare>=0.5")]);
    expect(checks.map((c) => c.met)).toEqual([false, true]);
    expect(() => parseTarget("fallbackRate=0.1")).toThrow(StudyError);
  });
});
