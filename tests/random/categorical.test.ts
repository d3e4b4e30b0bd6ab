import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Categorical } from "../../src/random/categorical.js";
import { DistributionError } from "../../src/random/distribution.js";
import { createStream } from "../../src/random/streams.js";
import { expectThrowsExactly } from "./helpers.js";

describe("Categorical", () => {
  it("gives its first item as first, and draws it without a uniform when it is the only one", () => {
    expect(new Categorical({ items: ["x", "y"], weights: [0, 1] }).first).toBe("x");
    const only = new Categorical({ items: [7], weights: [1] });
    let draws = 0;
    expect(only.sample(() => (draws++, 0.5))).toBe(7);
    expect([only.first, draws]).toEqual([7, 0]);
  });

  it("pins the first draws of categorical(a:3, b:3, c:4) on stream (20240601, 0, categorical-pinned)", () => {
    const categorical = new Categorical({ items: ["a", "b", "c"], weights: [3, 3, 4] });
    const rng = createStream(20240601, 0, "categorical-pinned");
    expect(Array.from({ length: 12 }, () => categorical.sample(rng)).join("")).toBe("bbcccbcbbcba");
  });

  it("draws each item with frequency within 0.005 of its normalised weight over 200,000 draws", () => {
    // SE of a proportion <= 0.0011, so 0.005 is at least 4.5 SE.
    const categorical = new Categorical({ items: ["a", "b", "c"], weights: [1, 2, 7] });
    expect(categorical.probabilities).toEqual([0.1, 0.2, 0.7]);
    const rng = createStream(1, 0, "categorical");
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 200_000; i++) counts[categorical.sample(rng)]++;
    expect(Math.abs(counts.a / 200_000 - 0.1)).toBeLessThan(0.005);
    expect(Math.abs(counts.b / 200_000 - 0.2)).toBeLessThan(0.005);
    expect(Math.abs(counts.c / 200_000 - 0.7)).toBeLessThan(0.005);
  });

  it("maps u to the item whose cumulative interval [F(i − 1), F(i)) contains it", () => {
    const categorical = new Categorical({ items: ["a", "b", "c"], weights: [1, 2, 7] });
    expect([0, 0.0999, 0.1, 0.2999, 0.3, 0.999999].map((u) => categorical.sampleIndex(u))).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it("never selects an item with weight 0, including trailing ones", () => {
    const categorical = new Categorical({ items: [0, 1, 2, 3], weights: [0, 1, 0, 0] });
    for (const u of [0, 0.3, 0.999999999]) expect(categorical.sampleIndex(u)).toBe(1);
  });

  it("agrees with a linear scan of the cumulative weights for more than 8 items (binary search)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 9, maxLength: 40 }).filter((w) => w.some((x) => x > 0)),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (weights, u) => {
          const categorical = new Categorical({ items: weights.map((_, i) => i), weights });
          const total = weights.reduce((a, b) => a + b, 0);
          let running = 0;
          let expected = -1;
          for (let i = 0; i < weights.length; i++) {
            running += weights[i];
            if (weights[i] > 0 && u < running / total) { expected = i; break; }
          }
          for (let i = weights.length - 1; expected === -1; i--) if (weights[i] > 0) expected = i;
          return categorical.sampleIndex(u) === expected;
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it("does not consume a uniform when it has a single item", () => {
    let calls = 0;
    const categorical = new Categorical({ items: ["only"], weights: [3] });
    expect(categorical.sample(() => (calls++, 0.5))).toBe("only");
    expect(calls).toBe(0);
  });

  it("consumes exactly one uniform per draw otherwise, whatever the weights", () => {
    let calls = 0;
    new Categorical({ items: ["x", "y"], weights: [1, 0] }).sample(() => (calls++, 0.5));
    expect(calls).toBe(1);
  });

  it("keeps a frozen copy of its items", () => {
    const items = ["a", "b"];
    const categorical = new Categorical({ items, weights: [1, 1] });
    items[0] = "changed";
    expect(categorical.items).toEqual(["a", "b"]);
    expect(Object.isFrozen(categorical.items)).toBe(true);
    expect(categorical.size).toBe(2);
    expect(categorical.toString()).toBe("categorical(2 items)");
  });

  it("rejects no items, mismatched weights, negative weights and a zero sum", () => {
    expectThrowsExactly(() => new Categorical({ items: [], weights: [] }), DistributionError,
      "categorical: items must be a non-empty array, got []");
    expectThrowsExactly(() => new Categorical({ items: ["a", "b", "c"], weights: [1, 2] }), DistributionError,
      "categorical: weights must have the same length as items (3), got 2");
    expectThrowsExactly(() => new Categorical({ items: ["a", "b"], weights: [1, -1] }), DistributionError,
      "categorical: weights[1] must be a finite number >= 0, got -1");
    expectThrowsExactly(() => new Categorical({ items: ["a", "b"], weights: [0, 0] }), DistributionError,
      "categorical: weights must have a positive, finite sum, got 0");
    expectThrowsExactly(() => new Categorical({ items: ["a"], weights: [Infinity] }), DistributionError,
      "categorical: weights[0] must be a finite number >= 0, got Infinity");
  });

  it("rejects uniforms outside [0, 1)", () => {
    const categorical = new Categorical({ items: ["a", "b"], weights: [1, 1] });
    expectThrowsExactly(() => categorical.sampleIndex(1), DistributionError,
      "categorical: invalid uniform drawn: 1, expected a number in [0, 1)");
    expectThrowsExactly(() => categorical.sample(() => -0.5), DistributionError,
      "categorical: invalid uniform drawn: -0.5, expected a number in [0, 1)");
  });
});
