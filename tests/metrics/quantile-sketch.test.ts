import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QuantileSketch, sketchBucketIndex } from "../../src/metrics/quantile-sketch.js";

/** mulberry32 (Tommy Ettinger): a tiny seeded generator of uniforms in [0, 1), for test data only. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lognormal values exp(μ + σZ), Z standard normal by Box-Muller; minutes, median e^μ. */
function lognormalValues(count: number, seed: number, mu: number, sigma: number): number[] {
  const uniform = mulberry32(seed);
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
    values.push(Math.exp(mu + sigma * z));
  }
  return values;
}

/**
 * The exact "lower" quantile: the smallest value v with at least ⌈p·n⌉ values <= v, where p·n
 * within 2ε relative of an integer counts as that integer (the sketch's documented rule).
 */
function exactLowerQuantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const product = p * sorted.length;
  const nearest = Math.round(product);
  const rank = Math.abs(product - nearest) <= 2 * Number.EPSILON * product ? nearest : Math.ceil(product);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
}

function sketchOf(values: readonly number[]): QuantileSketch {
  const sketch = new QuantileSketch();
  for (const value of values) sketch.add(value);
  return sketch;
}

function relativeError(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / expected;
}

const PROBABILITIES = [0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

describe("QuantileSketch", () => {
  it("quantiles of 100,000 lognormal waits are within 0.5% of the exact lower quantiles", () => {
    const values = lognormalValues(100_000, 20240611, Math.log(8), 1.1);
    const sketch = sketchOf(values);
    const sorted = [...values].sort((a, b) => a - b);
    for (const p of PROBABILITIES) {
      const exact = exactLowerQuantile(sorted, p);
      // 0.5% is the bucket guarantee; 1e-12 absorbs rounding in γ^k.
      expect(relativeError(sketch.quantile(p)!, exact), `p = ${p}`).toBeLessThanOrEqual(0.005 + 1e-12);
    }
    expect(sketch.count).toBe(100_000);
    expect(sketch.min).toBe(sorted[0]);
    expect(sketch.max).toBe(sorted[sorted.length - 1]);
    expect(sketch.mean!).toBeCloseTo(values.reduce((sum, value) => sum + value, 0) / values.length, 9);
  });

  it("when most waits are exactly zero the median is exactly 0 and the upper quantiles stay accurate", () => {
    const uniform = mulberry32(7);
    const positive = lognormalValues(30_000, 11, Math.log(5), 0.8);
    const values = positive.map((value) => (uniform() < 0.7 ? 0 : value));
    const sketch = sketchOf(values);
    expect(exactLowerQuantile(values, 0.5)).toBe(0);
    expect(Object.is(sketch.quantile(0.5), 0)).toBe(true);
    expect(sketch.quantile(0)).toBe(0);
    for (const p of [0.75, 0.9, 0.99]) {
      expect(relativeError(sketch.quantile(p)!, exactLowerQuantile(values, p)), `p = ${p}`).toBeLessThanOrEqual(0.005 + 1e-12);
    }
  });

  it("uses the lower rank ⌈p·n⌉ without interpolation: p = 0.5 over [1, 2, 3, 4] is 2 and p = 0.51 is 3", () => {
    const sketch = sketchOf([4, 3, 2, 1]);
    expect(relativeError(sketch.quantile(0.5)!, 2)).toBeLessThanOrEqual(0.005);
    expect(relativeError(sketch.quantile(0.51)!, 3)).toBeLessThanOrEqual(0.005);
    expect(relativeError(sketch.quantile(0.25)!, 1)).toBeLessThanOrEqual(0.005);
  });

  it("reads p = 0.07 over 100 values as rank 7 even though 0.07 × 100 is 7.000000000000001 in floating point", () => {
    const sketch = sketchOf(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(0.07 * 100).toBeGreaterThan(7);
    expect(relativeError(sketch.quantile(0.07)!, 7)).toBeLessThanOrEqual(0.005);
  });

  it("p = 0 gives the exact minimum and p = 1 the exact maximum", () => {
    const sketch = sketchOf([3.3333, 17.25, 0.5001]);
    expect(sketch.quantile(0)).toBe(0.5001);
    expect(sketch.quantile(1)).toBe(17.25);
  });

  it("merging two sketches gives the same counts, extremes and quantiles as adding all values to one", () => {
    const first = lognormalValues(20_000, 1, Math.log(3), 1).map((value, i) => (i % 5 === 0 ? 0 : value));
    const second = lognormalValues(15_000, 2, Math.log(30), 0.5);
    const merged = sketchOf(first);
    merged.merge(sketchOf(second));
    const together = sketchOf([...first, ...second]);
    expect(merged.count).toBe(together.count);
    expect(merged.min).toBe(together.min);
    expect(merged.max).toBe(together.max);
    expect(merged.sum).toBeCloseTo(together.sum, 6);
    for (let p = 0; p <= 1; p += 0.01) {
      expect(merged.quantile(p), `p = ${p}`).toBe(together.quantile(p));
    }
  });

  it("merging an empty sketch changes nothing and merging into an empty sketch copies", () => {
    const values = [0, 1.5, 2.5, 40];
    const sketch = sketchOf(values);
    sketch.merge(new QuantileSketch());
    const copy = new QuantileSketch();
    copy.merge(sketch);
    for (const target of [sketch, copy]) {
      expect(target.count).toBe(4);
      expect(target.min).toBe(0);
      expect(target.max).toBe(40);
      expect(target.quantile(0.5)).toBe(sketchOf(values).quantile(0.5));
    }
  });

  it("an empty sketch reports count 0, sum 0 and null mean, min, max and quantiles", () => {
    const sketch = new QuantileSketch();
    expect(sketch.count).toBe(0);
    expect(sketch.sum).toBe(0);
    expect(sketch.mean).toBeNull();
    expect(sketch.min).toBeNull();
    expect(sketch.max).toBeNull();
    expect(sketch.quantile(0.5)).toBeNull();
    expect(sketch.quantile(0)).toBeNull();
  });

  it("reset empties the sketch so it can be reused", () => {
    const sketch = sketchOf([5, 6, 7]);
    sketch.reset();
    expect(sketch.count).toBe(0);
    expect(sketch.quantile(0.9)).toBeNull();
    sketch.add(2);
    expect(sketch.quantile(0.5)).toBe(2);
    expect(sketch.min).toBe(2);
    expect(sketch.max).toBe(2);
  });

  it("a negative, NaN or infinite value is refused with a RangeError naming the value", () => {
    const sketch = new QuantileSketch();
    expect(() => sketch.add(-1)).toThrow(RangeError);
    expect(() => sketch.add(-1)).toThrow(/got -1$/);
    expect(() => sketch.add(Number.NaN)).toThrow(/got NaN$/);
    expect(() => sketch.add(Infinity)).toThrow(/got Infinity$/);
    expect(sketch.count).toBe(0);
  });

  it("negative zero counts as zero and never shows up as the minimum", () => {
    const sketch = sketchOf([-0, 4]);
    expect(Object.is(sketch.min, 0)).toBe(true);
    expect(Object.is(sketch.quantile(0.5), 0)).toBe(true);
  });

  it("a probability outside [0, 1] is refused with a RangeError", () => {
    const sketch = sketchOf([1]);
    expect(() => sketch.quantile(1.01)).toThrow(RangeError);
    expect(() => sketch.quantile(-0.5)).toThrow(/got -0.5/);
    expect(() => sketch.quantile(Number.NaN)).toThrow(RangeError);
  });

  it("values below 1e-3 minutes share the lowest bucket, but answers stay within the exact min and max", () => {
    const sketch = sketchOf([1e-6, 2e-6, 3e-6]);
    const median = sketch.quantile(0.5)!;
    expect(median).toBeGreaterThanOrEqual(1e-6);
    expect(median).toBeLessThanOrEqual(3e-6);
    expect(QuantileSketch.smallestAccurateValue).toBe(1e-3);
  });

  it("is within 1% of the exact lower quantile for arbitrary non-negative data (property)", () => {
    const value = fc.oneof(
      { weight: 1, arbitrary: fc.constant(0) },
      { weight: 4, arbitrary: fc.double({ min: 1e-3, max: 1e6, noNaN: true }) },
    );
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p) => {
          const estimate = sketchOf(values).quantile(p);
          const exact = exactLowerQuantile(values, p);
          expect(estimate).not.toBeNull();
          expect(relativeError(estimate!, exact)).toBeLessThanOrEqual(0.01);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  describe("bucket index without a logarithm", () => {
    // The definition, written out independently of the sketch: bucket k holds (γ^(k−1), γ^k].
    const gamma = 1.005 / 0.995;
    const inverseLogGamma = 1 / Math.log(gamma);
    const minKey = Math.ceil(Math.log(1e-3) * inverseLogGamma);
    const lastBucket = Math.ceil(Math.log(1e7) * inverseLogGamma) - minKey;
    const byLogarithm = (value: number) => Math.min(Math.max(Math.ceil(Math.log(value) * inverseLogGamma) - minKey, 0), lastBucket);
    const bits = new Float64Array(1);
    const whole = new BigUint64Array(bits.buffer);
    const step = (value: number, ulps: number) => {
      bits[0] = value;
      whole[0] += BigInt(ulps);
      return bits[0];
    };

    it("agrees with ⌈ln x / ln γ⌉ on every double within 3 ulp of every bucket boundary", () => {
      let checked = 0;
      for (let key = minKey - 3; key <= minKey + lastBucket + 3; key++) {
        const boundary = Math.pow(gamma, key);
        for (let ulps = -3; ulps <= 3; ulps++) {
          const value = step(boundary, ulps);
          expect(sketchBucketIndex(value), `${value}`).toBe(byLogarithm(value));
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(16_000);
    });

    it("agrees with ⌈ln x / ln γ⌉ on values spread from 1e-12 to 1e12 minutes, powers of two included (property)", () => {
      fc.assert(
        fc.property(fc.double({ min: -12, max: 12, noNaN: true }), (exponent) => {
          const value = Math.pow(10, exponent);
          expect(sketchBucketIndex(value)).toBe(byLogarithm(value));
          const power = Math.pow(2, Math.round(exponent * 3.3));
          expect(sketchBucketIndex(power)).toBe(byLogarithm(power));
          expect(sketchBucketIndex(step(power, -1))).toBe(byLogarithm(step(power, -1)));
        }),
        { numRuns: 20_000, seed: 14 },
      );
    });

    it("puts the smallest double and the largest finite double in the first and last buckets", () => {
      expect(sketchBucketIndex(Number.MIN_VALUE)).toBe(0);
      expect(sketchBucketIndex(Number.MAX_VALUE)).toBe(lastBucket);
    });
  });
});

describe("QuantileSketch.addInBucket", () => {
  it("leaves a sketch in the same state as add when given the bucket another sketch's add returned", () => {
    const values = [0, ...lognormalValues(5_000, 41, 1, 2), 0, -0, 3.5, 3.5, 1e-9, 1e9];
    const byAdd = new QuantileSketch();
    const first = new QuantileSketch();
    const byBucket = new QuantileSketch();
    for (const value of values) {
      byAdd.add(value);
      const bucket = first.add(value);
      expect(byBucket.addInBucket(value, bucket)).toBe(bucket);
    }
    expect([byBucket.count, byBucket.sum, byBucket.min, byBucket.max]).toEqual([byAdd.count, byAdd.sum, byAdd.min, byAdd.max]);
    for (const p of [0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1]) expect(byBucket.quantile(p)).toBe(byAdd.quantile(p));
  });

  it("is told an exact zero apart from the smallest bucket by add's answer", () => {
    const sketch = new QuantileSketch();
    expect(sketch.add(0)).toBe(sketch.add(-0));
    expect(sketch.add(0)).not.toBe(sketch.add(Number.MIN_VALUE));
    expect(sketch.add(Number.MIN_VALUE)).toBe(sketchBucketIndex(Number.MIN_VALUE));
  });
});
