import { describe, expect, it } from "vitest";
import { DistributionError } from "../../src/random/distribution.js";
import { gamma } from "../../src/random/distributions/gamma.js";
import { createStream } from "../../src/random/streams.js";
import {
  expectPinned,
  expectRelativelyClose,
  expectThrowsExactly,
  firstDraws,
  sampleMoments,
  scriptedRng,
} from "./helpers.js";

describe("gamma", () => {
  it("pins the first draws of gamma(shape=2, scale=15) on stream (20240601, 0, gamma)", () => {
    expectPinned(firstDraws(gamma({ shape: 2, scale: 15 }), createStream(20240601, 0, "gamma"), 5), [
      10.22920435527976, 28.06773223562309, 28.618937025313215, 69.23561107954978,
      27.88046121896964,
    ]);
  });

  it("pins the first draws of gamma(shape=0.5, scale=10) on stream (20240601, 0, gamma)", () => {
    expectPinned(firstDraws(gamma({ shape: 0.5, scale: 10 }), createStream(20240601, 0, "gamma"), 5), [
      1.2152699996826035, 1.2829197555241565, 11.811315709605417, 2.591639801462188,
      3.0023430859644344,
    ]);
  });

  it("gamma(shape=2, scale=15) has sample mean within 1% of 30 and variance within 3% of 450 over 200,000 draws", () => {
    // CV = 1/√2: SE of the mean ≈ 0.16%; excess kurtosis 6/k = 3: SE of the variance ≈ 0.5%.
    const { mean, variance } = sampleMoments(gamma({ shape: 2, scale: 15 }), createStream(1, 0, "gamma"), 200_000);
    expectRelativelyClose(mean, 30, 0.01);
    expectRelativelyClose(variance, 450, 0.03);
  });

  it("gamma(shape=0.5, scale=10) (the shape < 1 boost) has sample mean within 2% of 5 and variance within 5% of 50 over 200,000 draws", () => {
    // CV = √2: SE of the mean ≈ 0.32%; excess kurtosis 12: SE of the variance ≈ 0.84%.
    const { mean, variance } = sampleMoments(gamma({ shape: 0.5, scale: 10 }), createStream(2, 0, "gamma"), 200_000);
    expectRelativelyClose(mean, 5, 0.02);
    expectRelativelyClose(variance, 50, 0.05);
  });

  it("gamma(mean=30, sd=10) has shape mean²/sd² = 9 and scale sd²/mean = 10/3, and sample mean within 1% of 30", () => {
    const distribution = gamma({ mean: 30, sd: 10 });
    expect(distribution.shape).toBeCloseTo(9, 12);
    expect(distribution.scale).toBeCloseTo(10 / 3, 12);
    expect(distribution.mean).toBe(30);
    expect(distribution.variance).toBe(100);
    expect(distribution.toString()).toBe("gamma(mean=30, sd=10)");
    const { mean } = sampleMoments(distribution, createStream(3, 0, "gamma"), 100_000);
    expectRelativelyClose(mean, 30, 0.01);
  });

  it("knows its mean kθ and variance kθ² and prints its parameters", () => {
    const distribution = gamma({ shape: 2, scale: 15 });
    expect(distribution.kind).toBe("gamma");
    expect(distribution.mean).toBe(30);
    expect(distribution.variance).toBe(450);
    expect(distribution.toString()).toBe("gamma(shape=2, scale=15)");
  });

  it("accepts z = 0 at once, returning (k − 1/3)·θ from two uniforms", () => {
    let calls = 0;
    const rng = scriptedRng(0.5, 0.5);
    const x = gamma({ shape: 2, scale: 15 }).sample(() => (calls++, rng()));
    expect(x).toBeCloseTo((2 - 1 / 3) * 15, 12);
    expect(calls).toBe(2);
  });

  it("uses a third uniform for the shape < 1 boost, multiplying by u^(1/k)", () => {
    let calls = 0;
    const rng = scriptedRng(0.5, 0.5, 0.5);
    const x = gamma({ shape: 0.5, scale: 10 }).sample(() => (calls++, rng()));
    expect(x).toBeCloseTo((1.5 - 1 / 3) * 10 * 0.25, 12);
    expect(calls).toBe(3);
  });

  it("consumes two uniforms per rejected attempt (v <= 0 when the normal is -Infinity)", () => {
    let calls = 0;
    const rng = scriptedRng(0, 0.5, 0.5, 0.5);
    const x = gamma({ shape: 2, scale: 15 }).sample(() => (calls++, rng()));
    expect(x).toBeCloseTo(25, 12);
    expect(calls).toBe(4);
  });

  it("rejects shape, scale, mean and sd that are not finite numbers > 0", () => {
    expectThrowsExactly(() => gamma({ shape: 0, scale: 1 }), DistributionError, "gamma: shape must be a finite number > 0, got 0");
    expectThrowsExactly(() => gamma({ shape: 1, scale: -2 }), DistributionError, "gamma: scale must be a finite number > 0, got -2");
    expectThrowsExactly(() => gamma({ mean: Number.NaN, sd: 1 }), DistributionError, "gamma: mean must be a finite number > 0, got NaN");
    expectThrowsExactly(() => gamma({ mean: 3, sd: Infinity }), DistributionError, "gamma: sd must be a finite number > 0, got Infinity");
  });

  it("rejects parameters that mix or match neither form", () => {
    expectThrowsExactly(() => gamma({ shape: 2, mean: 3 } as never), DistributionError,
      "gamma: expected either {shape, scale} or {mean, sd}, got {shape, mean}");
  });

  it("fails loudly instead of looping when the random source is broken", () => {
    expectThrowsExactly(() => gamma({ shape: 2, scale: 15 }).sample(scriptedRng(1)), DistributionError,
      "gamma(shape=2, scale=15): invalid uniform drawn: 1, expected a number in [0, 1)");
    expectThrowsExactly(() => gamma({ shape: 2, scale: 15 }).sample(scriptedRng(0)), DistributionError,
      "gamma(shape=2, scale=15): no draw accepted in 1000 attempts; the random source must return uniforms in [0, 1)");
  });
});
