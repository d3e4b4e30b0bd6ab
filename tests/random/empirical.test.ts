import { describe, expect, it } from "vitest";
import { DistributionError } from "../../src/random/distribution.js";
import { empirical } from "../../src/random/distributions/empirical.js";
import { createStream } from "../../src/random/streams.js";
import { expectPinned, expectThrowsExactly, firstDraws, sampleMoments } from "./helpers.js";

/** Observed values and weights used throughout: P(3) = .2, P(7) = .3, P(12) = .1, P(30) = .4. */
const VALUES = [12, 3, 7, 30];
const WEIGHTS = [1, 2, 3, 4];

describe("empirical", () => {
  it("pins the first draws of empirical([12, 3, 7, 30], weights [1, 2, 3, 4]) on stream (20240601, 0, empirical)", () => {
    expectPinned(firstDraws(empirical(VALUES, WEIGHTS), createStream(20240601, 0, "empirical"), 5), [30, 7, 30, 3, 3]);
  });

  it("has the exact mean Σpᵢxᵢ = 15.9 and variance Σpᵢ(xᵢ − mean)² = 138.09 of the weighted values", () => {
    const distribution = empirical(VALUES, WEIGHTS);
    expect(distribution.mean).toBeCloseTo(15.9, 12);
    expect(distribution.variance).toBeCloseTo(138.09, 10);
  });

  it("draws each value with frequency within 0.005 of its weight share over 200,000 draws", () => {
    // SE of a proportion <= sqrt(0.25/2e5) ≈ 0.0011, so 0.005 is at least 4.5 SE.
    const distribution = empirical(VALUES, WEIGHTS);
    const rng = createStream(1, 0, "empirical");
    const counts = new Map<number, number>();
    for (let i = 0; i < 200_000; i++) {
      const x = distribution.sample(rng);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([3, 7, 12, 30]);
    for (const [value, share] of [[3, 0.2], [7, 0.3], [12, 0.1], [30, 0.4]] as const) {
      expect(Math.abs((counts.get(value) ?? 0) / 200_000 - share)).toBeLessThan(0.005);
    }
  });

  it("weights values equally when no weights are given, with sample mean within 1% of the plain average", () => {
    const distribution = empirical([4, 8, 15, 16, 23, 42]);
    expect(distribution.mean).toBeCloseTo(18, 12);
    // Population sd ≈ 12.3, so SE of the mean over 1e5 draws ≈ 0.2% of 18.
    expectRelativelyCloseTo(sampleMoments(distribution, createStream(2, 0, "empirical"), 100_000).mean, 18, 0.01);
  });

  it("is monotone in its uniform: quantile(p) walks the sorted values at the cumulative weights", () => {
    const distribution = empirical(VALUES, WEIGHTS);
    expect([0, 0.19, 0.2, 0.49, 0.5, 0.59, 0.6, 0.99, 1].map((p) => distribution.quantile(p))).toEqual([
      3, 3, 7, 7, 12, 12, 30, 30, 30,
    ]);
    expect(distribution.sample(() => 0.55)).toBe(distribution.quantile(0.55));
  });

  it("uses binary search beyond 8 values with the same result as the definition", () => {
    const values = Array.from({ length: 100 }, (_, i) => 99 - i);
    const distribution = empirical(values);
    for (let i = 0; i < 100; i++) {
      expect(distribution.quantile(i / 100)).toBe(i);
      expect(distribution.quantile((i + 0.5) / 100)).toBe(i);
    }
  });

  it("never draws a value with weight 0, even the largest one at p = 1", () => {
    const distribution = empirical([1, 2, 50], [1, 1, 0]);
    expect(distribution.quantile(1)).toBe(2);
    expect(distribution.mean).toBe(1.5);
    const rng = createStream(3, 0, "empirical");
    const drawn = new Set<number>();
    for (let i = 0; i < 10_000; i++) drawn.add(distribution.sample(rng));
    expect([...drawn].sort()).toEqual([1, 2]);
  });

  it("does not consume a uniform when given a single value", () => {
    let calls = 0;
    expect(empirical([9]).sample(() => (calls++, 0.5))).toBe(9);
    expect(calls).toBe(0);
    expect(empirical([9]).variance).toBe(0);
  });

  it("prints a few values in full and many as a summary", () => {
    expect(empirical([3, 1]).toString()).toBe("empirical(values=[3, 1])");
    expect(empirical([3, 1], [1, 2]).toString()).toBe("empirical(values=[3, 1], weights=[1, 2])");
    expect(empirical([1, 2, 3, 4, 5, 6, 30]).toString()).toBe("empirical(n=7, min=1, max=30)");
    expect(empirical([1, 2, 3, 4, 5, 6, 30], [1, 1, 1, 1, 1, 1, 1]).toString()).toBe(
      "empirical(n=7, min=1, max=30, weighted)",
    );
  });

  it("rejects empty or invalid values", () => {
    expectThrowsExactly(() => empirical([]), DistributionError,
      "empirical: values must be a non-empty array of finite numbers >= 0, got []");
    expectThrowsExactly(() => empirical([1, 2, -1]), DistributionError,
      "empirical: values[2] must be a finite number >= 0, got -1");
    expectThrowsExactly(() => empirical([1, Number.NaN]), DistributionError,
      "empirical: values[1] must be a finite number >= 0, got NaN");
  });

  it("rejects weights of the wrong length, negative weights and a zero sum, naming the original index", () => {
    expectThrowsExactly(() => empirical([1, 2, 3], [1, 2]), DistributionError,
      "empirical: weights must have the same length as values (3), got 2");
    expectThrowsExactly(() => empirical([30, 2, 3], [1, -1, 1]), DistributionError,
      "empirical: weights[1] must be a finite number >= 0, got -1");
    expectThrowsExactly(() => empirical([1, 2], [0, 0]), DistributionError,
      "empirical: weights must have a positive, finite sum, got 0");
  });

  it("throws 'invalid uniform drawn' when the random source returns 1", () => {
    expectThrowsExactly(() => empirical([3, 1]).sample(() => 1), DistributionError,
      "empirical(values=[3, 1]): invalid uniform drawn: 1, expected a number in [0, 1)");
  });
});

function expectRelativelyCloseTo(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * expected);
}
