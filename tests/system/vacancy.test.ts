import { describe, expect, it } from "vitest";
import { Simulation } from "../../src/engine/simulation.js";
import { runReplication } from "../../src/experiment/run-replication.js";
import type { CallRecord } from "../../src/metrics/call-record.js";
import { validateScenario } from "../../src/scenario/load.js";
import { MINUTES_PER_DAY, Roster, type Shift } from "../../src/system/roster.js";
import { ShiftStaffing } from "../../src/system/vacant-shifts.js";
import { tinyScenario } from "../helpers/tiny-world.js";

/** Patrol with a day shift and a night shift that wraps midnight, at the given vacancy rate. */
function run(vacancy: number, days = 28, staffing?: unknown[]) {
  const scenario: any = tinyScenario({ run: { horizonDays: days, warmupDays: 0, seed: 3, replications: 1 } });
  scenario.demand.callsPerDay = 60;
  scenario.unitTypes.patrol.onSceneMin.default = { dist: "exponential", mean: 45 };
  scenario.models["police-only"].staffing.patrol = staffing ?? [
    { from: "07:00", to: "19:00", units: 3 },
    { from: "19:00", to: "07:00", units: 2 },
  ];
  if (vacancy > 0) scenario.models["police-only"].vacancy = { patrol: vacancy };
  const { config } = validateScenario(scenario, "vacancy.yaml");
  const records: CallRecord[] = [];
  const { values } = runReplication({ scenario: config, modelIndex: 0, replication: 0, onCallEnd: (call) => records.push(call) });
  return { values, records };
}

const h = (hours: number) => hours * 60;
const everyDay = [0, 1, 2, 3, 4, 5, 6];
const weekdays = [0, 1, 2, 3, 4];

/** Runs one slot's staffing for `days` and returns the units on duty after each change, from time 0. */
function staffingTrace(shifts: Shift[], vacancy: number, days: number, seed = 0x1234abcd) {
  const sim = new Simulation();
  const trace: Array<[number, number]> = [];
  const staffing = new ShiftStaffing(sim, shifts, vacancy, seed, (units) => trace.push([sim.now, units]), () => sim.now < days * MINUTES_PER_DAY);
  trace.unshift([0, staffing.start()]);
  sim.run();
  const unitsAt = (t: number) => trace.filter(([time]) => time <= t).at(-1)![1];
  return { staffing, trace, unitsAt };
}

/** Filled units of every block's instance on each day -7 .. days - 1 (whether or not the block runs that day). */
function instanceCounts(staffing: ShiftStaffing, blocks: number, days: number): number[][] {
  return Array.from({ length: blocks }, (_, block) => Array.from({ length: days + 7 }, (_, i) => staffing.filledUnits(block, i - 7)));
}

describe("vacancies", () => {
  const rosteredHours = (3 * 12 + 2 * 12) * 28;

  it("staff every rostered hour, the night shift running at time 0 included, when no shift is vacant", () => {
    // costPerHour is 60 in the tiny world: cost = 60 x staffed hours, plus the overtime of units
    // that finish a call after their shift ends (a few hours here).
    const staffed = run(0).values.get("cost.staffing")! / 60;
    expect(staffed).toBeGreaterThanOrEqual(rosteredHours);
    expect(staffed).toBeLessThan(rosteredHours * 1.02);
  });

  it("staff exactly as with no vacancy at a vacancy of 1e-12, calls and metrics alike, when one block ends as another starts", () => {
    const rosters = [
      undefined,
      // Same count either side of 07:00 and 19:00 (no roster change there), a weekday block ending
      // as another weekday block starts, and a Sunday-night shift that runs into Monday.
      [
        { from: "07:00", to: "19:00", units: 3 },
        { from: "19:00", to: "07:00", units: 3 },
        { from: "10:00", to: "14:00", units: 1, days: ["mon", "tue", "wed", "thu", "fri"] },
        { from: "14:00", to: "18:00", units: 2, days: ["mon", "tue", "wed", "thu", "fri"] },
        { from: "22:00", to: "06:00", units: 1, days: ["sun"] },
      ],
    ];
    for (const staffing of rosters) {
      const none = run(0, 21, staffing);
      const tiny = run(1e-12, 21, staffing);
      expect(none.records.length).toBeGreaterThan(1000);
      expect(tiny.records).toEqual(none.records);
      expect([...tiny.values]).toEqual([...none.values]);
    }
  });

  it("leave about the vacancy rate of unit-hours unstaffed, drawn per shift", () => {
    const staffedShare = run(0.25).values.get("cost.staffing")! / (60 * rosteredHours);
    // 280 unit-shifts, each filled with probability 0.75: the share's sd is about 0.026.
    expect(staffedShare).toBeGreaterThan(0.75 - 0.08);
    expect(staffedShare).toBeLessThan(0.75 + 0.08);
  });

  it("raise waits and utilization on the same calls", () => {
    const full = run(0).values;
    const short = run(0.3).values;
    expect(short.get("calls")).toBe(full.get("calls"));
    expect(short.get("queueWaitMin.mean")!).toBeGreaterThan(full.get("queueWaitMin.mean")!);
    expect(short.get("utilization.patrol")!).toBeGreaterThan(full.get("utilization.patrol")!);
  });
});

