// Per-call random substreams for common random numbers.
//
// Every simulated call carries one 32-bit seed drawn at arrival. Whatever response model serves
// the call draws its travel, on-scene and outcome values from `reset(call.seed, PURPOSE)`, so the
// same call gets the same draws in every model, whatever order the calls are served in.
//
// Generator: splitmix32, the 32-bit form of SplitMix (Steele, Lea & Flood 2014, "Fast
// splittable pseudorandom number generators", OOPSLA): a Weyl sequence with step 0x9e3779b9
// (2^32 / golden ratio), each state passed through a 2-round xorshift-multiply hash (constants
// 0x21f0aaad, 0x735a2d97 from Wellons' hash-prospector, as in bryc's "PRNGs.md" splitmix32).
// The hash is a bijection of the state, so a substream repeats nothing in its 2^32-draw period.
// One instance is reused for every call: `reset` and `next` allocate nothing.

import type { Rng, Uint32Rng } from "./rng.js";

/** Weyl step of splitmix32: floor(2^32 / φ), odd, so the sequence visits all 2^32 states. */
const WEYL_STEP = 0x9e3779b9;

/** 2^-32: maps an unsigned 32-bit integer to [0, 1 - 2^-32], never 1. */
const UINT32_TO_UNIT = 1 / 4294967296;

/**
 * Offset added to `purpose` before hashing: fmix32(0) is 0, and this keeps purpose 0 from
 * leaving the call seed unmixed by the purpose key. (First 32 bits of frac(√2), SHA-2's H1.)
 */
const PURPOSE_OFFSET = 0x6a09e667;

/** MurmurHash3's fmix32 finalizer (Appleby 2011): full avalanche, a bijection on 32 bits. */
function fmix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** How many purposes get their hashed key from a table (every one in purposes.ts, with room). */
const KEYED_PURPOSES = 64;

/**
 * fmix32(purpose + PURPOSE_OFFSET) for purposes 0 .. KEYED_PURPOSES - 1, computed once: `reset`
 * runs several times per call, and this halves its hashing.
 */
const PURPOSE_KEYS = Int32Array.from({ length: KEYED_PURPOSES }, (_, purpose) => purposeKey(purpose));

/**
 * A tiny, reusable, allocation-free generator for per-call substreams.
 *
 * Usage: `callRandom.reset(call.seed, TRAVEL); const minutes = travel.sample(callRandom.next);`
 *
 * Seeding mixes both the call seed and the purpose through MurmurHash3's fmix32, so purposes
 * 0..15 of one call, and neighbouring call seeds, start at unrelated points of the cycle. With a
 * 32-bit state two (seed, purpose) pairs overlap only when their starting points fall within a
 * few steps of each other, probability about (draws per substream) / 2^32 per pair.
 */
export class CallRandom {
  /** Current splitmix32 state, a signed 32-bit integer. */
  private state = 0;

  /**
   * Next uniform on [0, 1): k / 2^32 for an integer k in 0 .. 2^32 - 1, so never 1.
   * An arrow-function property, so it can be passed as an {@link Rng} without `bind`.
   */
  readonly next: Rng = () => {
    const state = (this.state + WEYL_STEP) | 0;
    this.state = state;
    let z = Math.imul(state ^ (state >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return ((z ^ (z >>> 15)) >>> 0) * UINT32_TO_UNIT;
  };

  /**
   * Next unsigned 32-bit integer (0 .. 2^32 - 1); advances the same sequence as `next`, from which
   * it is exact (k / 2^32 times 2^32 is k), so the step is written once and a per-call draw is one call.
   */
  readonly nextUint32: Uint32Rng = () => this.next() * 4294967296;

  /**
   * Builds a generator already reset to (`callSeed`, `purpose`).
   *
   * @throws {RangeError} as {@link CallRandom.reset}.
   */
  constructor(callSeed = 0, purpose = 0) {
    this.reset(callSeed, purpose);
  }

  /**
   * Restarts the generator at the substream for one call and one purpose; the same arguments
   * always replay the same sequence.
   *
   * @param callSeed - the call's seed, an unsigned 32-bit integer (0 .. 2^32 - 1).
   * @param purpose - a small integer naming what the draws are for (travel, on-scene, ...);
   *   any unsigned 32-bit integer is accepted, 0..15 is typical.
   * @throws {RangeError} if either argument is not an unsigned 32-bit integer.
   */
  reset(callSeed: number, purpose: number): void {
    // The checks throw from a separate function: `reset` runs several times per call, and a small
    // body is one V8 inlines into its callers.
    if (callSeed >>> 0 !== callSeed || purpose >>> 0 !== purpose) badReset(callSeed, purpose);
    const key = purpose < KEYED_PURPOSES ? PURPOSE_KEYS[purpose] : purposeKey(purpose);
    this.state = fmix32(callSeed ^ key) | 0;
  }
}

/** A purpose's hashed key, computed (a purpose beyond the table's): out of `reset`, to keep it small. */
function purposeKey(purpose: number): number {
  return fmix32((purpose + PURPOSE_OFFSET) | 0);
}

function badReset(callSeed: number, purpose: number): never {
  const [name, value] = callSeed >>> 0 !== callSeed ? ["callSeed", callSeed] : ["purpose", purpose];
  throw new RangeError(`CallRandom.reset: ${name} must be an integer in [0, 4294967295], got ${String(value)}`);
}
