import type { Rng } from "./rng.js";

/**
 * A probability distribution of a duration in simulated minutes (support within [0, ∞)).
 *
 * Implementations (Ciw `distributions.py` habit) check their parameters when built, guard every
 * draw, and know their exact `mean` and `variance`, so tests can compare samples with theory.
 */
export interface Distribution {
  /** Family name, e.g. `"exponential"`; stable, used in messages and reports. */
  readonly kind: string;
  /** Exact mean of the distribution, in minutes. */
  readonly mean: number;
  /** Exact variance of the distribution, in minutes². */
  readonly variance: number;
  /**
   * Draws one duration in minutes, consuming uniforms from `rng` (how many is documented per
   * family).
   *
   * @throws {DistributionError} if the draw is not a finite number >= 0 (which means `rng`
   *   broke its [0, 1) contract).
   */
  sample(rng: Rng): number;
  /**
   * The inverse CDF: the duration, in minutes, that `sample` returns when its uniform equals
   * `p`. Present only where it has a closed form or a cheap accurate approximation.
   *
   * @throws {DistributionError} if `p` is not a number in [0, 1].
   */
  quantile?(p: number): number;
  /** Family and parameters as built, e.g. `exponential(mean=30)`. */
  toString(): string;
}

/**
 * Thrown for invalid distribution parameters (at construction) and for invalid draws (at
 * sampling). The message names the distribution, the parameter, what was expected and what was
 * found, e.g. `lognormal: sd must be a finite number > 0, got -3`.
 */
export class DistributionError extends Error {
  override readonly name = "DistributionError";
}
