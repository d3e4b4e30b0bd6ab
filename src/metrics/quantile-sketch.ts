/**
 * Streaming quantiles of non-negative values (minutes) in fixed memory: the per-replication
 * wait and response-time p50/p90 over up to millions of calls.
 *
 * Method: a DDSketch-style log-bucketed histogram (Masson, Rim & Lee, "DDSketch: A Fast and
 * Fully-Mergeable Quantile Sketch with Relative-Error Guarantees", PVLDB 12(12), 2019). With
 * relative accuracy α = 0.005 and γ = (1 + α)/(1 − α), bucket k holds the values in
 * (γ^(k−1), γ^k], found as k = ⌈ln x / ln γ⌉, and is represented by 2γ^k/(γ + 1), which is
 * within relative α of every value in the bucket: for x in (γ^(k−1), γ^k] the ratio to x lies in
 * [2/(γ+1), 2γ/(γ+1)] = [1 − α, 1 + α].
 *
 * Layout: one preallocated Float64Array of counts for k covering 1e-3 … 1e7 minutes
 * ({@link QuantileSketch.smallestAccurateValue} … {@link QuantileSketch.largestAccurateValue},
 * 2,303 buckets, about 18 KB per sketch) whatever the number of values added. Counts are doubles,
 * exact up to 2^53, so merged sketches cannot overflow. Exact zeros, common for queue waits,
 * have their own exact counter. Positive values below 1e-3 minutes (0.06 s) are clamped into the
 * lowest bucket and values above 1e7 minutes (19 years) into the highest; only there is the
 * α guarantee lost, and the exact min and max still bound every answer.
 *
 * The sketch is deterministic: the same values in the same order give the same state, and
 * merging is exact on counts (so quantiles after `merge` equal those of adding every value to
 * one sketch).
 */

/** Relative accuracy α of every quantile returned for values in the accurate range. */
const RELATIVE_ACCURACY = 0.005;
/** γ = (1 + α)/(1 − α): the ratio between consecutive bucket boundaries. */
const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
/** The bucket keys are defined with this multiplier (not a division by ln γ): keep it so. */
const INVERSE_LOG_GAMMA = 1 / Math.log(GAMMA);
const SMALLEST_ACCURATE_VALUE_MIN = 1e-3;
const LARGEST_ACCURATE_VALUE_MIN = 1e7;
/** Bucket key of the smallest accurate value; counts[0] holds this key. */
const MIN_KEY = Math.ceil(Math.log(SMALLEST_ACCURATE_VALUE_MIN) * INVERSE_LOG_GAMMA);
const MAX_KEY = Math.ceil(Math.log(LARGEST_ACCURATE_VALUE_MIN) * INVERSE_LOG_GAMMA);
const BUCKET_COUNT = MAX_KEY - MIN_KEY + 1;
const LAST_BUCKET = BUCKET_COUNT - 1;
/** What `add` returns for an exact zero, counted apart from the buckets. */
const ZERO_BUCKET = -1;

/**
 * The bucket of a positive value by definition: ⌈ln x / ln γ⌉ − MIN_KEY, clamped to the layout.
 * `add` gets the same index without a logarithm (below); this is only used to build its tables.
 */
function bucketByLogarithm(value: number): number {
  // `| 0` is exact (for a positive finite value the key is an integer of a few tens of thousands
  // at most) and tells V8 that -0 (the ceiling just below 1) is just 0: without it the code is
  // deoptimized on the first -0, with the recorder it is inlined into, which is then recompiled
  // without the sketch inlined.
  const index = (Math.ceil(Math.log(value) * INVERSE_LOG_GAMMA) - MIN_KEY) | 0;
  return index < 0 ? 0 : index > LAST_BUCKET ? LAST_BUCKET : index;
}

// Finding the bucket without Math.log, exactly as `bucketByLogarithm` would (a logarithm per value
// was the sketch's whole cost). A positive double's high 32 bits are its exponent then the top 20
// bits of its mantissa, so `hi >>> 12` (exponent and top 8 mantissa bits) cuts each octave into
// 256 slices of relative width at most 2^-8 = 0.4%, narrower than a bucket (γ − 1 = 1.0%): a slice
// meets at most two buckets. FIRST_BUCKET[slice] is the bucket of the slice's smallest double and
// SPLIT[slice] the smallest double of the slice in the next bucket (+∞ when the whole slice is in
// one), so a value's bucket is FIRST_BUCKET[slice], plus one from SPLIT[slice] on. A slice's pair
// is worked out from `bucketByLogarithm` itself (bisected to the last bit) the first time a value
// falls in it, so the two never disagree and loading the module costs nothing; a run touches a few
// hundred of the 8,700 slices. tests/metrics/quantile-sketch.test.ts checks every boundary.
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** Index of the high 32-bit word of a double: 1 on little-endian machines. */
const HIGH_WORD = ((bits[0] = 1), words[1] === 0x3ff00000 ? 1 : 0);

/** The slice of a positive double: its high word without the low 12 mantissa bits. */
function sliceOf(value: number): number {
  bits[0] = value;
  return words[HIGH_WORD] >>> 12;
}

