import { describe, expect, it } from "vitest";
import { estimate, meanOrNull, pairedEstimate, quantileOrNull } from "../../src/metrics/stats.js";

/** t(0.975, ν) from standard tables. */
const T_0975_DF2 = 4.30265273;
const T_0975_DF3 = 3.182446305;

describe("estimate", () => {
  it("estimate of [1,2,3,4] has mean 2.5 and the t-interval with 3 degrees of freedom", () => {
    const result = estimate([1, 2, 3, 4]);
    const sd = Math.sqrt(5 / 3); // squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, over n − 1 = 3
    const halfWidth = (T_0975_DF3 * sd) / 2;
    expect(result.n).toBe(4);
    expect(result.mean).toBe(2.5);
    expect(result.sd).toBeCloseTo(sd, 14);
    expect(result.ci95![0]).toBeCloseTo(2.5 - halfWidth, 8);
    expect(result.ci95![1]).toBeCloseTo(2.5 + halfWidth, 8);
  });

  it("an empty group has a null mean, interval and deviation and n = 0 instead of throwing", () => {
    expect(estimate([])).toEqual({ mean: null, ci95: null, n: 0, sd: null });
  });

  it("one replication gives its value as the mean but no deviation and no interval", () => {
    expect(estimate([7.25])).toEqual({ mean: 7.25, ci95: null, n: 1, sd: null });
  });

  it("equal values give exactly that mean, sd 0 and the interval [mean, mean]", () => {
    // A computed mean of [0.1, 0.1, 0.1] would be 0.10000000000000002.
    expect(estimate([0.1, 0.1, 0.1])).toEqual({ mean: 0.1, ci95: [0.1, 0.1], n: 3, sd: 0 });
  });

  it("fields serialize in the order mean, ci95, n, sd for every group size, so JSON output is stable", () => {
    for (const values of [[], [1], [2, 2], [1, 2, 4]]) {
      expect(Object.keys(estimate(values))).toEqual(["mean", "ci95", "n", "sd"]);
    }
    expect(JSON.stringify(estimate([1, 3]))).toBe(JSON.stringify(estimate([1, 3])));
  });

  it("a value that is not finite is an error naming its index", () => {
    expect(() => estimate([1, 2, Number.NaN])).toThrow(RangeError);
    expect(() => estimate([1, 2, Number.NaN])).toThrow("estimate: values[2] must be a finite number, got NaN");
    expect(() => estimate([Infinity])).toThrow(/values\[0\]/);
  });
});

describe("pairedEstimate", () => {
  it("estimates the mean difference a[i] − b[i] with the t-interval of the differences", () => {
    const result = pairedEstimate([10, 12, 14], [9, 10, 11]);
    // Differences [1, 2, 3]: mean 2, sd 1, half-width t(0.975, 2)·1/√3.
    expect(result.n).toBe(3);
    expect(result.mean).toBe(2);
    expect(result.sd).toBe(1);
    expect(result.ci95![0]).toBeCloseTo(2 - T_0975_DF2 / Math.sqrt(3), 8);
    expect(result.ci95![1]).toBeCloseTo(2 + T_0975_DF2 / Math.sqrt(3), 8);
    expect(result).toEqual(estimate([1, 2, 3]));
  });

  it("pairing removes the replication-to-replication variation both models share", () => {
    const baseline = [5, 9, 13, 7, 21];
    const model = baseline.map((value, i) => value + 1 + 0.1 * ((i % 2) - 0.5));
    const paired = pairedEstimate(model, baseline);
    const ciWidth = (interval: [number, number] | null) => interval![1] - interval![0];
    expect(paired.ci95![0]).toBeGreaterThan(0);
    expect(ciWidth(paired.ci95)).toBeLessThan(ciWidth(estimate(model).ci95) / 10);
  });

  it("arrays of different lengths are an error stating both lengths", () => {
    expect(() => pairedEstimate([1, 2, 3], [1, 2])).toThrow(RangeError);
    expect(() => pairedEstimate([1, 2, 3], [1, 2])).toThrow(/got lengths 3 and 2/);
  });

  it("a value that is not finite is an error naming the array and index", () => {
    expect(() => pairedEstimate([1, 2], [1, Number.NaN])).toThrow(/b\[1\] must be a finite number, got NaN/);
    expect(() => pairedEstimate([Infinity, 2], [1, 1])).toThrow(/a\[0\]/);
    expect(() => pairedEstimate([1e308], [-1e308])).toThrow(/a\[0\] − b\[0\] must be finite/);
  });

  it("no pairs give the empty estimate", () => {
    expect(pairedEstimate([], [])).toEqual({ mean: null, ci95: null, n: 0, sd: null });
  });
});

describe("meanOrNull and quantileOrNull", () => {
  it("meanOrNull is null for no values and the arithmetic mean otherwise", () => {
    expect(meanOrNull([])).toBeNull();
    expect(meanOrNull([1, 2, 3, 6])).toBe(3);
    expect(() => meanOrNull([1, Number.NaN])).toThrow(/values\[1\]/);
  });

  it("quantileOrNull is null for no values and interpolates linearly between order statistics (type 7)", () => {
    expect(quantileOrNull([], 0.5)).toBeNull();
    expect(quantileOrNull([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantileOrNull([4, 1, 3, 2], 0.25)).toBe(1.75);
    expect(quantileOrNull([4, 1, 3, 2], 1)).toBe(4);
  });

  it("quantileOrNull leaves its input in its original order", () => {
    const values = [5, 3, 9, 1, 7];
    quantileOrNull(values, 0.9);
    expect(values).toEqual([5, 3, 9, 1, 7]);
  });

  it("quantileOrNull refuses a probability outside [0, 1] even for empty input", () => {
    expect(() => quantileOrNull([], 1.5)).toThrow(/p must be a probability in \[0, 1\], got 1.5/);
    expect(() => quantileOrNull([1], Number.NaN)).toThrow(RangeError);
  });
});
