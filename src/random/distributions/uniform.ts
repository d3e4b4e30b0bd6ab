import {
  describeValue,
  invalidTimeSampled,
  requireFinite,
  requireNonNegative,
  requireProbability,
} from "../checks.js";
import type { Distribution } from "../distribution.js";
import type { Rng } from "../rng.js";

/**
 * Continuous uniform distribution of durations in minutes on [min, max] (max itself only
 * through floating-point rounding of min + u (max − min) for u just below 1).
 *
 * Sampling: x = min + u (max − min), one uniform per draw. Mean = (min + max)/2;
 * variance = (max − min)²/12. For a constant duration use {@link Fixed}.
 */
export class Uniform implements Distribution {
  readonly kind = "uniform";
  /** Lower limit, in minutes. */
  readonly min: number;
  /** Upper limit, in minutes. */
  readonly max: number;
  /** Mean, in minutes. */
  readonly mean: number;
  /** Variance, in minutes². */
  readonly variance: number;
  private readonly label: string;
  private readonly width: number;

  /**
   * @param min - lower limit in minutes, finite, >= 0.
   * @param max - upper limit in minutes, finite, > min.
   * @throws {DistributionError} e.g. `uniform: max must be a finite number > min (5), got 5`.
   */
  constructor(min: number, max: number) {
    this.min = requireNonNegative("uniform", "min", min);
    const low = this.min;
    this.max = requireFinite("uniform", "max", max, (x) => x > low, `> min (${describeValue(low)})`);
    this.width = this.max - this.min;
    this.mean = (this.min + this.max) / 2;
    this.variance = (this.width * this.width) / 12;
    this.label = `uniform(min=${this.min}, max=${this.max})`;
  }

  /**
   * Draws one duration in minutes from one uniform.
   *
   * @throws {DistributionError} `uniform(…): invalid time sampled: …` if the draw falls outside
   *   [min, max] (`rng` broke its [0, 1) contract).
   */
  sample(rng: Rng): number {
    const x = this.min + rng() * this.width;
    // Checking [min, max] rather than just [0, ∞) also catches uniforms above 1, at no extra cost.
    if (!(x >= this.min && x <= this.max)) throw invalidTimeSampled(this.label, x);
    return x;
  }

  /**
   * Inverse CDF: min + p (max − min), in minutes.
   *
   * @throws {DistributionError} if `p` is not in [0, 1].
   */
  quantile(p: number): number {
    requireProbability(this.label, p);
    return this.min + p * this.width;
  }

  toString(): string {
    return this.label;
  }
}

/**
 * A uniform distribution on [min, max], in minutes.
 *
 * @throws {DistributionError} on invalid parameters (see {@link Uniform}).
 */
export function uniform(min: number, max: number): Uniform {
  return new Uniform(min, max);
}
