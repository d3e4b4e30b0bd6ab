import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { createStream, createUint32Stream, streamKey } from "../../src/random/streams.js";
import { expectThrowsExactly } from "./helpers.js";

const take = (rng: () => number, count: number): number[] => Array.from({ length: count }, rng);

describe("streamKey", () => {
  it("joins seed, replication and name as seed/replication/name", () => {
    expect(streamKey(42, 3, "arrivals")).toBe("42/3/arrivals");
    expect(streamKey(-7, 0, "on-scene/clinician")).toBe("-7/0/on-scene/clinician");
  });

  it("rejects a seed that is not a safe integer, with the value in the message", () => {
    expectThrowsExactly(() => streamKey(1.5, 0, "a"), RangeError, "stream: seed must be a safe integer, got 1.5");
    expectThrowsExactly(() => streamKey(Number.NaN, 0, "a"), RangeError, "stream: seed must be a safe integer, got NaN");
  });

  it("rejects a negative or fractional replication", () => {
    expectThrowsExactly(() => streamKey(1, -1, "a"), RangeError, "stream: replication must be a safe integer >= 0, got -1");
    expectThrowsExactly(() => streamKey(1, 0.5, "a"), RangeError, "stream: replication must be a safe integer >= 0, got 0.5");
  });

  it("rejects an empty name", () => {
    expectThrowsExactly(() => streamKey(1, 0, ""), RangeError, 'stream: name must be a non-empty string, got ""');
  });
});

describe("createStream", () => {
  it("is seedrandom's alea keyed on seed/replication/name", () => {
    expect(take(createStream(7, 2, "travel"), 10)).toEqual(take(seedrandom.alea("7/2/travel"), 10));
  });

  it("pins the first draws of stream (20240601, 0, pinned)", () => {
    expect(take(createStream(20240601, 0, "pinned"), 5)).toEqual([
      0.7136483523063362, 0.9942331451456994, 0.9952936097979546, 0.7264459801372141,
      0.8218269504141062,
    ]);
  });

  it("gives the same sequence for the same (seed, replication, name)", () => {
    expect(take(createStream(1, 4, "arrivals"), 100)).toEqual(take(createStream(1, 4, "arrivals"), 100));
  });

  it("gives different sequences for different names, replications and seeds", () => {
    const base = take(createStream(1, 0, "arrivals"), 20);
    expect(take(createStream(1, 0, "travel"), 20)).not.toEqual(base);
    expect(take(createStream(1, 1, "arrivals"), 20)).not.toEqual(base);
    expect(take(createStream(2, 0, "arrivals"), 20)).not.toEqual(base);
  });

  it("draws values in [0, 1) with mean within 0.005 of 1/2 over 100,000 draws", () => {
    const rng = createStream(3, 0, "uniformity");
    let sum = 0;
    let smallest = Infinity;
    let largest = -Infinity;
    for (let i = 0; i < 100_000; i++) {
      const u = rng();
      smallest = Math.min(smallest, u);
      largest = Math.max(largest, u);
      sum += u;
    }
    expect(smallest).toBeGreaterThanOrEqual(0);
    expect(largest).toBeLessThan(1);
    // Standard error of the mean is sqrt(1/12 / 1e5) ≈ 0.0009, so 0.005 is about 5.5 SE.
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.005);
  });

  it("gives streams whose draws are uncorrelated across names (|r| < 0.015 over 100,000 pairs)", () => {
    const a = createStream(5, 0, "a");
    const b = createStream(5, 0, "b");
    let sa = 0, sb = 0, sab = 0, saa = 0, sbb = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const x = a();
      const y = b();
      sa += x; sb += y; sab += x * y; saa += x * x; sbb += y * y;
    }
    const r = (sab / n - (sa / n) * (sb / n)) /
      Math.sqrt((saa / n - (sa / n) ** 2) * (sbb / n - (sb / n) ** 2));
    // Under independence r has standard error 1/sqrt(n) ≈ 0.0032; 0.015 is about 4.7 SE.
    expect(Math.abs(r)).toBeLessThan(0.015);
  });
});

describe("createUint32Stream", () => {
  it("returns unsigned 32-bit integers equal to the matching uniform stream scaled by 2^32", () => {
    const integers = take(createUint32Stream(9, 1, "call-seeds"), 1000);
    const uniforms = take(createStream(9, 1, "call-seeds"), 1000);
    for (let i = 0; i < integers.length; i++) {
      expect(Number.isInteger(integers[i])).toBe(true);
      expect(integers[i]).toBeGreaterThanOrEqual(0);
      expect(integers[i]).toBeLessThan(2 ** 32);
      expect(integers[i]).toBe(Math.floor(uniforms[i] * 2 ** 32));
    }
  });

  it("pins the first draws of stream (20240601, 0, call-seeds)", () => {
    expect(take(createUint32Stream(20240601, 0, "call-seeds"), 5)).toEqual([
      1998921856, 3059331889, 2140747920, 1098524609, 1954213989,
    ]);
  });

  it("validates its arguments like createStream", () => {
    expectThrowsExactly(() => createUint32Stream(0, -2, "x"), RangeError, "stream: replication must be a safe integer >= 0, got -2");
  });
});
