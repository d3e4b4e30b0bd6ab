import { describe, expect, it } from "vitest";
import { DistributionError } from "../../src/random/distribution.js";
import { uniform } from "../../src/random/distributions/uniform.js";
import { createStream } from "../../src/random/streams.js";
import {
  expectPinned,
  expectRelativelyClose,
  expectThrowsExactly,
  firstDraws,
  sampleMoments,
} from "./helpers.js";

describe("uniform", () => {
  it("pins the first draws of uniform(min=5, max=15) on stream (20240601, 0, uniform)", () => {
    expectPinned(firstDraws(uniform(5, 15), createStream(20240601, 0, "uniform"), 5), [
      7.528370108921081, 9.743700243998319, 11.630458305589855, 12.530707595869899,
      13.435887708328664,
    ]);
  });

  it("uniform(5, 15) has sample mean within 0.5% of 10 and variance within 2% of 100/12 over 200,000 draws", () => {
    // SE of the mean ≈ 0.065%; SE of the variance ≈ sqrt(0.8/n) ≈ 0.2%.
    const { mean, variance } = sampleMoments(uniform(5, 15), createStream(1, 0, "uniform"), 200_000);
    expectRelativelyClose(mean, 10, 0.005);
    expectRelativelyClose(variance, 100 / 12, 0.02);
  });

  it("knows its moments, prints its parameters and has quantile min + p(max − min)", () => {
    const distribution = uniform(5, 15);
    expect(distribution.mean).toBe(10);
    expect(distribution.variance).toBeCloseTo(100 / 12, 12);
    expect(distribution.toString()).toBe("uniform(min=5, max=15)");
    expect(distribution.quantile(0.25)).toBe(7.5);
    expect(distribution.sample(() => 0)).toBe(5);
  });

  it("rejects a negative min and a max that is not above min", () => {
    expectThrowsExactly(() => uniform(-1, 5), DistributionError, "uniform: min must be a finite number >= 0, got -1");
    expectThrowsExactly(() => uniform(5, 5), DistributionError, "uniform: max must be a finite number > min (5), got 5");
    expectThrowsExactly(() => uniform(0, Infinity), DistributionError, "uniform: max must be a finite number > min (0), got Infinity");
  });

  it("throws 'invalid time sampled' when the random source returns NaN or a value above 1", () => {
    expectThrowsExactly(() => uniform(5, 15).sample(() => Number.NaN), DistributionError,
      "uniform(min=5, max=15): invalid time sampled: NaN");
    expectThrowsExactly(() => uniform(5, 15).sample(() => 2), DistributionError,
      "uniform(min=5, max=15): invalid time sampled: 25");
  });
});
