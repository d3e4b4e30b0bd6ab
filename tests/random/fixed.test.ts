import { describe, expect, it } from "vitest";
import { DistributionError } from "../../src/random/distribution.js";
import { fixed } from "../../src/random/distributions/fixed.js";
import { expectThrowsExactly } from "./helpers.js";

describe("fixed", () => {
  it("returns its value on every draw without consuming a uniform", () => {
    let calls = 0;
    const rng = (): number => (calls++, 0.5);
    const distribution = fixed(12);
    expect([distribution.sample(rng), distribution.sample(rng), distribution.sample(rng)]).toEqual([12, 12, 12]);
    expect(calls).toBe(0);
  });

  it("has mean equal to its value, variance 0 and a constant quantile", () => {
    const distribution = fixed(7.5);
    expect(distribution.kind).toBe("fixed");
    expect(distribution.mean).toBe(7.5);
    expect(distribution.variance).toBe(0);
    expect(distribution.quantile(0.9)).toBe(7.5);
    expect(distribution.toString()).toBe("fixed(value=7.5)");
  });

  it("accepts 0 and normalises -0 to 0", () => {
    expect(fixed(0).sample(() => 0)).toBe(0);
    expect(Object.is(fixed(-0).value, 0)).toBe(true);
  });

  it("rejects a negative or non-finite value", () => {
    expectThrowsExactly(() => fixed(-1), DistributionError, "fixed: value must be a finite number >= 0, got -1");
    expectThrowsExactly(() => fixed(Infinity), DistributionError, "fixed: value must be a finite number >= 0, got Infinity");
    expectThrowsExactly(() => fixed(Number.NaN), DistributionError, "fixed: value must be a finite number >= 0, got NaN");
  });
});
