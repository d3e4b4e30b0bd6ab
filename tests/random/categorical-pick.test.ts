import { describe, expect, it } from "vitest";
import { CallRandom } from "../../src/random/call-random.js";
import { Categorical } from "../../src/random/categorical.js";
import { DistributionError } from "../../src/random/distribution.js";

describe("Categorical.pick", () => {
  const weighted = new Categorical({ items: [10, 20, 30, 40, 50, 60], weights: [0.5, 0, 2, 1, 0.25, 3] });

  it("returns the item whose cumulative interval [P(index < i), P(index <= i)) holds the uniform", () => {
    const weights = [0.5, 0, 2, 1, 0.25, 3];
    const total = weights.reduce((sum, w) => sum + w, 0);
    const random = new CallRandom(7, 6);
    for (let n = 0; n < 100_000; n++) {
      const u = random.next();
      let i = 0;
      for (let below = weights[0] / total; u >= below; below += weights[++i] / total);
      expect(weighted.pick(u)).toBe(weighted.items[i]);
    }
  });

  it("consumes the one uniform that sample would, giving sample's item", () => {
    const drawing = new CallRandom(7, 6);
    const picking = new CallRandom(7, 6);
    for (let i = 0; i < 1_000; i++) expect(weighted.pick(picking.next())).toBe(weighted.sample(drawing.next));
  });

  it("picks at the cumulative table's edges as sample does: 0 the first positive item, just below 1 the last", () => {
    for (const u of [0, 0.5 / 6.75, 1 - 2 ** -32]) expect(weighted.pick(u)).toBe(weighted.sample(() => u));
    expect(weighted.pick(0)).toBe(10);
    expect(weighted.pick(1 - 2 ** -32)).toBe(60);
  });

  it("refuses a uniform outside [0, 1)", () => {
    expect(() => weighted.pick(1)).toThrow(DistributionError);
    expect(() => weighted.pick(-0.1)).toThrow(DistributionError);
    expect(() => weighted.pick(Number.NaN)).toThrow(DistributionError);
  });
});
