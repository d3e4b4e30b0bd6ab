import { describe, expect, it } from "vitest";
import { DistributionError } from "../../src/random/distribution.js";
import { lognormal } from "../../src/random/distributions/lognormal.js";
import { createStream } from "../../src/random/streams.js";
import {
  expectPinned,
  expectRelativelyClose,
  expectThrowsExactly,
  firstDraws,
  sampleMoments,
  scriptedRng,
  sortedDraws,
} from "./helpers.js";

describe("lognormal", () => {
  it("pins the first draws of lognormal(mean=30, sd=15) on stream (20240601, 0, lognormal)", () => {
    expectPinned(firstDraws(lognormal({ mean: 30, sd: 15 }), createStream(20240601, 0, "lognormal"), 5), [
      19.705892350056843, 23.704087527674112, 16.085370514386575, 16.093275098697173,
      17.571719089412248,
    ]);
  });

  it("pins the first draws of lognormal(median=20, p90=60) on stream (20240601, 0, lognormal)", () => {
    expectPinned(firstDraws(lognormal({ median: 20, p90: 60 }), createStream(20240601, 0, "lognormal"), 5), [
      11.421589462299604, 15.970500885295394, 7.901858875343655, 7.908907110131172,
      9.276519299889923,
    ]);
  });

  it("converts {mean, sd} with σ² = ln(1 + sd²/mean²) and μ = ln(mean) − σ²/2", () => {
    const distribution = lognormal({ mean: 30, sd: 15 });
    const sigmaSquared = Math.log(1 + 0.25);
    expect(distribution.sigma).toBeCloseTo(Math.sqrt(sigmaSquared), 14);
    expect(distribution.mu).toBeCloseTo(Math.log(30) - sigmaSquared / 2, 14);
    expect(distribution.mean).toBe(30);
    expect(distribution.variance).toBe(225);
    expect(distribution.toString()).toBe("lognormal(mean=30, sd=15)");
  });

  it("lognormal(mean=30, sd=15) has sample mean within 1% of 30 and variance within 3% of 225 over 200,000 draws", () => {
    // CV = 0.5, so SE of the mean ≈ 0.11%; SE of the variance ≈ sqrt((κ + 2)/n) ≈ 0.6% (κ ≈ 5).
    const { mean, variance } = sampleMoments(lognormal({ mean: 30, sd: 15 }), createStream(1, 0, "lognormal"), 200_000);
    expectRelativelyClose(mean, 30, 0.01);
    expectRelativelyClose(variance, 225, 0.03);
  });

  it("converts {median, p90} with μ = ln(median) and σ = ln(p90/median)/Φ⁻¹(0.9), and knows its moments", () => {
    const distribution = lognormal({ median: 20, p90: 60 });
    const sigma = Math.log(3) / 1.2815515655446004;
    expect(distribution.mu).toBeCloseTo(Math.log(20), 14);
    expect(distribution.sigma).toBeCloseTo(sigma, 14);
    expect(distribution.median).toBeCloseTo(20, 12);
    expect(distribution.mean).toBeCloseTo(20 * Math.exp(sigma * sigma / 2), 12);
    expect(distribution.variance).toBeCloseTo((Math.exp(sigma * sigma) - 1) * 400 * Math.exp(sigma * sigma), 9);
    expect(distribution.toString()).toBe("lognormal(median=20, p90=60)");
  });

  it("lognormal(median=20, p90=60) puts 50% ± 0.5% of 200,000 draws below 20 and 90% ± 0.3% below 60", () => {
    // SE of a sample proportion: sqrt(p(1 − p)/n) ≈ 0.11% at 0.5 and 0.067% at 0.9.
    const draws = sortedDraws(lognormal({ median: 20, p90: 60 }), createStream(2, 0, "lognormal"), 200_000);
    const fractionBelow = (x: number): number => draws.findIndex((d) => d >= x) / draws.length;
    expect(Math.abs(fractionBelow(20) - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(fractionBelow(60) - 0.9)).toBeLessThan(0.003);
  });

  it("lognormal(median=20, p90=60) has empirical median within 1% of 20 and 90th percentile within 1.5% of 60 over 200,000 draws", () => {
    // SE of the sample median ≈ 0.24% of 20; of the sample 90th percentile ≈ 0.33% of 60.
    const draws = sortedDraws(lognormal({ median: 20, p90: 60 }), createStream(3, 0, "lognormal"), 200_000);
    expectRelativelyClose(draws[Math.floor(0.5 * draws.length)], 20, 0.01);
    expectRelativelyClose(draws[Math.floor(0.9 * draws.length)], 60, 0.015);
    const { mean } = sampleMoments(lognormal({ median: 20, p90: 60 }), createStream(4, 0, "lognormal"), 200_000);
    // CV ≈ 1.04, so SE of the mean ≈ 0.23%.
    expectRelativelyClose(mean, lognormal({ median: 20, p90: 60 }).mean, 0.015);
  });

  it("has quantile(0.5) = median and quantile(0.9) = p90, 0 at p = 0 and Infinity at p = 1", () => {
    const distribution = lognormal({ median: 20, p90: 60 });
    expect(distribution.quantile(0.5)).toBeCloseTo(20, 12);
    expectRelativelyClose(distribution.quantile(0.9), 60, 1e-12);
    expect(distribution.quantile(0)).toBe(0);
    expect(distribution.quantile(1)).toBe(Infinity);
  });

  it("consumes exactly one uniform per draw and maps u = 0 to 0", () => {
    let calls = 0;
    lognormal({ mean: 10, sd: 30 }).sample(() => (calls++, 0.7));
    expect(calls).toBe(1);
    expect(lognormal({ mean: 10, sd: 30 }).sample(scriptedRng(0))).toBe(0);
  });

  it("rejects non-positive or non-finite mean and sd", () => {
    expectThrowsExactly(() => lognormal({ mean: 30, sd: -3 }), DistributionError, "lognormal: sd must be a finite number > 0, got -3");
    expectThrowsExactly(() => lognormal({ mean: 30, sd: 0 }), DistributionError, "lognormal: sd must be a finite number > 0, got 0");
    expectThrowsExactly(() => lognormal({ mean: -1, sd: 3 }), DistributionError, "lognormal: mean must be a finite number > 0, got -1");
    expectThrowsExactly(() => lognormal({ mean: Infinity, sd: 3 }), DistributionError, "lognormal: mean must be a finite number > 0, got Infinity");
    expectThrowsExactly(() => lognormal({ mean: 30 } as never), DistributionError, "lognormal: sd must be a finite number > 0, got undefined");
  });

  it("rejects a median that is not > 0 and a p90 that is not above the median", () => {
    expectThrowsExactly(() => lognormal({ median: 0, p90: 10 }), DistributionError, "lognormal: median must be a finite number > 0, got 0");
    expectThrowsExactly(() => lognormal({ median: 20, p90: 10 }), DistributionError, "lognormal: p90 must be a finite number > median (20), got 10");
    expectThrowsExactly(() => lognormal({ median: 20, p90: 20 }), DistributionError, "lognormal: p90 must be a finite number > median (20), got 20");
    expectThrowsExactly(() => lognormal({ median: 20, p90: Number.NaN }), DistributionError, "lognormal: p90 must be a finite number > median (20), got NaN");
  });

  it("rejects parameters that mix or match neither form", () => {
    expectThrowsExactly(() => lognormal({ mean: 30, sd: 5, median: 20 } as never), DistributionError,
      "lognormal: expected either {mean, sd} or {median, p90}, got {mean, sd, median}");
    expectThrowsExactly(() => lognormal({} as never), DistributionError,
      "lognormal: expected either {mean, sd} or {median, p90}, got {}");
    expectThrowsExactly(() => lognormal(null as never), DistributionError,
      "lognormal: expected parameters {mean, sd} or {median, p90}, got null");
  });

  it("throws 'invalid time sampled' when the random source returns 1 or more", () => {
    expectThrowsExactly(() => lognormal({ mean: 30, sd: 15 }).sample(scriptedRng(1)), DistributionError,
      "lognormal(mean=30, sd=15): invalid time sampled: Infinity");
    expectThrowsExactly(() => lognormal({ median: 20, p90: 60 }).sample(scriptedRng(2)), DistributionError,
      "lognormal(median=20, p90=60): invalid time sampled: NaN");
  });
});
