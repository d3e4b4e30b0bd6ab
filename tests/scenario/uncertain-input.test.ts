import { describe, expect, it } from "vitest";
import { betaCdf, betaQuantile } from "../../src/metrics/beta-quantile.js";
import { resolveUncertainInput, type InputDistribution, type UncertainEntry } from "../../src/scenario/uncertain-input.js";

const resolve = (entry: Omit<UncertainEntry, "path">): InputDistribution => {
  const resolved = resolveUncertainInput({ path: "a.b", ...entry }, 0, true);
  if (Array.isArray(resolved)) throw new Error(resolved.map((p) => p.message).join("; "));
  return resolved;
};
const problems = (entry: Omit<UncertainEntry, "path">) => {
  const resolved = resolveUncertainInput({ path: "a.b", ...entry }, 3, true);
  return Array.isArray(resolved) ? resolved.map((p) => `${p.path.join(".")}: ${p.message}`) : [];
};

describe("uncertain input distributions map a probability through the inverse CDF", () => {
  it("draws a range (the default) uniformly between low and high", () => {
    const range = resolve({ low: 10, high: 30 });
    expect(range.dist).toBe("range");
    expect(range.quantile(0.25)).toBeCloseTo(15, 12);
    expect(range.quantile(0.9)).toBeCloseTo(28, 12);
  });

  it("draws a triangular from its hand-checked quantiles", () => {
    // low 0, mode 1, high 4: F(1) = 1/4; below the mode x = sqrt(u*4*1), above x = 4 - sqrt((1-u)*4*3).
    const triangle = resolve({ low: 0, high: 4, dist: "triangular", mode: 1 });
    expect(triangle.quantile(0.0625)).toBeCloseTo(0.5, 12);
    expect(triangle.quantile(0.25)).toBeCloseTo(1, 12);
    expect(triangle.quantile(0.75)).toBeCloseTo(4 - Math.sqrt(3), 12);
  });

  it("computes the beta CDF and quantile of closed-form cases", () => {
    expect(betaCdf(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(betaCdf(0.5, 2, 1)).toBeCloseTo(0.25, 12); // F(x) = x²
    expect(betaQuantile(0.25, 2, 1)).toBeCloseTo(0.5, 10);
    expect(betaQuantile(0.5, 2, 2)).toBeCloseTo(0.5, 10);
    expect(betaQuantile(0.875, 1, 3)).toBeCloseTo(0.5, 10); // F(x) = 1 - (1-x)³
    expect(betaQuantile(0.1, 182, 200)).toBeCloseTo(0.4437, 3); // normal approximation 0.4764 - 1.2816 x 0.02553
  });

  it("turns a beta's mean and sd into its shape, and truncates it to [low, high]", () => {
    // mean 0.5, sd sqrt(0.05): alpha + beta = 0.25/0.05 - 1 = 4, so Beta(2, 2).
    const beta = resolve({ low: 0, high: 1, dist: "beta", mean: 0.5, sd: Math.sqrt(0.05) });
    expect(beta.alpha).toBeCloseTo(2, 12);
    expect(beta.beta).toBeCloseTo(2, 12);
    expect(beta.quantile(0.5)).toBeCloseTo(0.5, 10);
    // Beta(1, 1) truncated to [0.2, 0.6] is uniform there.
    const truncated = resolve({ low: 0.2, high: 0.6, dist: "beta", alpha: 1, beta: 1 });
    expect(truncated.quantile(0.5)).toBeCloseTo(0.4, 10);
    expect(truncated.quantile(0.01)).toBeCloseTo(0.204, 10);
  });

  it("names each missing or misplaced parameter with its path", () => {
    expect(problems({ low: 0, high: 4, dist: "triangular" })).toEqual(["uncertain.3.mode: must be a number in [low, high] = [0, 4] for dist: triangular, got nothing"]);
    expect(problems({ low: 0.1, high: 0.5, dist: "beta", mean: 0.3, sd: 0.1, alpha: 2 })).toEqual(["uncertain.3.dist: dist: beta takes either mean and sd or alpha and beta"]);
    expect(problems({ low: 0.1, high: 0.5, dist: "beta", mean: 0.3, sd: 0.5 })[0]).toMatch(/^uncertain\.3\.sd: must be a number > 0 and < sqrt/);
    expect(problems({ low: 1, high: 2, mode: 1.5 })).toEqual(["uncertain.3.mode: is not used by dist: range; remove it or choose dist: triangular"]);
    expect(problems({ low: "[a]", high: 2 })).toEqual(['uncertain.3.low: must be a number to draw from dist: range, got "[a]"']);
  });

  it("leaves non-numeric low and high of a plain entry to the tornado when not drawing", () => {
    expect(resolveUncertainInput({ path: "a", low: [1], high: [2] }, 0, false)).toEqual([]);
  });
});
