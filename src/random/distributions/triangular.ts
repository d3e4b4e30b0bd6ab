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
 * Triangular distribution of durations in minutes on [min, max] with peak at mode.
 *
 * Sampling is by inverse CDF on exactly one uniform: with F(mode) = (mode − min)/(max − min),
 * x = min + √(u (max − min)(mode − min)) for u < F(mode), else
 * x = max − √((1 − u)(max − min)(max − mode)).
 * Mean = (min + mode + max)/3; variance = (a² + b² + c² − ab − ac − bc)/18.
 */
export class Triangular implements Distribution {
  readonly kind = "triangular";
  /** Lower limit, in minutes. */
  readonly min: number;
  /** Most likely value, in minutes. */
  readonly mode: number;
  /** Upper limit, in minutes. */
  readonly max: number;
  /** Mean, in minutes. */
  readonly mean: number;
  /** Variance, in minutes². */
  readonly variance: number;
  private readonly label: string;
  /** F(mode), the probability of falling below the mode. */
  private readonly modeProbability: number;
  /** (max − min)(mode − min), minutes². */
  private readonly lowerProduct: number;
  /** (max − min)(max − mode), minutes². */
  private readonly upperProduct: number;

  /**
   * @param min - lower limit in minutes, finite, >= 0.
   * @param mode - finite, in [min, max].
   * @param max - finite, > min.
   * @throws {DistributionError} e.g. `triangular: max must be a finite number > min (3), got 3`
   *   or `triangular: mode must be a finite number in [min, max] = [1, 5], got 7`.
   */
  constructor(min: number, mode: number, max: number) {
    this.min = requireNonNegative("triangular", "min", min);
    const low = this.min;
    this.max = requireFinite("triangular", "max", max, (x) => x > low, `> min (${describeValue(low)})`);
    const high = this.max;
    this.mode = requireFinite(
      "triangular",
      "mode",
      mode,
      (x) => x >= low && x <= high,
      `in [min, max] = [${describeValue(low)}, ${describeValue(high)}]`,
    );
    const a = this.min;
    const b = this.max;
    const c = this.mode;
    this.mean = (a + c + b) / 3;
    this.variance = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    this.modeProbability = (c - a) / (b - a);
    this.lowerProduct = (b - a) * (c - a);
    this.upperProduct = (b - a) * (b - c);
    this.label = `triangular(min=${a}, mode=${c}, max=${b})`;
  }

  /**
   * Draws one duration in minutes from one uniform.
   *
   * @throws {DistributionError} `triangular(…): invalid time sampled: …` if `rng` broke its
   *   [0, 1) contract.
   */
  sample(rng: Rng): number {
    const x = this.inverse(rng());
    if (!(x >= 0 && x < Infinity)) throw invalidTimeSampled(this.label, x);
    return x;
  }

  /**
   * Inverse CDF, in minutes; min at p = 0, max at p = 1.
   *
   * @throws {DistributionError} if `p` is not in [0, 1].
   */
  quantile(p: number): number {
    requireProbability(this.label, p);
    return this.inverse(p);
  }

  toString(): string {
    return this.label;
  }

  private inverse(u: number): number {
    return u < this.modeProbability
      ? this.min + Math.sqrt(u * this.lowerProduct)
      : this.max - Math.sqrt((1 - u) * this.upperProduct);
  }
}

/**
 * A triangular distribution on [min, max] with peak at mode, in minutes.
 *
 * @throws {DistributionError} on invalid parameters (see {@link Triangular}).
 */
export function triangular(min: number, mode: number, max: number): Triangular {
  return new Triangular(min, mode, max);
}
