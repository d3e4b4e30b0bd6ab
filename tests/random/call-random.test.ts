import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CallRandom } from "../../src/random/call-random.js";
import { exponential } from "../../src/random/distributions/exponential.js";
import { expectThrowsExactly } from "./helpers.js";

const take = (random: CallRandom, count: number): number[] =>
  Array.from({ length: count }, random.next);

/** Pearson correlation of two equally long samples. */
function correlation(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let sx = 0, sy = 0;
  for (let i = 0; i < n; i++) { sx += x[i]; sy += y[i]; }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** First draw of substream (seed, purpose) for seeds 0 .. count − 1, with `seedOffset` added. */
function firstDrawsBySeed(count: number, purpose: number, seedOffset = 0): Float64Array {
  const random = new CallRandom();
  const draws = new Float64Array(count);
  for (let seed = 0; seed < count; seed++) {
    random.reset(seed + seedOffset, purpose);
    draws[seed] = random.next();
  }
  return draws;
}

describe("CallRandom", () => {
  it("pins the first draws of substream (callSeed=123456789, purpose=3)", () => {
    const random = new CallRandom();
    random.reset(123456789, 3);
    expect(take(random, 5)).toEqual([
      0.6949531123973429, 0.08206040784716606, 0.622184986481443, 0.6991872659418732,
      0.07803049497306347,
    ]);
  });

  it("pins the first 32-bit outputs of substream (0, 0)", () => {
    const random = new CallRandom(0, 0);
    expect([random.nextUint32(), random.nextUint32(), random.nextUint32()]).toEqual([
      2682770877, 3763883531, 2888315416,
    ]);
  });

  it("repeats the same sequence after reset with the same (seed, purpose), whatever came between", () => {
    const random = new CallRandom();
    random.reset(2024, 5);
    const first = take(random, 20);
    random.reset(99, 1);
    take(random, 7);
    random.reset(2024, 5);
    expect(take(random, 20)).toEqual(first);
  });

  it("gives the same draws to a call whichever order calls are served in", () => {
    const seeds = [11, 22, 33, 44];
    const served = (order: number[]): Map<number, number[]> => {
      const random = new CallRandom();
      const draws = new Map<number, number[]>();
      for (const seed of order) {
        random.reset(seed, 2);
        draws.set(seed, take(random, 3));
      }
      return draws;
    };
    const forward = served(seeds);
    const backward = served([...seeds].reverse());
    for (const seed of seeds) expect(backward.get(seed)).toEqual(forward.get(seed));
  });

  it("gives purposes 0..15 of the same call pairwise different first draws", () => {
    const random = new CallRandom();
    for (const seed of [0, 1, 2, 0xffffffff, 123456789]) {
      const firsts = new Set<number>();
      for (let purpose = 0; purpose < 16; purpose++) {
        random.reset(seed, purpose);
        firsts.add(random.next());
      }
      expect(firsts.size).toBe(16);
    }
  });

  it("gives uncorrelated first draws across purposes and across neighbouring seeds (|r| < 0.015 over 100,000 calls)", () => {
    const purpose0 = firstDrawsBySeed(100_000, 0);
    // Standard error of r under independence is 1/sqrt(1e5) ≈ 0.0032; 0.015 is about 4.7 SE.
    expect(Math.abs(correlation(purpose0, firstDrawsBySeed(100_000, 1)))).toBeLessThan(0.015);
    expect(Math.abs(correlation(purpose0, firstDrawsBySeed(100_000, 15)))).toBeLessThan(0.015);
    expect(Math.abs(correlation(purpose0, firstDrawsBySeed(100_000, 0, 1)))).toBeLessThan(0.015);
  });

  it("has first draws over consecutive seeds with mean within 0.005 of 1/2 and variance within 2% of 1/12", () => {
    const draws = firstDrawsBySeed(100_000, 4);
    let sum = 0;
    for (const u of draws) sum += u;
    const mean = sum / draws.length;
    let squares = 0;
    for (const u of draws) squares += (u - mean) ** 2;
    // SE of the mean ≈ 0.0009 (5.5 SE); SE of the variance ≈ 0.3% of 1/12 (about 7 SE).
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(squares / (draws.length - 1) - 1 / 12)).toBeLessThan(0.02 / 12);
  });

  it("always returns values in [0, 1) and replays them after reset, for any uint32 seed and purpose", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (seed, purpose) => {
          const random = new CallRandom(seed, purpose);
          const draws = take(random, 32);
          for (const u of draws) {
            if (!(u >= 0 && u < 1)) return false;
          }
          random.reset(seed, purpose);
          return take(random, 32).every((u, i) => u === draws[i]);
        },
      ),
      { seed: 20240601, numRuns: 500 },
    );
  });

  it("maps 32-bit outputs to k / 2^32, so its largest possible value is 1 − 2^-32, never 1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.nat(15), (seed, purpose) => {
        const integers = new CallRandom(seed, purpose);
        const uniforms = new CallRandom(seed, purpose);
        for (let i = 0; i < 8; i++) {
          const k = integers.nextUint32();
          if (!Number.isInteger(k) || k < 0 || k > 0xffffffff) return false;
          if (uniforms.next() !== k / 2 ** 32) return false;
        }
        return true;
      }),
      { seed: 7, numRuns: 300 },
    );
    expect(0xffffffff / 2 ** 32).toBeLessThan(1);
  });

  it("exposes next as an Rng usable without binding", () => {
    const random = new CallRandom(5, 1);
    const { next } = random;
    const draws = [exponential(10).sample(next), exponential(10).sample(next)];
    random.reset(5, 1);
    expect([exponential(10).sample(random.next), exponential(10).sample(random.next)]).toEqual(draws);
  });

  it("rejects call seeds and purposes that are not unsigned 32-bit integers", () => {
    const random = new CallRandom();
    expectThrowsExactly(() => random.reset(-1, 0), RangeError,
      "CallRandom.reset: callSeed must be an integer in [0, 4294967295], got -1");
    expectThrowsExactly(() => random.reset(2 ** 32, 0), RangeError,
      "CallRandom.reset: callSeed must be an integer in [0, 4294967295], got 4294967296");
    expectThrowsExactly(() => random.reset(1, 0.5), RangeError,
      "CallRandom.reset: purpose must be an integer in [0, 4294967295], got 0.5");
    expectThrowsExactly(() => new CallRandom(Number.NaN), RangeError,
      "CallRandom.reset: callSeed must be an integer in [0, 4294967295], got NaN");
  });
});
