import { describe, expect, it } from "vitest";
import { CallRandom } from "../../src/random/call-random.js";

/** MurmurHash3's fmix32, written out independently of the module under test. */
function fmix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The first 32-bit outputs of substream (seed, purpose) by the documented recipe. */
function reference(seed: number, purpose: number, count: number): number[] {
  let state = fmix32(seed ^ fmix32((purpose + 0x6a09e667) | 0)) | 0;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    state = (state + 0x9e3779b9) | 0;
    let z = Math.imul(state ^ (state >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    out.push((z ^ (z >>> 15)) >>> 0);
  }
  return out;
}

const PURPOSES = [0, 1, 5, 21, 31, 62, 63, 64, 65, 100, 2 ** 31 - 1, 2 ** 31, 0xffffffff];
const SEEDS = [0, 1, 123456789, 2 ** 31, 0xffffffff];

describe("CallRandom seeding", () => {
  it("starts every (seed, purpose) substream where fmix32(seed ^ fmix32(purpose + 0x6a09e667)) puts it, for small and large purposes alike", () => {
    const random = new CallRandom();
    for (const seed of SEEDS) {
      for (const purpose of PURPOSES) {
        random.reset(seed, purpose);
        expect([random.nextUint32(), random.nextUint32(), random.nextUint32()]).toEqual(reference(seed, purpose, 3));
      }
    }
  });

  it("draws next() as the same sequence's 32-bit outputs divided by 2^32", () => {
    const random = new CallRandom();
    for (const seed of SEEDS) {
      for (const purpose of PURPOSES) {
        random.reset(seed, purpose);
        const draws = [random.next(), random.next(), random.nextUint32(), random.next()];
        const expected = reference(seed, purpose, 4);
        expect(draws).toEqual([expected[0] / 2 ** 32, expected[1] / 2 ** 32, expected[2], expected[3] / 2 ** 32]);
      }
    }
  });
});
