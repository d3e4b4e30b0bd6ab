import {
  invalidTimeSampled,
  requirePositive,
  requireProbability,
} from "../checks.js";
import type { Distribution } from "../distribution.js";
import type { Rng } from "../rng.js";

/**
 * Exponential distribution of durations in minutes, parameterised by its mean (= 1 / rate).
 *
 * Sampling is by inverse CDF, x = −mean · ln(1 − u) (d3-random `exponential.js`), on exactly one
 * uniform per draw; using 1 − u keeps u = 0 finite (it gives 0).
 * Mean = mean; variance = mean².
 */
export class Exponential implements Distribution {
  readonly kind = "exponential";
  /** Mean duration, in minutes. */
  readonly mean: number;
  /** mean², in minutes². */
  readonly variance: number;
  private readonly label: string;

  /**
   * @param mean - mean duration in minutes; a finite number > 0.
   * @throws {DistributionError} `exponential: mean must be a finite number > 0, got …`.
   */
  constructor(mean: number) {
    this.mean = requirePositive("exponential", "mean", mean);
    this.variance = this.mean * this.mean;
    this.label = `exponential(mean=${this.mean})`;
  }

  /**
   * Draws one duration in minutes from one uniform.
   *
   * @throws {DistributionError} `exponential(mean=…): invalid time sampled: …` if `rng` broke
   *   its [0, 1) contract.
   */
  sample(rng: Rng): number {
    // `+ 0` turns the −0 produced at u = 0 (−mean · ln 1) into 0.
    const x = -this.mean * Math.log(1 - rng()) + 0;
    if (!(x >= 0 && x < Infinity)) throw invalidTimeSampled(this.label, x);
    return x;
  }

  /**
   * Inverse CDF: −mean · ln(1 − p), in minutes; `Infinity` at p = 1.
   *
   * @throws {DistributionError} if `p` is not in [0, 1].
   */
  quantile(p: number): number {
    requireProbability(this.label, p);
    return -this.mean * Math.log(1 - p) + 0;
  }

  toString(): string {
    return this.label;
  }
}

/**
 * An exponential distribution with the given mean, in minutes.
 *
 * @throws {DistributionError} if `mean` is not a finite number > 0.
 */
export function exponential(mean: number): Exponential {
  return new Exponential(mean);
}
