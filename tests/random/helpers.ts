// Shared helpers for the src/random tests (not a test file itself).

import { expect } from "vitest";
import type { Distribution } from "../../src/random/distribution.js";
import type { Rng } from "../../src/random/rng.js";

/** Sample mean and (unbiased) variance of `count` draws, by Welford's one-pass update. */
export function sampleMoments(
  distribution: Distribution,
  rng: Rng,
  count: number,
): { mean: number; variance: number } {
  let mean = 0;
  let sumOfSquares = 0;
  for (let i = 1; i <= count; i++) {
    const x = distribution.sample(rng);
    const delta = x - mean;
    mean += delta / i;
    sumOfSquares += delta * (x - mean);
  }
  return { mean, variance: sumOfSquares / (count - 1) };
}

/** `count` draws, sorted ascending. */
export function sortedDraws(distribution: Distribution, rng: Rng, count: number): Float64Array {
  const draws = new Float64Array(count);
  for (let i = 0; i < count; i++) draws[i] = distribution.sample(rng);
  return draws.sort();
}

/** Asserts |actual − expected| <= tolerance · |expected| (a relative tolerance). */
export function expectRelativelyClose(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

/**
 * Asserts pinned draws to 1e-12 relative: tight enough to catch any change of algorithm or
 * stream, loose enough not to depend on the last bit of `Math.exp` / `Math.log`.
 */
export function expectPinned(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expectRelativelyClose(actual[i], expected[i], 1e-12);
  }
}

/** The first `count` draws of `distribution` from `rng`. */
export function firstDraws(distribution: Distribution, rng: Rng, count: number): number[] {
  return Array.from({ length: count }, () => distribution.sample(rng));
}

/** An Rng that returns the given values in turn, then repeats the last one. */
export function scriptedRng(...values: number[]): Rng {
  let index = 0;
  return () => values[Math.min(index++, values.length - 1)];
}

/** Asserts that `action` throws an instance of `type` whose message is exactly `message`. */
export function expectThrowsExactly(
  action: () => unknown,
  type: abstract new (...args: never[]) => Error,
  message: string,
): void {
  let caught: unknown = undefined;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(type);
  expect((caught as Error).message).toBe(message);
}
