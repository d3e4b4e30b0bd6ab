import {
  describeValue,
  invalidUniform,
  requireNonNegative,
  requireProbability,
} from "../checks.js";
import { buildCumulativeGuide, buildCumulativeTable, searchCumulativeTable, searchGuided } from "../cumulative-table.js";
import { DistributionError, type Distribution } from "../distribution.js";
import type { Rng } from "../rng.js";

/** Up to this many values are listed in full by `toString`. */
const LISTED_VALUES = 6;

/**
 * Resampling of observed durations in minutes: each draw returns one of the given values, with
 * probability proportional to its weight (equal weights when none are given).
 *
 * The values are sorted ascending at construction and drawn by inverse transform on exactly one
 * uniform (a cumulative table, searched from a guide table up to 2,048 values, by binary search
 * beyond), so `sample` is monotone in its uniform and equals `quantile(u)`; a single value
 * consumes no uniform. The count depends only on how many values there are, never on the weights.
 * Mean = Σ pᵢxᵢ and variance = Σ pᵢ(xᵢ − mean)², exact for this discrete distribution.
 */
export class Empirical implements Distribution {
  readonly kind = "empirical";
  /** Exact mean of the weighted values, in minutes. */
  readonly mean: number;
  /** Exact variance of the weighted values, in minutes². */
  readonly variance: number;
  /** Number of values given. */
  readonly size: number;
  private readonly label: string;
  /** Values sorted ascending. */
  private readonly sortedValues: Float64Array;
  private readonly cumulative: Float64Array;
  /** Where `sample` starts looking in `cumulative` (see `buildCumulativeGuide`). */
  private readonly guide: Int32Array | null;
  /** The largest value with positive weight: the quantile at p = 1. */
  private readonly largest: number;

  /**
   * @param values - observed durations in minutes: a non-empty array, each finite and >= 0.
   * @param weights - optional relative weights, one per value, each finite and >= 0, with a
   *   positive sum.
   * @throws {DistributionError} e.g. `empirical: values[2] must be a finite number >= 0, got -1`
   *   or `empirical: weights must have the same length as values (3), got 2`.
   */
  constructor(values: readonly number[], weights?: readonly number[]) {
    if (!Array.isArray(values) || values.length === 0) {
      throw new DistributionError(
        `empirical: values must be a non-empty array of finite numbers >= 0, got ${describeValue(values)}`,
      );
    }
    const n = values.length;
    const checked = new Float64Array(n);
    for (let i = 0; i < n; i++) checked[i] = requireNonNegative("empirical", `values[${i}]`, values[i]);
    // Stable sort of indices by value, so ties keep their given order.
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => checked[a] - checked[b] || a - b);
    const table = buildCumulativeTable(
      "empirical",
      "weights",
      weights === undefined ? new Array<number>(n).fill(1) : weights,
      n,
      "values",
      order,
    );
    this.size = n;
    this.sortedValues = Float64Array.from(order, (i) => checked[i]);
    this.cumulative = table.cumulative;
    this.guide = buildCumulativeGuide(table.cumulative);
    this.largest = this.sortedValues[table.lastPositive];
    let mean = 0;
    for (let i = 0; i < n; i++) mean += table.probabilities[i] * this.sortedValues[i];
    let variance = 0;
    for (let i = 0; i < n; i++) {
      const deviation = this.sortedValues[i] - mean;
      variance += table.probabilities[i] * deviation * deviation;
    }
    this.mean = mean;
    this.variance = variance;
    this.label = describeEmpirical(checked, weights);
  }

  /**
   * Draws one of the values, in minutes, from one uniform (none when there is a single value).
   *
   * @throws {DistributionError} `empirical(…): invalid uniform drawn: …` if `rng` returned a
   *   value outside [0, 1).
   */
  sample(rng: Rng): number {
    if (this.size === 1) return this.sortedValues[0];
    const u = rng();
    if (!(u >= 0 && u < 1)) throw invalidUniform(this.label, u);
    return this.sortedValues[searchGuided(this.cumulative, this.guide, u)];
  }

  /**
   * The value `sample` returns for uniform p (right-continuous inverse CDF), in minutes; at p = 1
   * the largest value with positive weight.
   *
   * @throws {DistributionError} if `p` is not in [0, 1].
   */
  quantile(p: number): number {
    requireProbability(this.label, p);
    if (p === 1) return this.largest;
    return this.sortedValues[searchCumulativeTable(this.cumulative, p)];
  }

  toString(): string {
    return this.label;
  }
}

/** `empirical(values=[…])` for a few values, a summary for many. */
function describeEmpirical(values: Float64Array, weights: readonly number[] | undefined): string {
  if (values.length <= LISTED_VALUES) {
    const listed = `values=[${Array.from(values).join(", ")}]`;
    return weights === undefined
      ? `empirical(${listed})`
      : `empirical(${listed}, weights=[${weights.join(", ")}])`;
  }
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  return `empirical(n=${values.length}, min=${low}, max=${high}${weights === undefined ? "" : ", weighted"})`;
}

/**
 * Resampling of observed durations in minutes, optionally weighted.
 *
 * @throws {DistributionError} on invalid values or weights (see {@link Empirical}).
 */
export function empirical(values: readonly number[], weights?: readonly number[]): Empirical {
  return new Empirical(values, weights);
}
