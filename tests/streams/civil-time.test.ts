import { describe, expect, it } from "vitest";
import { civilFromDays, daysFromCivil, daysInMonth, formatCivilSeconds, weekday } from "../../src/streams/civil-time.js";

describe("civil time", () => {
  it("counts days from 1970-01-01 as the proleptic Gregorian calendar does", () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2023, 1, 1)).toBe(Date.UTC(2023, 0, 1) / 86_400_000);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
    expect(daysFromCivil(2000, 3, 1) - daysFromCivil(2000, 2, 28)).toBe(2);
  });

  it("turns day numbers back into the same dates over four centuries", () => {
    for (let days = -150_000; days < 150_000; days += 97) {
      const { year, month, day } = civilFromDays(days);
      expect(daysFromCivil(year, month, day)).toBe(days);
    }
  });

  it("knows Monday is 0: 2023-01-01 was a Sunday, 2022-12-26 a Monday", () => {
    expect(weekday(daysFromCivil(2023, 1, 1))).toBe(6);
    expect(weekday(daysFromCivil(2022, 12, 26))).toBe(0);
    expect(weekday(-1)).toBe(2);
  });

  it("knows February's length in leap and common years", () => {
    expect([daysInMonth(2023, 2), daysInMonth(2024, 2), daysInMonth(1900, 2), daysInMonth(2000, 2)]).toEqual([28, 29, 28, 29]);
  });

  it("writes civil seconds as ISO-8601 local time", () => {
    expect(formatCivilSeconds(daysFromCivil(2023, 1, 31) * 86_400 + 13 * 3600 + 45 * 60 + 7)).toBe("2023-01-31T13:45:07");
  });
});
