import { describe, expect, it } from "vitest";
import { DistributionError } from "../../src/random/distribution.js";
import { Exponential, exponential } from "../../src/random/distributions/exponential.js";
import { createStream } from "../../src/random/streams.js";
import {
  expectPinned,
  expectRelativelyClose,
  expectThrowsExactly,
  firstDraws,
  sampleMoments,
  scriptedRng,
} from "./helpers.js";

describe("exponential", () => {
  it("pins the first draws of exponential(mean=30) on stream (20240601, 0, exponential)", () => {
    expectPinned(firstDraws(exponential(30), createStream(20240601, 0, "exponential"), 5), [
      20.520476996047016, 35.55312964777848, 46.858262923713966, 3.0125529806365328,
      2.448952775668532,
    ]);
  });

  it("exponential(mean=30) has sample mean within 1% of 30 and variance within 3% of 900 over 200,000 draws", () => {
    // SE of the mean is 30/sqrt(2e5) ≈ 0.22%; SE of the variance is sqrt(8/2e5) ≈ 0.63%.
    const { mean, variance } = sampleMoments(exponential(30), createStream(1, 0, "exponential"), 200_000);
    expectRelativelyClose(mean, 30, 0.01);
    expectRelativelyClose(variance, 900, 0.03);
  });

  it("knows its mean and variance (mean, mean²) and prints its parameter", () => {
    const distribution = exponential(12.5);
    expect(distribution).toBeInstanceOf(Exponential);
    expect(distribution.kind).toBe("exponential");
    expect(distribution.mean).toBe(12.5);
    expect(distribution.variance).toBe(156.25);
    expect(distribution.toString()).toBe("exponential(mean=12.5)");
  });

  it("maps u = 0 to 0 and uses the inverse CDF −mean·ln(1 − u)", () => {
    expect(exponential(30).sample(scriptedRng(0))).toBe(0);
    expect(exponential(30).sample(scriptedRng(0.5))).toBeCloseTo(30 * Math.LN2, 12);
    expect(exponential(30).quantile(0.5)).toBeCloseTo(30 * Math.LN2, 12);
    expect(exponential(30).quantile(1)).toBe(Infinity);
  });

  it("consumes exactly one uniform per draw", () => {
    let calls = 0;
    exponential(5).sample(() => (calls++, 0.25));
    expect(calls).toBe(1);
  });

  it("rejects a mean that is not a finite number > 0", () => {
    expectThrowsExactly(() => exponential(0), DistributionError, "exponential: mean must be a finite number > 0, got 0");
    expectThrowsExactly(() => exponential(-3), DistributionError, "exponential: mean must be a finite number > 0, got -3");
    expectThrowsExactly(() => exponential(Number.NaN), DistributionError, "exponential: mean must be a finite number > 0, got NaN");
    expectThrowsExactly(() => exponential(Infinity), DistributionError, "exponential: mean must be a finite number > 0, got Infinity");
    expectThrowsExactly(() => exponential("30" as unknown as number), DistributionError, 'exponential: mean must be a finite number > 0, got "30"');
  });

  it("throws 'invalid time sampled' when the random source returns 1 or more", () => {
    expectThrowsExactly(() => exponential(30).sample(scriptedRng(1)), DistributionError,
      "exponential(mean=30): invalid time sampled: Infinity");
    expectThrowsExactly(() => exponential(30).sample(scriptedRng(1.5)), DistributionError,
      "exponential(mean=30): invalid time sampled: NaN");
  });

  it("rejects quantile probabilities outside [0, 1]", () => {
    expectThrowsExactly(() => exponential(30).quantile(1.5), DistributionError,
      "exponential(mean=30): p must be a number in [0, 1], got 1.5");
  });
});
