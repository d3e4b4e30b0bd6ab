import { describe, expect, it } from "vitest";
import { DistributionError } from "../../src/random/distribution.js";
import { Empirical } from "../../src/random/distributions/empirical.js";
import { Exponential, exponential } from "../../src/random/distributions/exponential.js";
import { Fixed } from "../../src/random/distributions/fixed.js";
import { Gamma, gamma } from "../../src/random/distributions/gamma.js";
import { Lognormal, lognormal } from "../../src/random/distributions/lognormal.js";
import { Triangular } from "../../src/random/distributions/triangular.js";
import { Uniform } from "../../src/random/distributions/uniform.js";
import { makeDistribution, type DistributionSpec } from "../../src/random/make-distribution.js";
import { createStream } from "../../src/random/streams.js";
import { expectThrowsExactly, firstDraws } from "./helpers.js";

describe("makeDistribution", () => {
  it.each<[DistributionSpec, new (...args: never[]) => unknown, string]>([
    [{ dist: "exponential", mean: 30 }, Exponential, "exponential(mean=30)"],
    [{ dist: "lognormal", mean: 30, sd: 10 }, Lognormal, "lognormal(mean=30, sd=10)"],
    [{ dist: "lognormal", median: 20, p90: 60 }, Lognormal, "lognormal(median=20, p90=60)"],
    [{ dist: "gamma", shape: 2, scale: 15 }, Gamma, "gamma(shape=2, scale=15)"],
    [{ dist: "gamma", mean: 30, sd: 10 }, Gamma, "gamma(mean=30, sd=10)"],
    [{ dist: "triangular", min: 5, mode: 10, max: 30 }, Triangular, "triangular(min=5, mode=10, max=30)"],
    [{ dist: "uniform", min: 5, max: 15 }, Uniform, "uniform(min=5, max=15)"],
    [{ dist: "fixed", value: 12 }, Fixed, "fixed(value=12)"],
    [{ dist: "empirical", values: [3, 1] }, Empirical, "empirical(values=[3, 1])"],
    [{ dist: "empirical", values: [3, 1], weights: [1, 2] }, Empirical, "empirical(values=[3, 1], weights=[1, 2])"],
  ])("builds %j as %o, printed %s", (spec, type, printed) => {
    const distribution = makeDistribution(spec);
    expect(distribution).toBeInstanceOf(type);
    expect(distribution.toString()).toBe(printed);
  });

  it("builds distributions that draw exactly what the factories draw", () => {
    const viaSpec = makeDistribution({ dist: "lognormal", median: 20, p90: 60 });
    const direct = lognormal({ median: 20, p90: 60 });
    expect(firstDraws(viaSpec, createStream(1, 0, "x"), 10)).toEqual(firstDraws(direct, createStream(1, 0, "x"), 10));
    expect(firstDraws(makeDistribution({ dist: "gamma", mean: 30, sd: 10 }), createStream(1, 0, "y"), 10)).toEqual(
      firstDraws(gamma({ mean: 30, sd: 10 }), createStream(1, 0, "y"), 10),
    );
    expect(makeDistribution({ dist: "exponential", mean: 4 }).mean).toBe(exponential(4).mean);
  });

  it("treats keys whose value is undefined as absent", () => {
    const spec = { dist: "lognormal", mean: 30, sd: 10, median: undefined } as unknown as DistributionSpec;
    expect(makeDistribution(spec).toString()).toBe("lognormal(mean=30, sd=10)");
    expect(makeDistribution({ dist: "empirical", values: [2], weights: undefined }).mean).toBe(2);
  });

  it("rejects an unknown family, listing the known ones", () => {
    expectThrowsExactly(() => makeDistribution({ dist: "expo", mean: 3 } as unknown as DistributionSpec), DistributionError,
      'makeDistribution: dist must be one of "exponential", "lognormal", "gamma", "triangular", "uniform", "fixed", "empirical", got "expo"');
    expectThrowsExactly(() => makeDistribution({} as unknown as DistributionSpec), DistributionError,
      'makeDistribution: dist must be one of "exponential", "lognormal", "gamma", "triangular", "uniform", "fixed", "empirical", got undefined');
    expectThrowsExactly(() => makeDistribution(null as unknown as DistributionSpec), DistributionError,
      'makeDistribution: spec must be an object with a "dist" key, got null');
  });

  it("rejects an unknown key instead of ignoring it", () => {
    expectThrowsExactly(() => makeDistribution({ dist: "lognormal", mean: 30, sd: 10, medain: 3 } as unknown as DistributionSpec), DistributionError,
      'makeDistribution: unknown key "medain" for dist "lognormal", expected one of dist, mean, sd, median, p90');
    expectThrowsExactly(() => makeDistribution({ dist: "exponential", rate: 2 } as unknown as DistributionSpec), DistributionError,
      'makeDistribution: unknown key "rate" for dist "exponential", expected one of dist, mean');
  });

  it("passes parameter errors through with the family's own message", () => {
    expectThrowsExactly(() => makeDistribution({ dist: "lognormal", mean: 30, sd: -3 }), DistributionError,
      "lognormal: sd must be a finite number > 0, got -3");
    expectThrowsExactly(() => makeDistribution({ dist: "lognormal", mean: 30, p90: 60 } as unknown as DistributionSpec), DistributionError,
      "lognormal: expected either {mean, sd} or {median, p90}, got {mean, p90}");
    expectThrowsExactly(() => makeDistribution({ dist: "exponential", mean: 0 }), DistributionError,
      "exponential: mean must be a finite number > 0, got 0");
  });
});
