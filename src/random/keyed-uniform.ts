// Keyed draws: a uniform that is a pure function of a key (seed, a, b, ...), not the next value of
// a sequence. Streams keep common random numbers only while the draws happen in the same order;
// a draw named by its key (say, unit k of a shift block on a given day) stays the same however
// many other keys are drawn around it, so two configurations that differ in one place share
// every other draw.
//
// No second hash: each step is CallRandom's seeding (MurmurHash3's fmix32 of the seed xor the
// mixed key) followed by one splitmix32 output, chained one key component at a time. Every step is
// a bijection of the running hash for a fixed component and of the component for a fixed hash,
// so two keys that differ in exactly one component never hash alike.

import { CallRandom } from "./call-random.js";

/** 2^32: the number of distinct hashes. */
const HASHES = 4294967296;

// Shared and reset on every use: single-threaded, and each worker has its own module instance.
const generator = new CallRandom();

/**
 * Hashes (`hash`, `key`) to an unsigned 32-bit integer.
 *
 * @param hash - the running hash or seed; an integer, taken modulo 2^32 (negative is fine).
 * @param key - one key component; an integer, taken modulo 2^32 (negative is fine, e.g. a day
 *   before the run starts).
 */
export function mixKey(hash: number, key: number): number {
  generator.reset(hash >>> 0, key >>> 0);
  return generator.nextUint32();
}

/** Folds integer key components into `seed` in order, as repeated {@link mixKey}. */
export function mixKeys(seed: number, keys: readonly number[]): number {
  let hash = seed >>> 0;
  for (const key of keys) hash = mixKey(hash, key);
  return hash;
}

/**
 * Maps a 32-bit hash to the open interval (0, 1): (hash + 0.5) / 2^32, so the smallest value is
 * 2^-33 (about 1.2e-10). Never 0, so `u < p` is false for every hash when p is tiny: a
 * probability of 0 and of 1e-12 then decide every draw the same way.
 */
export function openUnitInterval(hash: number): number {
  return ((hash >>> 0) + 0.5) / HASHES;
}

/** A uniform on (0, 1) keyed by (`hash`, `key`): `openUnitInterval(mixKey(hash, key))`. */
export function keyedUniform(hash: number, key: number): number {
  return openUnitInterval(mixKey(hash, key));
}
