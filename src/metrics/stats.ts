/**
 * Summaries over replications that return null for empty groups instead of throwing, as
 * simple-statistics does. Every function is a pure, deterministic function of its input:
 * results feed byte-identical JSON reports, so nothing here rounds, samples or reads a clock.
 */
import { mean, quantile, sampleStandardDeviation } from "simple-statistics";
import { studentTQuantile } from "./student-t.js";

/**
 * A sample mean with its 95% confidence interval, in the unit of the values summarized
 * (minutes for waits, a fraction for proportions, and so on).
 */
export interface Estimate {
  /** Sample mean; null when there are no values. */
  mean: number | null;
  /**
   * 95% confidence interval for the mean, [lower, upper], by Student's t with n − 1 degrees of
   * freedom; null when n < 2, since one replication gives no interval.
   */
  ci95: [number, number] | null;
  /** Number of values (replications) summarized. */
  n: number;
  /** Sample standard deviation (n − 1 denominator); null when n < 2. */
  sd: number | null;
}

/**
 * Mean and 95% confidence interval of independent replications:
 * mean ± t(0.975, n − 1)·sd/√n, with sd the sample standard deviation (Bessel's n − 1
 * denominator): the standard t interval for the mean of independent, identically distributed
 * replications (Law, Simulation Modeling and Analysis, ch. 4).
 *
 * - n = 0: `{ mean: null, ci95: null, n: 0, sd: null }`.
 * - n = 1: the mean is the value, `sd` and `ci95` are null: one replication gives no interval.
 * - all values equal (n >= 2): mean is exactly that value, sd is 0 and the interval is
 *   [mean, mean], free of the rounding noise a computed mean and deviation would carry.
 *
 * The mean is simple-statistics' `mean` (compensated summation); nothing is rounded.
 *
 * @param values - one value per replication, each finite.
 * @returns the estimate; its fields are always in the order mean, ci95, n, sd.
 * @throws RangeError if a value is NaN or infinite, naming its index.
 */
export function estimate(values: readonly number[]): Estimate {
  requireFinite(values, "estimate", "values");
  return estimateOfFinite(values);
}

/**
 * Estimate of the paired differences a[i] − b[i]: how a response model compares with the
 * baseline when replication i of both used the same random numbers (common random numbers), so
 * that the variance of the difference, not of each model, sets the interval width. A positive
 * mean says `a` is larger than `b`.
 *
 * @param a - one value per replication for the model, each finite.
 * @param b - the baseline's value for the same replications, each finite.
 * @returns the {@link estimate} of the differences (n = number of pairs).
 * @throws RangeError if the lengths differ, or a value is NaN or infinite (naming the array and
 * index).
 */
export function pairedEstimate(a: readonly number[], b: readonly number[]): Estimate {
  if (a.length !== b.length) {
    throw new RangeError(
      `pairedEstimate: a and b must have one value per replication each, got lengths ${a.length} and ${b.length}`,
    );
  }
  requireFinite(a, "pairedEstimate", "a");
  requireFinite(b, "pairedEstimate", "b");
  const differences = a.map((value, index) => value - b[index]);
  differences.forEach((difference, index) => {
    // Finite minus finite can still overflow, e.g. 1e308 − (−1e308).
    if (!Number.isFinite(difference)) {
      throw new RangeError(`pairedEstimate: a[${index}] − b[${index}] must be finite, got ${difference}`);
    }
  });
  return estimateOfFinite(differences);
}

/**
 * Arithmetic mean, or null for an empty array (simple-statistics' `mean`, compensated summation).
 *
 * @param values - finite numbers.
 * @throws RangeError if a value is NaN or infinite, naming its index.
 */
export function meanOrNull(values: readonly number[]): number | null {
  requireFinite(values, "meanOrNull", "values");
  return values.length === 0 ? null : mean(values);
}

/**
 * The p-quantile by simple-statistics' `quantile` (version 7.12: linear interpolation between
 * order statistics at position (n − 1)·p, Hyndman & Fan type 7, the default of R and NumPy),
 * computed on a copy so the input is never reordered; null for an empty array.
 *
 * Note this differs from {@link QuantileSketch}'s "lower" quantile, which never interpolates.
 *
 * @param values - finite numbers, in any order.
 * @param p - the probability, in [0, 1].
 * @throws RangeError if `p` is not in [0, 1], or a value is NaN or infinite (naming its index).
 */
export function quantileOrNull(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`quantileOrNull: p must be a probability in [0, 1], got ${p}`);
  }
  requireFinite(values, "quantileOrNull", "values");
  return values.length === 0 ? null : quantile(values.slice(), p);
}

function estimateOfFinite(values: readonly number[]): Estimate {
  const n = values.length;
  if (n === 0) return { mean: null, ci95: null, n, sd: null };
  const first = values[0];
  if (values.every((value) => value === first)) {
    // `first + 0` turns −0 into 0 so that equal inputs print the same in JSON and compare equal.
    const value = first + 0;
    return n === 1
      ? { mean: value, ci95: null, n, sd: null }
      : { mean: value, ci95: [value, value], n, sd: 0 };
  }
  const sampleMean = mean(values);
  const sd = sampleStandardDeviation(values);
  const halfWidth = (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  return { mean: sampleMean, ci95: [sampleMean - halfWidth, sampleMean + halfWidth], n, sd };
}

function requireFinite(values: readonly number[], caller: string, name: string): void {
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new RangeError(`${caller}: ${name}[${index}] must be a finite number, got ${String(value)}`);
    }
  }
}
