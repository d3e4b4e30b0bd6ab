/**
 * groupedNumber writes every number exactly as toLocaleString("en-US") does, so the figures of
 * `resim run` (console, summary files, refusal messages) read the same without Intl's start-up.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupedNumber } from "../../src/output/grouped-number.js";

const intl = (value: number, maximumFractionDigits = 3) => value.toLocaleString("en-US", { maximumFractionDigits });

describe("groupedNumber", () => {
  it("groups digits by three with commas and keeps at most three decimals by default", () => {
    expect(groupedNumber(0)).toBe("0");
    expect(groupedNumber(999)).toBe("999");
    expect(groupedNumber(1000)).toBe("1,000");
    expect(groupedNumber(-1234567)).toBe("-1,234,567");
    expect(groupedNumber(1234.5678)).toBe("1,234.568");
    expect(groupedNumber(100_000)).toBe("100,000");
  });

  it("rounds the shortest decimal that reads back as the number, ties away from zero, as ICU does", () => {
    expect(groupedNumber(1.0025)).toBe("1.003"); // toFixed(3) gives 1.002 (the double is 1.00249...)
    expect(groupedNumber(-1.0025)).toBe("-1.003");
    expect(groupedNumber(9.9995)).toBe("10");
    expect(groupedNumber(999_999.9995)).toBe("1,000,000");
    expect(groupedNumber(0.0005)).toBe("0.001");
    expect(groupedNumber(0.00049999)).toBe("0");
    expect(groupedNumber(6e-7, 6)).toBe("0.000001");
  });

  it("writes a negative that rounds to zero, and negative zero, as -0", () => {
    expect(groupedNumber(-0)).toBe("-0");
    expect(groupedNumber(-0.0001)).toBe("-0");
  });

  it("writes numbers String() puts in exponent form in full", () => {
    expect(groupedNumber(1e21)).toBe("1,000,000,000,000,000,000,000");
    expect(groupedNumber(2.5e-7, 6)).toBe("0");
    expect(groupedNumber(1.5e-6, 6)).toBe("0.000002");
  });

  it("writes NaN and the infinities as Intl does", () => {
    for (const value of [Number.NaN, Infinity, -Infinity]) expect(groupedNumber(value)).toBe(intl(value));
  });

  it("equals toLocaleString for integers, large and small", () => {
    fc.assert(fc.property(fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }), (n) => groupedNumber(n) === intl(n)), { numRuns: 3_000 });
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => groupedNumber(n) === intl(n)), { numRuns: 3_000 });
  });

  it("equals toLocaleString for any double and any number of decimals from 0 to 20", () => {
    fc.assert(
      fc.property(fc.double(), fc.integer({ min: 0, max: 20 }), (x, digits) => groupedNumber(x, digits) === intl(x, digits)),
      { numRuns: 10_000 },
    );
  });

  it("equals toLocaleString for the figures resim rounds before writing them", () => {
    // run-budget's figure(): four significant digits; scenario assumptions: one decimal, or money to the cent.
    const magnitude = fc.double({ min: -1e9, max: 1e9, noNaN: true });
    fc.assert(fc.property(magnitude, (x) => groupedNumber(Number(x.toPrecision(4))) === intl(Number(x.toPrecision(4)))), { numRuns: 3_000 });
    fc.assert(fc.property(magnitude, (x) => groupedNumber(Number(x.toFixed(1))) === intl(Number(x.toFixed(1)))), { numRuns: 3_000 });
    fc.assert(fc.property(magnitude, (x) => groupedNumber(x, 2) === intl(x, 2)), { numRuns: 3_000 });
    fc.assert(fc.property(magnitude, (x) => groupedNumber(Math.round(x)) === intl(Math.round(x))), { numRuns: 3_000 });
  });

  it("equals toLocaleString on decimals with ties at the last kept digit", () => {
    // Ties are where rounding the binary value and rounding the decimal disagree.
    const tie = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 })).map(([n, exp]) => (n * 10 + 5) / 10 ** (exp + 1));
    fc.assert(fc.property(tie, fc.integer({ min: 0, max: 6 }), (x, digits) => groupedNumber(x, digits) === intl(x, digits)), { numRuns: 3_000 });
  });
});
