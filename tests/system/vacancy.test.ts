import { describe, expect, it } from "vitest";
import { runReplication } from "../../src/experiment/run-replication.js";
import { validateScenario } from "../../src/scenario/load.js";
import { tinyScenario } from "../helpers/tiny-world.js";

/** Patrol with a day shift and a night shift that wraps midnight, at the given vacancy rate. */
function run(vacancy: number, days = 28) {
  const scenario: any = tinyScenario({ run: { horizonDays: days, warmupDays: 0, seed: 3, replications: 1 } });
  scenario.demand.callsPerDay = 60;
  scenario.unitTypes.patrol.onSceneMin.default = { dist: "exponential", mean: 45 };
  scenario.models["police-only"].staffing.patrol = [
    { from: "07:00", to: "19:00", units: 3 },
    { from: "19:00", to: "07:00", units: 2 },
  ];
  if (vacancy > 0) scenario.models["police-only"].vacancy = { patrol: vacancy };
  const { config } = validateScenario(scenario, "vacancy.yaml");
  return runReplication({ scenario: config, modelIndex: 0, replication: 0 }).values;
}

describe("vacancies", () => {
  const rosteredHours = (3 * 12 + 2 * 12) * 28;

  it("staff every rostered hour, the night shift running at time 0 included, when almost no shift is vacant", () => {
    // costPerHour is 60 in the tiny world: cost = 60 x staffed hours. Per-shift staffing also pays
    // the overtime of units that finish a call after their own shift ends (a few hours here); the
    // weekly step function lets an outgoing unit carry on into the next shift instead.
    const perShift = run(1e-12).get("cost.staffing")! / 60;
    expect(perShift).toBeGreaterThanOrEqual(rosteredHours);
    expect(perShift).toBeLessThan(rosteredHours * 1.02);
    expect(run(0).get("cost.staffing")! / 60).toBeGreaterThanOrEqual(rosteredHours);
  });

  it("leave about the vacancy rate of unit-hours unstaffed, drawn per shift", () => {
    const staffedShare = run(0.25).get("cost.staffing")! / (60 * rosteredHours);
    // 280 unit-shifts, each filled with probability 0.75: the share's sd is about 0.026.
    expect(staffedShare).toBeGreaterThan(0.75 - 0.08);
    expect(staffedShare).toBeLessThan(0.75 + 0.08);
  });

  it("raise waits and utilization on the same calls", () => {
    const full = run(0);
    const short = run(0.3);
    expect(short.get("calls")).toBe(full.get("calls"));
    expect(short.get("queueWaitMin.mean")!).toBeGreaterThan(full.get("queueWaitMin.mean")!);
    expect(short.get("utilization.patrol")!).toBeGreaterThan(full.get("utilization.patrol")!);
  });
});
