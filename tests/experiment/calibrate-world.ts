/**
 * A synthetic city whose answer is known, for calibration tests: a call table whose observed
 * times were made by resim itself from a "true" model (a fixed call-processing delay and a
 * roster of 3 patrol units), and a replay scenario that starts from the wrong values (no
 * processing delay, twice the units). Calibration should find its way back to the truth.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { runReplication } from "../../src/experiment/run-replication.js";
import { validateScenario } from "../../src/scenario/load.js";
import { CALL_TABLE_HEADER } from "../../src/streams/call-table.js";

export const TRUE_PROCESSING_MIN = 4;
export const TRUE_UNITS = 3;
export const START_UNITS = 6;
const DAYS = 14;
const CALLS_PER_DAY = 70;

/** A replay scenario on `table` (relative to the scenario) with `units` patrol units around the clock, and two models sharing that roster. */
export function worldScenario(table: string, units: number, processingMin: number | null): Record<string, unknown> {
  const roster = [{ from: "00:00", to: "24:00", units }];
  return {
    name: "calibration-world",
    run: { horizonDays: DAYS, warmupDays: 0, seed: 7, replications: 3, baseline: "police-only" },
    demand: { historical: { file: table }, categories: { other: {} } },
    unitTypes: {
      patrol: {
        crew: { officer: 1 },
        costPerHour: 100,
        travelMin: { dist: "lognormal", median: 5, p90: 10 },
        onSceneMin: { default: { dist: "exponential", mean: 35 } },
        dispositions: { default: { resolved: 1 } },
      },
      "co-responder": {
        crew: { officer: 1, clinician: 1 },
        costPerHour: 130,
        onSceneMin: { default: { dist: "exponential", mean: 40 } },
        dispositions: { default: { resolved: 1 } },
      },
    },
    models: {
      "police-only": { staffing: { patrol: roster }, dispatch: [{ send: ["patrol"] }] },
      "co-responder": {
        staffing: { patrol: roster, "co-responder": [{ from: "10:00", to: "22:00", units: 1 }] },
        dispatch: [{ match: { priorities: [3] }, send: ["co-responder", "patrol"], fallbackAfterMin: 5 }, { send: ["patrol"] }],
      },
    },
    ...(processingMin === null ? {} : { callProcessingMin: { default: { dist: "fixed", value: processingMin } } }),
  };
}

/** 14 days of calls from Monday 2023-01-02, at distinct minutes, priorities 1/2/3 about 10/30/60%. */
function calls(): { text: string; priority: number }[] {
  let state = 12345;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const rows: { text: string; priority: number }[] = [];
  let minute = 0;
  while (true) {
    minute += Math.max(1, Math.round(-Math.log(1 - next()) * (1440 / CALLS_PER_DAY)));
    if (minute >= DAYS * 1440) break;
    const u = next();
    const priority = u < 0.1 ? 1 : u < 0.4 ? 2 : 3;
    const day = 2 + Math.floor(minute / 1440);
    const hh = String(Math.floor((minute % 1440) / 60)).padStart(2, "0");
    const mm = String(minute % 60).padStart(2, "0");
    rows.push({ text: `2023-01-${String(day).padStart(2, "0")}T${hh}:${mm}:00`, priority });
  }
  return rows;
}

export interface World {
  folder: string;
  /** The scenario to calibrate (no processing delay, START_UNITS units). */
  scenario: string;
  cleanup: () => void;
}

/** Writes the table (observed times from the true model) and the scenario to calibrate to a new temporary folder. */
export function makeWorld(): World {
  const folder = mkdtempSync(join(tmpdir(), "resim-calibrate-test-"));
  const list = calls();
  const line = (c: { text: string; priority: number }, i: number, dispatched = "", arrived = "") =>
    `${c.text},other,${c.priority},export,0,0,${dispatched},,${arrived},,,,,,,C${i},,x,,${i + 2}`;
  const bare = join(folder, "bare.csv");
  writeFileSync(bare, `${CALL_TABLE_HEADER}\n${list.map((c, i) => line(c, i)).join("\n")}\n`);
  // The truth: replayed once with the true processing delay and roster; its times become the "observed" ones.
  const { config } = validateScenario(worldScenario("bare.csv", TRUE_UNITS, TRUE_PROCESSING_MIN), join(folder, "truth.yaml"));
  const observed = new Map<number, { dispatched: number; arrived: number }>();
  runReplication({
    scenario: config,
    modelIndex: 0,
    replication: 11,
    onCallEnd: (call) => observed.set(Math.round(call.arrivalMin), { dispatched: call.assignedMin - call.arrivalMin, arrived: call.onSceneMin - call.arrivalMin }),
  });
  const minuteOf = (text: string) => (Number(text.slice(8, 10)) - 2) * 1440 + Number(text.slice(11, 13)) * 60 + Number(text.slice(14, 16));
  const table = join(folder, "calls.csv");
  writeFileSync(
    table,
    `${CALL_TABLE_HEADER}\n${list
      .map((c, i) => {
        const o = observed.get(minuteOf(c.text))!;
        return line(c, i, o.dispatched.toFixed(2), o.arrived.toFixed(2));
      })
      .join("\n")}\n`,
  );
  const scenario = join(folder, "world.yaml");
  writeFileSync(scenario, stringify(worldScenario("calls.csv", START_UNITS, null)));
  return { folder, scenario, cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}