describe("shift staffing", () => {
  const shifts: Shift[] = [
    { fromMin: h(7), toMin: h(19), units: 3, days: everyDay },
    { fromMin: h(19), toMin: h(7), units: 2, days: everyDay },
    { fromMin: h(10), toMin: h(14), units: 2, days: weekdays },
    { fromMin: h(7), toMin: h(19), units: 3, days: everyDay },
    { fromMin: h(22), toMin: h(24), units: 4, days: [6] },
  ];
  const days = 35;

  it("puts the roster's units on duty at every minute when no shift is vacant", () => {
    const roster = Roster.fromShifts(shifts);
    const { unitsAt } = staffingTrace(shifts, 0, days);
    for (let t = 0; t < days * MINUTES_PER_DAY; t += 30) expect(unitsAt(t), `minute ${t}`).toBe(roster.unitsAt(t));
  });

  it("puts on duty the sum of the filled units of the shift instances under way", () => {
    const { staffing, trace, unitsAt } = staffingTrace(shifts, 0.3, days);
    const onDuty = (t: number) => {
      let total = 0;
      shifts.forEach((shift, block) => {
        for (let day = -7; day < days; day++) {
          if (!shift.days.includes(((day % 7) + 7) % 7)) continue;
          const start = day * MINUTES_PER_DAY + shift.fromMin;
          const length = shift.toMin > shift.fromMin ? shift.toMin - shift.fromMin : shift.toMin + MINUTES_PER_DAY - shift.fromMin;
          if (start <= t && t < start + length) total += staffing.filledUnits(block, day);
        }
      });
      return total;
    };
    for (let t = 0; t < days * MINUTES_PER_DAY; t += 30) expect(unitsAt(t), `minute ${t}`).toBe(onDuty(t));
    // Changes come once per boundary minute, never twice at one time.
    expect(new Set(trace.map(([time]) => time)).size).toBe(trace.length);
  });

  it("leaves every other block's vacancies as they were when a unit is added to one block or a block is added", () => {
    const base = instanceCounts(staffingTrace(shifts, 0.3, days).staffing, shifts.length, days);
    const filled = base.flat().reduce((a, b) => a + b, 0);
    const rostered = shifts.reduce((sum, s) => sum + s.units, 0) * (days + 7);
    expect(filled / rostered).toBeGreaterThan(0.6);
    expect(filled / rostered).toBeLessThan(0.8);

    for (const changed of [0, 2, 3]) {
      const bigger = shifts.map((s, i) => (i === changed ? { ...s, units: s.units + 1 } : s));
      const counts = instanceCounts(staffingTrace(bigger, 0.3, days).staffing, shifts.length, days);
      counts.forEach((row, block) => {
        if (block !== changed) expect(row, `block ${block}`).toEqual(base[block]);
      });
      // The added unit is a draw of its own: the first units' draws are those of the smaller block.
      const gained = counts[changed].map((n, day) => n - base[changed][day]);
      expect(new Set(gained)).toEqual(new Set([0, 1]));
    }

    const withNewBlock = [{ fromMin: h(12), toMin: h(20), units: 2, days: weekdays }, ...shifts];
    const counts = instanceCounts(staffingTrace(withNewBlock, 0.3, days).staffing, withNewBlock.length, days);
    expect(counts.slice(1)).toEqual(base);
  });
});
