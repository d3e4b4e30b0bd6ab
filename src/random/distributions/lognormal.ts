import {
  describeValue,
  invalidTimeSampled,
  requireFinite,
  requireObject,
  requirePositive,
  requireProbability,
} from "../checks.js";
import { DistributionError, type Distribution } from "../distribution.js";
import { standardNormalQuantile } from "../normal-quantile.js";
import type { Rng } from "../rng.js";

/** Φ⁻¹(0.9), the standard normal 90th percentile (AS 241 / Abramowitz & Stegun 26.2). */
const NORMAL_P90 = 1.2815515655446004;

/**
 * Parameters of a {@link Lognormal}: either the mean and standard deviation of the duration
 * itself (not of its logarithm), or its median and 90th percentile, all in minutes.
 */
export type LognormalParameters =
  | { readonly mean: number; readonly sd: number }
  | { readonly median: number; readonly p90: number };

/**
 * Lognormal distribution of durations in minutes: exp(μ + σZ) with Z standard normal.
 *
 * From {mean, sd}: σ² = ln(1 + sd²/mean²), μ = ln(mean) − σ²/2.
 * From {median, p90}: μ = ln(median), σ = (ln p90 − ln median) / Φ⁻¹(0.9).
 * Mean = exp(μ + σ²/2); variance = (exp(σ²) − 1) · exp(2μ + σ²).
 *
 * Sampling is by inverse CDF, exp(μ + σ·Φ⁻¹(u)) with Wichura's AS 241, on exactly one uniform per
 * draw, which keeps per-call substreams aligned. u = 0 gives 0, the infimum of the support.
 */
export class Lognormal implements Distribution {
  readonly kind = "lognormal";
  /** Mean duration, in minutes. */
  readonly mean: number;
  /** Variance, in minutes². */
  readonly variance: number;
  /** μ, the mean of ln(duration); ln(minutes). */
  readonly mu: number;
  /** σ, the standard deviation of ln(duration); dimensionless, > 0. */
  readonly sigma: number;
  /** Median duration, exp(μ), in minutes. */
  readonly median: number;
  private readonly label: string;

  /**
   * @param parameters - `{mean, sd}` (both finite > 0) or `{median, p90}` (median finite > 0,
   *   p90 finite > median), in minutes.
   * @throws {DistributionError} e.g. `lognormal: sd must be a finite number > 0, got -3`, or when
   *   the keys match neither form.
   */
  constructor(parameters: LognormalParameters) {
    requireObject("lognormal", parameters, "{mean, sd} or {median, p90}");
    const given = parameters as Partial<Record<"mean" | "sd" | "median" | "p90", unknown>>;
    const meanForm = given.mean !== undefined || given.sd !== undefined;
    const medianForm = given.median !== undefined || given.p90 !== undefined;
    if (meanForm === medianForm) {
      const keys = Object.keys(parameters).filter(
        (key) => (parameters as Record<string, unknown>)[key] !== undefined,
      );
      throw new DistributionError(
        `lognormal: expected either {mean, sd} or {median, p90}, got {${keys.join(", ")}}`,
      );
    }
    if (meanForm) {
      const mean = requirePositive("lognormal", "mean", given.mean);
      const sd = requirePositive("lognormal", "sd", given.sd);
      const cv = sd / mean;
      // log1p keeps σ² accurate when sd << mean.
      const sigmaSquared = Math.log1p(cv * cv);
      this.sigma = Math.sqrt(sigmaSquared);
      this.mu = Math.log(mean) - sigmaSquared / 2;
      // Report the given moments exactly rather than their round trip through μ and σ.
      this.mean = mean;
      this.variance = sd * sd;
      this.label = `lognormal(mean=${mean}, sd=${sd})`;
    } else {
      const median = requirePositive("lognormal", "median", given.median);
      const p90 = requireFinite(
        "lognormal",
        "p90",
        given.p90,
        (x) => x > median,
        `> median (${describeValue(median)})`,
      );
      this.mu = Math.log(median);
      this.sigma = (Math.log(p90) - this.mu) / NORMAL_P90;
      const sigmaSquared = this.sigma * this.sigma;
      this.mean = Math.exp(this.mu + sigmaSquared / 2);
      this.variance = Math.expm1(sigmaSquared) * Math.exp(2 * this.mu + sigmaSquared);
      this.label = `lognormal(median=${median}, p90=${p90})`;
    }
    this.median = Math.exp(this.mu);
  }

  /**
   * Draws one duration in minutes from one uniform.
   *
   * @throws {DistributionError} `lognormal(…): invalid time sampled: …` if `rng` broke its
   *   [0, 1) contract.
   */
  sample(rng: Rng): number {
    const x = Math.exp(this.mu + this.sigma * standardNormalQuantile(rng()));
    if (!(x >= 0 && x < Infinity)) throw invalidTimeSampled(this.label, x);
    return x;
  }

  /**
   * Inverse CDF: exp(μ + σ·Φ⁻¹(p)), in minutes; 0 at p = 0, `Infinity` at p = 1.
   *
   * @throws {DistributionError} if `p` is not in [0, 1].
   */
  quantile(p: number): number {
    requireProbability(this.label, p);
    return Math.exp(this.mu + this.sigma * standardNormalQuantile(p));
  }

  toString(): string {
    return this.label;
  }
}

/**
 * A lognormal distribution from `{mean, sd}` or `{median, p90}`, in minutes.
 *
 * @throws {DistributionError} on invalid parameters (see {@link Lognormal}).
 */
export function lognormal(parameters: LognormalParameters): Lognormal {
  return new Lognormal(parameters);
}
