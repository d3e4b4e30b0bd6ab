// Builds a Distribution from a plain, already-parsed scenario value. The scenario pipeline owns
// YAML and file locations; this module still refuses unknown keys and unknown families, because
// a silently ignored key (say `medain`) would run a different model than the one written down.

import { describeValue } from "./checks.js";
import { DistributionError, type Distribution } from "./distribution.js";
import { empirical } from "./distributions/empirical.js";
import { exponential } from "./distributions/exponential.js";
import { fixed } from "./distributions/fixed.js";
import { gamma, type GammaParameters } from "./distributions/gamma.js";
import { lognormal, type LognormalParameters } from "./distributions/lognormal.js";
import { triangular } from "./distributions/triangular.js";
import { uniform } from "./distributions/uniform.js";

/** A distribution of durations in minutes as written in a scenario; every number is minutes. */
export type DistributionSpec =
  | { dist: "exponential"; mean: number }
  | { dist: "lognormal"; mean: number; sd: number }
  | { dist: "lognormal"; median: number; p90: number }
  | { dist: "gamma"; shape: number; scale: number }
  | { dist: "gamma"; mean: number; sd: number }
  | { dist: "triangular"; min: number; mode: number; max: number }
  | { dist: "uniform"; min: number; max: number }
  | { dist: "fixed"; value: number }
  | { dist: "empirical"; values: number[]; weights?: number[] };

/** The keys each family accepts, `dist` included; the per-form checks live in the families. */
const ALLOWED_KEYS: Readonly<Record<DistributionSpec["dist"], readonly string[]>> = {
  exponential: ["dist", "mean"],
  lognormal: ["dist", "mean", "sd", "median", "p90"],
  gamma: ["dist", "shape", "scale", "mean", "sd"],
  triangular: ["dist", "min", "mode", "max"],
  uniform: ["dist", "min", "max"],
  fixed: ["dist", "value"],
  empirical: ["dist", "values", "weights"],
};

const FAMILIES = Object.keys(ALLOWED_KEYS) as DistributionSpec["dist"][];

/**
 * Builds the distribution a spec describes.
 *
 * @param spec - a {@link DistributionSpec}; keys with value `undefined` count as absent.
 * @returns a validated, immutable {@link Distribution}.
 * @throws {DistributionError} for an unknown `dist`
 *   (`makeDistribution: dist must be one of "exponential", …, got "expo"`), an unknown key
 *   (`makeDistribution: unknown key "medain" for dist "lognormal", expected one of dist, mean,
 *   sd, median, p90`), or invalid parameters (the family's own message).
 */
export function makeDistribution(spec: DistributionSpec): Distribution {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
    throw new DistributionError(
      `makeDistribution: spec must be an object with a "dist" key, got ${describeValue(spec)}`,
    );
  }
  const dist: unknown = spec.dist;
  if (typeof dist !== "string" || !Object.hasOwn(ALLOWED_KEYS, dist)) {
    throw new DistributionError(
      `makeDistribution: dist must be one of ${FAMILIES.map((f) => JSON.stringify(f)).join(", ")}, got ${describeValue(dist)}`,
    );
  }
  const allowed = ALLOWED_KEYS[spec.dist];
  for (const key of Object.keys(spec)) {
    if (!allowed.includes(key) && (spec as Record<string, unknown>)[key] !== undefined) {
      throw new DistributionError(
        `makeDistribution: unknown key ${JSON.stringify(key)} for dist "${spec.dist}", expected one of ${allowed.join(", ")}`,
      );
    }
  }
  switch (spec.dist) {
    case "exponential":
      return exponential(spec.mean);
    case "lognormal":
      // The family tells the two forms apart and rejects a mixture of them.
      return lognormal(withoutDist(spec) as LognormalParameters);
    case "gamma":
      return gamma(withoutDist(spec) as GammaParameters);
    case "triangular":
      return triangular(spec.min, spec.mode, spec.max);
    case "uniform":
      return uniform(spec.min, spec.max);
    case "fixed":
      return fixed(spec.value);
    case "empirical":
      return empirical(spec.values, spec.weights);
  }
}

/** The spec's parameters, without its `dist` tag, for the families that take an object. */
function withoutDist(spec: DistributionSpec): Record<string, unknown> {
  const { dist: _dist, ...parameters } = spec;
  return parameters;
}
