import { describe, expect, it } from "vitest";
import { MINUTES_PER_WEEK, Roster, RosterError } from "../../src/system/roster.js";

const everyDay = [0, 1, 2, 3, 4, 5, 6];
const h = (hours: number) => hours * 60;

/** Units on duty at every change over `weeks` weeks, following nextChangeAfter from time 0. */
function capacityTrace(roster: Roster, weeks: number): Array<[number, number]> {
  const out: Array<[number, number]> = [[0, roster.unitsAt(0)]];
  for (let t = roster.nextChangeAfter(0); t < weeks * MINUTES_PER_WEEK; t = roster.nextChangeAfter(t)) out.push([t, roster.unitsAt(t)]);
  return out;
}

describe("Roster", () => {
  it("sums overlapping shifts and wraps a night shift past midnight", () => {
    const roster = Roster.fromShifts([
      { fromMin: h(7), toMin: h(17), units: 4, days: everyDay },
      { fromMin: h(15), toMin: h(1), units: 3, days: everyDay },
    ]);
    expect([h(0), h(0.5), h(1), h(7), h(15), h(16), h(17), h(23)].map((t) => roster.unitsAt(t))).toEqual([3, 3, 0, 4, 7, 7, 3, 3]);
  });

  it("repeats the same capacity trace in the second week as in the first", () => {
    const roster = Roster.fromShifts([
      { fromMin: h(8), toMin: h(16), units: 2, days: [0, 1, 2, 3, 4] },
      { fromMin: h(22), toMin: h(6), units: 1, days: [6] },
    ]);
    const trace = capacityTrace(roster, 2);
    expect(trace.slice(0, 4)).toEqual([
      [0, 1],
      [h(6), 0],
      [h(8), 2],
      [h(16), 0],
    ]);
    const firstWeek = trace.filter(([t]) => t < MINUTES_PER_WEEK);
    const secondWeek = trace.filter(([t]) => t >= MINUTES_PER_WEEK).map(([t, u]) => [t - MINUTES_PER_WEEK, u]);
    // The Sunday-night shift carries over into Monday 00:00-06:00 of every week, the first included.
    expect(secondWeek).toEqual(firstWeek);
    expect(roster.toString()).toBe("mon 00:00 1, mon 06:00 0, mon 08:00 2, mon 16:00 0, tue 08:00 2, tue 16:00 0, wed 08:00 2, wed 16:00 0, thu 08:00 2, thu 16:00 0, fri 08:00 2, fri 16:00 0, sun 22:00 1");
  });

  it("counts paid unit-hours per week and combines rosters by addition", () => {
    const day = Roster.fromShifts([{ fromMin: h(8), toMin: h(18), units: 2, days: everyDay }]);
    const night = Roster.fromShifts([{ fromMin: h(18), toMin: h(8), units: 1, days: everyDay }]);
    expect(day.unitHoursPerWeek).toBe(140);
    const both = day.plus(night);
    expect(both.unitHoursPerWeek).toBe(140 + 98);
    expect(both.maxUnits).toBe(2);
    expect(both.unitsAt(h(3))).toBe(1);
  });

  it("keeps units on duty all week for a 00:00-24:00 shift every day, Sunday night included", () => {
    const roster = Roster.fromShifts([{ fromMin: 0, toMin: h(24), units: 10, days: everyDay }]);
    expect(roster.toString()).toBe("mon 00:00 10");
    expect(roster.unitHoursPerWeek).toBe(10 * 168);
  });

  it("never changes when it is constant", () => {
    const roster = Roster.constant(10);
    expect(roster.unitsAt(123456)).toBe(10);
    expect(roster.nextChangeAfter(0)).toBe(Infinity);
  });

  it("rejects a negative or fractional unit count", () => {
    expect(() => Roster.fromShifts([{ fromMin: 0, toMin: 60, units: -2, days: everyDay }])).toThrow(
      new RosterError("shifts[0].units must be an integer >= 0, got -2"),
    );
    expect(() => Roster.constant(1.5)).toThrow(/units must be an integer >= 0, got 1.5/);
  });
});
