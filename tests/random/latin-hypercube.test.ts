import { describe, expect, it } from "vitest";
import { latinHypercube } from "../../src/random/latin-hypercube.js";

describe("latinHypercube", () => {
  it("puts exactly one draw of each input in each of N equal-probability strata", () => {
    const draws = 37;
    const u = latinHypercube(draws, 4, 20240521);
    expect(u).toHaveLength(draws);
    for (let k = 0; k < 4; k++) {
      const strata = u.map((row) => Math.floor(row[k] * draws)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: draws }, (_, j) => j));
      for (const row of u) expect(row[k] > 0 && row[k] < 1).toBe(true);
    }
  });

  it("is deterministic for a seed and changes with the seed", () => {
    expect(latinHypercube(10, 3, 7)).toEqual(latinHypercube(10, 3, 7));
    expect(latinHypercube(10, 3, 8)).not.toEqual(latinHypercube(10, 3, 7));
  });

  it("keeps an input's draws when another input is added after it", () => {
    const two = latinHypercube(12, 2, 5);
    const three = latinHypercube(12, 3, 5);
    expect(three.map((row) => row.slice(0, 2))).toEqual(two);
  });

  it("pairs the inputs' strata by independent permutations, not in lockstep", () => {
    const u = latinHypercube(50, 2, 11);
    const same = u.filter((row) => Math.floor(row[0] * 50) === Math.floor(row[1] * 50)).length;
    expect(same).toBeLessThan(10);
  });
});
