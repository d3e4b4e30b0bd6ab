import { describe, expect, it } from "vitest";
import { TimeZone } from "../../src/import/time-zone.js";
import { daysFromCivil } from "../../src/streams/civil-time.js";

const la = new TimeZone("America/Los_Angeles");
const civil = (y: number, mo: number, d: number, h: number, mi = 0) => daysFromCivil(y, mo, d) * 86_400 + h * 3600 + mi * 60;

describe("TimeZone", () => {
  it("knows Pacific standard and daylight time", () => {
    expect(la.offsetAtUtc(Date.UTC(2023, 0, 15) / 1000)).toBe(-8 * 3600);
    expect(la.offsetAtUtc(Date.UTC(2023, 6, 15) / 1000)).toBe(-7 * 3600);
  });

  it("measures real elapsed time across the night DST ends (01:50 daylight time to 02:10 standard time is 80 minutes, not 20)", () => {
    const before = la.utcFromCivil(civil(2021, 11, 7, 1, 50));
    const after = la.utcFromCivil(civil(2021, 11, 7, 2, 10));
    expect((after - before) / 60).toBe(80);
    // The repeated hour is read as its first occurrence.
    expect(la.utcFromCivil(civil(2021, 11, 7, 1, 30))).toBe(Date.UTC(2021, 10, 7, 8, 30) / 1000);
  });

  it("tells a time zone from a typo", () => {
    expect(TimeZone.isValid("America/Los_Angeles")).toBe(true);
    expect(TimeZone.isValid("PST8")).toBe(false);
    expect(new TimeZone("UTC").utcFromCivil(123)).toBe(123);
  });
});
