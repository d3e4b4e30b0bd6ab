import {
  invalidTimeSampled,
  invalidUniform,
  requireObject,
  requirePositive,
} from "../checks.js";
import { DistributionError, type Distribution } from "../distribution.js";
import { standardNormalQuantile } from "../normal-quantile.js";
import type { Rng } from "../rng.js";

/**
 * Parameters of a {@link Gamma}: shape k (dimensionless) and scale θ (minutes), or the mean and
 * standard deviation of the duration (minutes).
 */
export type GammaParameters =
  | { readonly shape: number; readonly scale: number }
  | { readonly mean: number; readonly sd: number };

/**
 * Upper bound on Marsaglia–Tsang attempts per draw. Each attempt is accepted with probability
 * above 0.95 (shape >= 1 after the boost), so 1000 rejections in a row means the random source
 * is broken (e.g. stuck at a constant), not bad luck; failing beats looping forever.
 */
const MAX_ATTEMPTS = 1000;

/**
 * Gamma distribution of durations in minutes, with shape k and scale θ.
 *
 * From {mean, sd}: k = mean²/sd², θ = sd²/mean. Mean = kθ; variance = kθ².
 *
 * Sampling: Marsaglia & Tsang (2000), "A simple method for generating gamma variables", ACM
 * TOMS 26(3): 363–372. With d = k − 1/3 and c = 1/√(9d): draw normal z and uniform u, set
 * v = (1 + cz)³, accept d·v if v > 0 and u < 1 − 0.0331 z⁴ (squeeze) or
 * ln u < z²/2 + d(1 − v + ln v). For k < 1 (same paper, §6) draw from shape k + 1 and multiply
 * by u^(1/k). The normal is Φ⁻¹ of one uniform (AS 241).
 *
 * Uniforms consumed: two per attempt (one for z, one for u), plus one more when k < 1. The
 * number of attempts varies (rejection sampling), so a gamma draw does not use a fixed number of
 * uniforms; give it its own stream or per-call purpose.
 */
export class Gamma implements Distribution {
  readonly kind = "gamma";
  /** Shape k, dimensionless, > 0. */
  readonly shape: number;
  /** Scale θ, in minutes, > 0. */
  readonly scale: number;
  /** kθ, in minutes. */
  readonly mean: number;
  /** kθ², in minutes². */
  readonly variance: number;
  private readonly label: string;
  /** d = k' − 1/3, where k' = k, or k + 1 when boosting. */
  private readonly d: number;
  /** c = 1 / √(9d). */
  private readonly c: number;
  /** 1/k when k < 1 (boost exponent), else 0 (no boost). */
  private readonly boostExponent: number;

  /**
   * @param parameters - `{shape, scale}` or `{mean, sd}`, each a finite number > 0.
   * @throws {DistributionError} e.g. `gamma: shape must be a finite number > 0, got 0`, or when
   *   the keys match neither form.
   */
  constructor(parameters: GammaParameters) {
    requireObject("gamma", parameters, "{shape, scale} or {mean, sd}");
    const given = parameters as Partial<Record<"shape" | "scale" | "mean" | "sd", unknown>>;
    const shapeForm = given.shape !== undefined || given.scale !== undefined;
    const meanForm = given.mean !== undefined || given.sd !== undefined;
    if (shapeForm === meanForm) {
      const keys = Object.keys(parameters).filter(
        (key) => (parameters as Record<string, unknown>)[key] !== undefined,
      );
      throw new DistributionError(
        `gamma: expected either {shape, scale} or {mean, sd}, got {${keys.join(", ")}}`,
      );
    }
    if (shapeForm) {
      this.shape = requirePositive("gamma", "shape", given.shape);
      this.scale = requirePositive("gamma", "scale", given.scale);
      this.mean = this.shape * this.scale;
      this.variance = this.mean * this.scale;
      this.label = `gamma(shape=${this.shape}, scale=${this.scale})`;
    } else {
      const mean = requirePositive("gamma", "mean", given.mean);
      const sd = requirePositive("gamma", "sd", given.sd);
      const variance = sd * sd;
      this.shape = (mean * mean) / variance;
      this.scale = variance / mean;
      this.mean = mean;
      this.variance = variance;
      this.label = `gamma(mean=${mean}, sd=${sd})`;
    }
    const boosted = this.shape < 1;
    this.d = (boosted ? this.shape + 1 : this.shape) - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
    this.boostExponent = boosted ? 1 / this.shape : 0;
  }

  /**
   * Draws one duration in minutes (see the class comment for the uniforms it consumes).
   *
   * @throws {DistributionError} `gamma(…): invalid time sampled: …` or
   *   `gamma(…): invalid uniform drawn: …` if `rng` broke its [0, 1) contract, or if no attempt
   *   is accepted in 1000.
   */
  sample(rng: Rng): number {
    const d = this.d;
    const c = this.c;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const z = standardNormalQuantile(rng());
      let v = 1 + c * z;
      // Draw u even when v <= 0 would reject, so every attempt consumes exactly two uniforms.
      const u = rng();
      if (!(u >= 0 && u < 1)) throw invalidUniform(this.label, u);
      if (!(v > 0)) continue;
      v = v * v * v;
      const zSquared = z * z;
      if (u < 1 - 0.0331 * zSquared * zSquared || Math.log(u) < 0.5 * zSquared + d * (1 - v + Math.log(v))) {
        let x = d * v * this.scale;
        if (this.boostExponent !== 0) {
          const w = rng();
          if (!(w >= 0 && w < 1)) throw invalidUniform(this.label, w);
          x *= Math.pow(w, this.boostExponent);
        }
        if (!(x >= 0 && x < Infinity)) throw invalidTimeSampled(this.label, x);
        return x;
      }
    }
    throw new DistributionError(
      `${this.label}: no draw accepted in ${MAX_ATTEMPTS} attempts; the random source must return uniforms in [0, 1)`,
    );
  }

  toString(): string {
    return this.label;
  }
}

/**
 * A gamma distribution from `{shape, scale}` or `{mean, sd}` (scale, mean and sd in minutes).
 *
 * @throws {DistributionError} on invalid parameters (see {@link Gamma}).
 */
export function gamma(parameters: GammaParameters): Gamma {
  return new Gamma(parameters);
}
