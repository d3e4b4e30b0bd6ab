/** A difference is clear of chance only when its 95% interval excludes zero; periods are named as measured. */
import { describe, expect, it } from "vitest";
import { excludesZero } from "../../src/report/headline.js";
import { periodPhrase, perPeriod } from "../../src/report/period.js";

describe("excludesZero", () => {
  it("is true only when the whole interval lies on one side of zero", () => {
    expect(excludesZero({ mean: 1, ci95: [0.1, 2], n: 3 })).toBe(true);
    expect(excludesZero({ mean: -1, ci95: [-2, -0.1], n: 3 })).toBe(true);
    expect(excludesZero({ mean: 1, ci95: [0, 2], n: 3 })).toBe(false);
    expect(excludesZero({ mean: 1, ci95: null, n: 1 })).toBe(false);
    expect(excludesZero(undefined)).toBe(false);
  });
});

describe("periodPhrase and perPeriod", () => {
  it("say a year for 365 measured days and the number of days otherwise", () => {
    expect([periodPhrase(365), perPeriod(365)]).toEqual(["a year", "per year"]);
    expect([periodPhrase(90), perPeriod(90), periodPhrase(1)]).toEqual(["over 90 days", "per 90 days", "over 1 day"]);
  });
});
