import { requireNonNegative, requireProbability } from "../checks.js";
import type { Distribution } from "../distribution.js";
import type { Rng } from "../rng.js";

/**
 * A constant duration in minutes (Ciw's `Deterministic`).
 *
 * `sample` returns the value without calling `rng`: it consumes no uniforms.
 * Mean = value; variance = 0.
 */
export class Fixed implements Distribution {
  readonly kind = "fixed";
  /** The duration, in minutes. */
  readonly value: number;
  /** = value, in minutes. */
  readonly mean: number;
  /** Always 0. */
  readonly variance = 0;
  private readonly label: string;

  /**
   * @param value - the duration in minutes, finite, >= 0.
   * @throws {DistributionError} `fixed: value must be a finite number >= 0, got …`.
   */
  constructor(value: number) {
    this.value = requireNonNegative("fixed", "value", value);
    this.mean = this.value;
    this.label = `fixed(value=${this.value})`;
  }

  /** Returns `value`; does not call `rng`. */
  sample(_rng: Rng): number {
    return this.value;
  }

  /**
   * Returns `value` for every p.
   *
   * @throws {DistributionError} if `p` is not in [0, 1].
   */
  quantile(p: number): number {
    requireProbability(this.label, p);
    return this.value;
  }

  toString(): string {
    return this.label;
  }
}

/**
 * A constant duration, in minutes.
 *
 * @throws {DistributionError} if `value` is not a finite number >= 0.
 */
export function fixed(value: number): Fixed {
  return new Fixed(value);
}
