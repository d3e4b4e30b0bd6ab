import { describe, expect, it } from "vitest";
import { TimeZone } from "../../src/import/time-zone.js";
import { compileFormat } from "../../src/import/timestamp-format.js";
import { daysFromCivil } from "../../src/streams/civil-time.js";

const utc = new TimeZone("UTC");
const at = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => daysFromCivil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + s;

describe("timestamp formats", () => {
  it("read San Diego's date_time, San Luis Obispo's date and time, and a 12-hour clock", () => {
    expect(compileFormat("YYYY-MM-DD HH:mm:ss", utc).parse("2023-01-01 00:00:05")).toBe(at(2023, 1, 1, 0, 0, 5));
    expect(compileFormat("MM/DD/YY", utc).parse("09/15/21")).toBe(at(2021, 9, 15));
    expect(compileFormat("HH:mm", utc).parse("23:59")).toBe(23 * 3600 + 59 * 60);
    expect(compileFormat("h:mm:ss A", utc).parse("12:15:36 AM")).toBe(15 * 60 + 36);
    expect(compileFormat("h:mm:ss A", utc).parse(" 4:19:08 pm")).toBe(16 * 3600 + 19 * 60 + 8);
    expect(compileFormat("M/D/YYYY H:mm", utc).parse("1/5/2024 7:03")).toBe(at(2024, 1, 5, 7, 3));
  });

  it("turn epoch instants and ISO offsets into the city's wall clock", () => {
    const chicago = new TimeZone("America/Chicago");
    // San Antonio's ResponseDate: 1704090050000 = 2024-01-01 00:20:50 CST.
    expect(compileFormat("epoch-ms", chicago).parse("1704090050000")).toBe(at(2024, 1, 1, 0, 20, 50));
    expect(compileFormat("iso", chicago).parse("2024-01-01T06:20:50Z")).toBe(at(2024, 1, 1, 0, 20, 50));
    expect(compileFormat("iso", chicago).parse("2024-01-01T00:20:50-06:00")).toBe(at(2024, 1, 1, 0, 20, 50));
    expect(compileFormat("iso", chicago).parse("2024-01-01 00:20:50")).toBe(at(2024, 1, 1, 0, 20, 50));
  });

  it("give NaN for values that are not real times or do not fit the format", () => {
    const format = compileFormat("YYYY-MM-DD HH:mm:ss", utc);
    for (const value of ["2023-13-45 00:00:00", "2023-02-29 00:00:00", "2023-01-01 24:00:00", "2023-01-01", "01/01/2023 00:00:00", "2023-01-01 00:00:00x", ""]) {
      expect(format.parse(value)).toBeNaN();
    }
    expect(compileFormat("h:mm A", utc).parse("13:00 PM")).toBeNaN();
  });

  it("render a sample time for messages", () => {
    expect(["YYYY-MM-DD HH:mm:ss", "MM/DD/YY", "HH:mm", "h:mm:ss A"].map((f) => compileFormat(f, utc).example)).toEqual(["2023-01-31 13:45:00", "01/31/23", "13:45", "1:45:00 PM"]);
  });

  it("refuse formats with unknown tokens, half a date, or a 12-hour clock without AM/PM", () => {
    expect(() => compileFormat("YYYY-MM-DD HH:mm:ss Z", utc)).toThrow("has an unknown token 'Z'");
    expect(() => compileFormat("YYYY-MM-DD HH:MI", utc)).toThrow("gives 'M' twice");
    expect(() => compileFormat("MM/DD HH:mm", utc)).toThrow("must give a whole date (year, month and day) or none");
    expect(() => compileFormat("hh:mm", utc)).toThrow("must use h or hh (12-hour clock) together with A (AM/PM)");
    expect(compileFormat("YYYY-MM-DD", utc).kind).toBe("date");
  });
});