/** The double whose high word is `high` and low word `low`. */
function doubleOf(high: number, low: number): number {
  words[HIGH_WORD] = high;
  words[1 - HIGH_WORD] = low;
  return bits[0];
}

const FIRST_SLICE = sliceOf(SMALLEST_ACCURATE_VALUE_MIN);
const LAST_SLICE = sliceOf(LARGEST_ACCURATE_VALUE_MIN) - FIRST_SLICE;
/** By slice (offset by FIRST_SLICE); −1 until the slice is first used. */
const FIRST_BUCKET = new Int32Array(LAST_SLICE + 1).fill(-1);
const SPLIT = new Float64Array(LAST_SLICE + 1);

/** Works out FIRST_BUCKET and SPLIT of one slice; returns its first bucket. */
function fillSlice(slice: number): number {
  const high = (slice + FIRST_SLICE) * 4096;
  let low = doubleOf(high, 0);
  let top = doubleOf(high + 4095, 0xffffffff);
  const first = bucketByLogarithm(low);
  let split = Infinity;
  if (bucketByLogarithm(top) !== first) {
    // bucketByLogarithm(low) < bucketByLogarithm(top) = first + 1 until the two are adjacent.
    for (;;) {
      const middle = low + (top - low) / 2;
      if (middle === low || middle === top) break;
      if (bucketByLogarithm(middle) > first) top = middle;
      else low = middle;
    }
    split = top;
  }
  SPLIT[slice] = split;
  FIRST_BUCKET[slice] = first;
  return first;
}

/**
 * The bucket index of a positive finite value: ⌈ln x / ln γ⌉ − MIN_KEY clamped to
 * [0, LAST_BUCKET], bit for bit what `Math.ceil(Math.log(x) * (1 / ln γ))` gives, in a table
 * look-up and one comparison. Exported for the tests only.
 */
export function sketchBucketIndex(value: number): number {
  bits[0] = value;
  let slice = (words[HIGH_WORD] >>> 12) - FIRST_SLICE;
  // Slices outside the accurate range clamp to its first or last: their values clamp with them.
  if (slice < 0) slice = 0;
  else if (slice > LAST_SLICE) slice = LAST_SLICE;
  let bucket = FIRST_BUCKET[slice];
  if (bucket < 0) bucket = fillSlice(slice);
  return value >= SPLIT[slice] ? bucket + 1 : bucket;
}

/**
 * Streaming quantile sketch for non-negative values in minutes, with relative accuracy 0.5%
 * and constant memory (see the file header for the method and its limits).
 *
 * Not safe to share between concurrent writers; the simulator keeps one per replication and
 * metric and merges them afterwards.
 */
export class QuantileSketch {
  /** Relative accuracy α of {@link QuantileSketch.quantile} for values in the accurate range. */
  static readonly relativeAccuracy = RELATIVE_ACCURACY;
  /** Smallest positive value, in minutes, kept to relative accuracy α; smaller ones are clamped. */
  static readonly smallestAccurateValue = SMALLEST_ACCURATE_VALUE_MIN;
  /** Largest value, in minutes, kept to relative accuracy α; larger ones are clamped. */
  static readonly largestAccurateValue = LARGEST_ACCURATE_VALUE_MIN;

  /** counts[i] is the number of positive values with bucket key MIN_KEY + i (clamped). */
  private readonly counts = new Float64Array(BUCKET_COUNT);
  private zeroCount = 0;
  private valueCount = 0;
  private valueSum = 0;
  private minimum = Infinity;
  private maximum = -Infinity;

  /**
   * Adds one value. Constant time, no allocation (it runs once per simulated call).
   *
   * @param value - a finite number >= 0, in minutes. `-0` counts as 0.
   * @returns the value's bucket, for {@link QuantileSketch.addInBucket} of the same value to
   *   another sketch.
   * @throws RangeError if `value` is negative, NaN or infinite; the message includes the value.
   */
  add(value: number): number {
    // One comparison pair rejects negatives, NaN (every comparison with NaN is false) and +∞.
    if (!(value >= 0 && value < Infinity)) throw invalidValue(value);
    const bucket = value === 0 ? ZERO_BUCKET : sketchBucketIndex(value);
    this.addInBucket(value, bucket);
    return bucket;
  }

  /**
   * Adds a value that another sketch's {@link QuantileSketch.add} took and returned the bucket
   * of: the same state as `add(value)`, without checking the value or finding its bucket again
   * (a call's response time goes into two or three sketches).
   *
   * @param value - the value given to that `add`.
   * @param bucket - what that `add` returned.
   * @returns `bucket`, for the next sketch.
   */
  addInBucket(value: number, bucket: number): number {
    this.valueCount += 1;
    this.valueSum += value;
    if (bucket === ZERO_BUCKET) {
      // Literal 0 rather than `value`, so that −0 never becomes the reported min or max.
      this.zeroCount += 1;
      if (this.minimum > 0) this.minimum = 0;
      if (this.maximum < 0) this.maximum = 0;
      return bucket;
    }
    if (value < this.minimum) this.minimum = value;
    if (value > this.maximum) this.maximum = value;
    this.counts[bucket] += 1;
    return bucket;
  }

