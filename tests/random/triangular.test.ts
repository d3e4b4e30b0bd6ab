import { describe, expect, it } from "vitest";
import { DistributionError } from "../../src/random/distribution.js";
import { triangular } from "../../src/random/distributions/triangular.js";
import { createStream } from "../../src/random/streams.js";
import {
  expectPinned,
  expectRelativelyClose,
  expectThrowsExactly,
  firstDraws,
  sampleMoments,
  sortedDraws,
} from "./helpers.js";

describe("triangular", () => {
  it("pins the first draws of triangular(min=5, mode=10, max=30) on stream (20240601, 0, triangular)", () => {
    expectPinned(firstDraws(triangular(5, 10, 30), createStream(20240601, 0, "triangular"), 5), [
      12.266309577809704, 7.218101896920267, 8.891842206756321, 24.47828627176507,
      14.348264649155464,
    ]);
  });

  it("triangular(5, 10, 30) has sample mean within 0.5% of 15 and variance within 2% of 525/18 over 200,000 draws", () => {
    // SE of the mean ≈ 0.08%; SE of the variance ≈ 0.3%.
    const { mean, variance } = sampleMoments(triangular(5, 10, 30), createStream(1, 0, "triangular"), 200_000);
    expectRelativelyClose(mean, 15, 0.005);
    expectRelativelyClose(variance, 525 / 18, 0.02);
  });

  it("triangular(5, 10, 30) puts 20% ± 0.5% of 200,000 draws below the mode, all within [5, 30]", () => {
    // F(mode) = (10 − 5)/(30 − 5) = 0.2; SE of the proportion ≈ 0.09%.
    const draws = sortedDraws(triangular(5, 10, 30), createStream(2, 0, "triangular"), 200_000);
    expect(draws[0]).toBeGreaterThanOrEqual(5);
    expect(draws[draws.length - 1]).toBeLessThanOrEqual(30);
    expect(Math.abs(draws.findIndex((x) => x >= 10) / draws.length - 0.2)).toBeLessThan(0.005);
  });

  it("knows its moments, prints its parameters and inverts its CDF at 0, F(mode) and 1", () => {
    const distribution = triangular(5, 10, 30);
    expect(distribution.mean).toBe(15);
    expect(distribution.variance).toBeCloseTo(525 / 18, 12);
    expect(distribution.toString()).toBe("triangular(min=5, mode=10, max=30)");
    expect(distribution.quantile(0)).toBe(5);
    expect(distribution.quantile(0.2)).toBeCloseTo(10, 12);
    expect(distribution.quantile(1)).toBe(30);
  });

  it("allows the mode at either end", () => {
    expect(triangular(0, 0, 10).mean).toBeCloseTo(10 / 3, 12);
    expect(triangular(0, 10, 10).quantile(1)).toBe(10);
  });

  it("rejects a negative min, max <= min and a mode outside [min, max]", () => {
    expectThrowsExactly(() => triangular(-1, 2, 5), DistributionError, "triangular: min must be a finite number >= 0, got -1");
    expectThrowsExactly(() => triangular(3, 3, 3), DistributionError, "triangular: max must be a finite number > min (3), got 3");
    expectThrowsExactly(() => triangular(1, 7, 5), DistributionError, "triangular: mode must be a finite number in [min, max] = [1, 5], got 7");
    expectThrowsExactly(() => triangular(1, Number.NaN, 5), DistributionError, "triangular: mode must be a finite number in [min, max] = [1, 5], got NaN");
  });

  it("throws 'invalid time sampled' when the random source returns more than 1", () => {
    expectThrowsExactly(() => triangular(5, 10, 30).sample(() => 2), DistributionError,
      "triangular(min=5, mode=10, max=30): invalid time sampled: NaN");
  });
});
