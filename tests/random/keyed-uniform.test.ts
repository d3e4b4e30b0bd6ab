import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CallRandom } from "../../src/random/call-random.js";
import { keyedUniform, mixKey, mixKeys, openUnitInterval } from "../../src/random/keyed-uniform.js";

describe("keyed uniforms", () => {
  it("are CallRandom's first 32-bit output for (hash, key), so no second hash is involved", () => {
    for (const [hash, key] of [[0, 0], [123456789, 3], [0xffffffff, 7]]) {
      expect(mixKey(hash, key)).toBe(new CallRandom(hash, key).nextUint32());
    }
    expect(mixKeys(5, [1, 2, 3])).toBe(mixKey(mixKey(mixKey(5, 1), 2), 3));
    expect(mixKeys(5, [])).toBe(5);
  });

  it("depend on the key alone, whatever was drawn before", () => {
    const first = keyedUniform(42, 9);
    for (let key = 0; key < 100; key++) keyedUniform(7, key);
    expect(keyedUniform(42, 9)).toBe(first);
  });

  it("take a negative key (a day before the run) modulo 2^32", () => {
    expect(mixKey(11, -1)).toBe(mixKey(11, 0xffffffff));
    expect(mixKey(-1, 3)).toBe(mixKey(0xffffffff, 3));
  });

  it("never hash two keys that differ in one component alike", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), (a, b, c) => {
        fc.pre(b !== c);
        expect(mixKey(a, b)).not.toBe(mixKey(a, c));
        expect(mixKey(b, a)).not.toBe(mixKey(c, a));
      }),
    );
  });

  it("lie strictly between 0 and 1, even at the extreme hashes, so a probability of 1e-12 never fires", () => {
    expect(openUnitInterval(0)).toBe(2 ** -33);
    expect(openUnitInterval(0xffffffff)).toBeLessThan(1);
    expect(openUnitInterval(0) < 1e-12).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer(), (hash, key) => {
        const u = keyedUniform(hash, key);
        expect(u).toBeGreaterThan(0);
        expect(u).toBeLessThan(1);
      }),
    );
  });

  it("are uniform over consecutive keys: mean within 0.005 of 1/2 and every tenth within 5% of its share", () => {
    const count = 100_000;
    const bins = new Array<number>(10).fill(0);
    let sum = 0;
    const day = mixKey(0xdeadbeef, 17);
    for (let unit = 0; unit < count; unit++) {
      const u = keyedUniform(day, unit);
      sum += u;
      bins[Math.floor(u * 10)]++;
    }
    // SE of the mean ≈ 0.0009; SE of a bin count ≈ 95 (about 1% of 10,000).
    expect(Math.abs(sum / count - 0.5)).toBeLessThan(0.005);
    for (const n of bins) expect(Math.abs(n - count / 10)).toBeLessThan(count / 200);
  });
});