  /** Number of values added (including merged sketches). */
  get count(): number {
    return this.valueCount;
  }

  /**
   * Sum of the values added, in minutes, accumulated in the order added (0 when empty). After
   * `merge` it is the sum of the two sums, which can differ from adding the values one by one
   * in the last bits.
   */
  get sum(): number {
    return this.valueSum;
  }

  /** Mean of the values added, in minutes (`sum / count`), or null when empty. */
  get mean(): number | null {
    return this.valueCount === 0 ? null : this.valueSum / this.valueCount;
  }

  /** Smallest value added, in minutes (exact), or null when empty. */
  get min(): number | null {
    return this.valueCount === 0 ? null : this.minimum;
  }

  /** Largest value added, in minutes (exact), or null when empty. */
  get max(): number | null {
    return this.valueCount === 0 ? null : this.maximum;
  }

  /**
   * Approximate p-quantile of the values added, in minutes.
   *
   * Rank definition ("lower", the inverted empirical CDF, Hyndman & Fan type 1): the answer
   * approximates the smallest added value v such that at least r = ⌈p·count⌉ values are <= v,
   * with r at least 1; no interpolation between values. So p = 0.5 over [1, 2, 3, 4] targets 2,
   * not 2.5. p·count is computed in double precision and snapped to the nearest integer when
   * within 2 ulp of it, so that, for example, p = 0.07 over 100 values means rank 7, not 8.
   *
   * The answer is the representative of the bucket holding that value, clamped to [min, max];
   * it is within relative 0.5% of the exact lower quantile whenever that lies in
   * [{@link QuantileSketch.smallestAccurateValue}, {@link QuantileSketch.largestAccurateValue}].
   * Zeros are counted exactly: when at least r values are 0 the answer is exactly 0. p = 0 gives
   * the exact min and p = 1 the exact max. Cost: one pass over the 2,303 buckets.
   *
   * @param p - the probability, in [0, 1].
   * @returns the quantile in minutes, or null when no value has been added.
   * @throws RangeError if `p` is not in [0, 1] (or is NaN).
   */
  quantile(p: number): number | null {
    if (!(p >= 0 && p <= 1)) {
      throw new RangeError(`QuantileSketch.quantile: p must be a probability in [0, 1], got ${p}`);
    }
    if (this.valueCount === 0) return null;
    const rank = lowerRank(p, this.valueCount);
    if (rank <= this.zeroCount) return 0;
    if (rank === 1) return this.minimum;
    if (rank === this.valueCount) return this.maximum;
    let cumulative = this.zeroCount;
    for (let index = 0; index < BUCKET_COUNT; index++) {
      cumulative += this.counts[index];
      if (cumulative >= rank) {
        const representative = (2 * Math.pow(GAMMA, index + MIN_KEY)) / (GAMMA + 1);
        return Math.min(Math.max(representative, this.minimum), this.maximum);
      }
    }
    // Unreachable: the buckets and the zero counter together hold `count` values.
    return this.maximum;
  }

  /**
   * Adds every value of `other` to this sketch, as if they had been added here one by one
   * (counts, zeros, min and max exactly; `sum` up to rounding). `other` is unchanged; merging a
   * sketch into itself doubles it.
   *
   * @param other - another sketch (all sketches share one bucket layout).
   */
  merge(other: QuantileSketch): void {
    const counts = this.counts;
    const otherCounts = other.counts;
    for (let index = 0; index < BUCKET_COUNT; index++) {
      counts[index] += otherCounts[index];
    }
    this.zeroCount += other.zeroCount;
    this.valueCount += other.valueCount;
    this.valueSum += other.valueSum;
    if (other.minimum < this.minimum) this.minimum = other.minimum;
    if (other.maximum > this.maximum) this.maximum = other.maximum;
  }

  /** Forgets every value, returning the sketch to its empty state (memory is reused). */
  reset(): void {
    this.counts.fill(0);
    this.zeroCount = 0;
    this.valueCount = 0;
    this.valueSum = 0;
    this.minimum = Infinity;
    this.maximum = -Infinity;
  }
}

/**
 * The 1-based rank ⌈p·n⌉, clamped to [1, n]. The product p·n carries at most about one ulp of
 * error from p's binary representation plus half an ulp from its own rounding, so a product
 * within 2 ulp (2ε relative) of an integer is taken to be that integer.
 */
function lowerRank(p: number, n: number): number {
  const product = p * n;
  const nearest = Math.round(product);
  const rank = Math.abs(product - nearest) <= 2 * Number.EPSILON * product ? nearest : Math.ceil(product);
  return Math.min(Math.max(rank, 1), n);
}

/** Kept out of `add` so that the hot path stays small enough to inline. */
function invalidValue(value: number): RangeError {
  return new RangeError(`QuantileSketch.add: value must be a finite number >= 0 (minutes), got ${value}`);
}
