// A normalised cumulative-probability table and its search, shared by `Categorical` and
// `empirical`. Internal to src/random: not re-exported from the index.

import { describeValue } from "./checks.js";
import { DistributionError } from "./distribution.js";

/** Below this many entries a linear scan beats binary search (fewer, predictable branches). */
const LINEAR_SCAN_LIMIT = 8;

/** A validated, normalised discrete distribution over indices 0 .. n − 1. */
export interface CumulativeTable {
  /** cumulative[i] = P(index <= i); entries from the last positive weight on are exactly 1. */
  readonly cumulative: Float64Array;
  /** probabilities[i] = weights[i] / Σ weights. */
  readonly probabilities: Float64Array;
  /** Index of the last entry with positive weight (what a uniform of exactly 1 would pick). */
  readonly lastPositive: number;
}

/**
 * Validates `weights` and builds the table. `label` prefixes messages; `arrayName` names the
 * array in them (`weights`); `expectedLength` is the length it must have and `lengthOf` what
 * that length is (`items`). If `order` (a permutation of 0 .. n − 1) is given, the table lists
 * the entries in that order, while messages still use the caller's original indices.
 *
 * @throws {DistributionError} on a non-array, a wrong length, an entry that is not a finite
 *   number >= 0, or a sum that is not positive.
 */
export function buildCumulativeTable(
  label: string,
  arrayName: string,
  weights: unknown,
  expectedLength: number,
  lengthOf: string,
  order?: readonly number[],
): CumulativeTable {
  if (!Array.isArray(weights)) {
    throw new DistributionError(
      `${label}: ${arrayName} must be an array of finite numbers >= 0, got ${describeValue(weights)}`,
    );
  }
  if (weights.length !== expectedLength) {
    throw new DistributionError(
      `${label}: ${arrayName} must have the same length as ${lengthOf} (${expectedLength}), got ${weights.length}`,
    );
  }
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const weight: unknown = weights[i];
    if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0) {
      throw new DistributionError(
        `${label}: ${arrayName}[${i}] must be a finite number >= 0, got ${describeValue(weight)}`,
      );
    }
    total += weight;
  }
  if (!(total > 0 && Number.isFinite(total))) {
    throw new DistributionError(
      `${label}: ${arrayName} must have a positive, finite sum, got ${describeValue(total)}`,
    );
  }
  const n = weights.length;
  const ordered = new Float64Array(n);
  let lastPositive = -1;
  for (let i = 0; i < n; i++) {
    ordered[i] = weights[order === undefined ? i : order[i]] as number;
    if (ordered[i] > 0) lastPositive = i;
  }
  const probabilities = new Float64Array(n);
  const cumulative = new Float64Array(n);
  let running = 0;
  for (let i = 0; i < n; i++) {
    probabilities[i] = ordered[i] / total;
    running += ordered[i];
    // Dividing the running sum (not summing normalised terms) keeps the table monotone; forcing
    // the entries from the last positive weight on to exactly 1 (and capping the rest at 1)
    // makes sure rounding can neither leave a gap below 1 nor hand probability to trailing
    // zero-weight entries.
    cumulative[i] = i >= lastPositive ? 1 : Math.min(1, running / total);
  }
  return { cumulative, probabilities, lastPositive };
}

/**
 * The smallest index i with u < cumulative[i], for u in [0, 1): entries with zero probability
 * are never returned. The caller guarantees u is in [0, 1).
 */
export function searchCumulativeTable(cumulative: Float64Array, u: number): number {
  const n = cumulative.length;
  if (n <= LINEAR_SCAN_LIMIT) {
    for (let i = 0; i < n - 1; i++) {
      if (u < cumulative[i]) return i;
    }
    return n - 1;
  }
  // Invariant: the answer is in [low, high]; cumulative[n − 1] = 1 > u.
  let low = 0;
  let high = n - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (u < cumulative[middle]) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Tables longer than this keep the binary search: their guide would cost more memory than it saves. */
const GUIDE_LIMIT = 2048;

/**
 * A guide to `cumulative` (an index table, Chen's method), or null for a table too long to guide:
 * guide[k] is the answer for u = k / K, where K = guide.length is a power of two at least twice
 * the table's length. K being a power of two makes u · K exact, so a u with floor(u · K) = k
 * satisfies k / K <= u, and its answer is at guide[k] or after it; a scan from there finds
 * exactly what `searchCumulativeTable` finds, in one or two comparisons on average.
 */
export function buildCumulativeGuide(cumulative: Float64Array): Int32Array | null {
  const n = cumulative.length;
  if (n > GUIDE_LIMIT) return null;
  let size = 2;
  while (size < 2 * n) size *= 2;
  const guide = new Int32Array(size);
  for (let k = 0; k < size; k++) guide[k] = searchCumulativeTable(cumulative, k / size);
  return guide;
}

/**
 * What `searchCumulativeTable(cumulative, u)` returns, through `guide` (from
 * `buildCumulativeGuide(cumulative)`) when there is one. The caller guarantees u is in [0, 1).
 */
export function searchGuided(cumulative: Float64Array, guide: Int32Array | null, u: number): number {
  if (guide === null) return searchCumulativeTable(cumulative, u);
  // cumulative[n − 1] = 1 > u stops the scan.
  let i = guide[(u * guide.length) | 0];
  while (u >= cumulative[i]) i++;
  return i;
}
