import { describe, expect, it } from "vitest";
import { runReplication } from "../../src/experiment/run-replication.js";
import type { CallRecord } from "../../src/metrics/call-record.js";
import { loadScenario } from "../../src/scenario/load.js";

/** Everything a call's record holds, as one comparable row. */
function row(call: CallRecord): unknown[] {
  const c = call as CallRecord & Record<string, unknown>;
  return [c.id, c.arrivalMin, c.readyMin, c.assignedMin, c.onSceneMin, c.endMin, c.servedBy, c.disposition, c.officerMinutes, c.outcomeCost, c.unitsAssigned, c.priority, c.flags];
}

function run(file: string, unitsPerCall: boolean, modelIndex: number, days: { horizonDays: number; warmupDays: number } | null = { horizonDays: 21, warmupDays: 2 }) {
  const set = unitsPerCall ? [{ path: ["unitsPerCall"], value: [{ units: 1 }], text: "unitsPerCall" }] : [];
  const { config } = loadScenario(file, { run: days ?? {}, set });
  const rows: unknown[][] = [];
  const result = runReplication({ scenario: config, modelIndex, replication: 2, onCallEnd: (call) => rows.push(row(call)) });
  return { rows, result, models: config.models.length };
}

describe("scenes settled at assignment", () => {
  it("give every call the same record and every metric the same value as scenes decided at the unit's arrival, with one event fewer per call", () => {
    for (const file of ["scenarios/riverton.yaml", "scenarios/riverton-zones.yaml"]) {
      const models = run(file, false, 0).models;
      for (let m = 0; m < models; m++) {
        // unitsPerCall of one unit for every call changes no outcome but makes the life cycle keep
        // every arrival as an event (a multi-unit response's first arrival is read by the others).
        const settled = run(file, false, m);
        const atArrival = run(file, true, m);
        expect(settled.rows.length).toBe(atArrival.rows.length);
        expect(settled.rows).toEqual(atArrival.rows);
        expect([...settled.result.values]).toEqual([...atArrival.result.values]);
        expect(settled.result.events).toBeLessThan(atArrival.result.events - 0.8 * settled.result.callsReceived);
      }
    }
  });

  it("free units that finish at the same minute in the same order whether their scenes were settled at assignment or at arrival", () => {
    // Fixed travel (10 and 2 min) and scene times, units on duty from the same minute: units are
    // freed at the same minute while calls wait, so the order of freeing decides who takes them.
    const file = "tests/system/fixtures/free-ties.yaml";
    const settled = run(file, false, 0);
    const atArrival = run(file, true, 0);
    expect(settled.rows.length).toBeGreaterThan(300);
    expect(settled.rows).toEqual(atArrival.rows);
    expect([...settled.result.values]).toEqual([...atArrival.result.values]);
  });

  it("frees two units that finish at the same minute by type order, so a waiting call gets the same unit however the scenes were settled", () => {
    // Call 1 (violent) takes patrol at 0: on scene at 10, free at 40. Call 2 (mental health) takes
    // the co-responder at 1: on scene at 3, free at 40. Call 3 (other, at 5) waits for either.
    // The co-responder is the first type listed, so it is freed first at 40 and takes call 3:
    // on scene at 40 + 2 = 42 minutes.
    const file = "tests/system/fixtures/free-ties-replay.yaml";
    const settled = run(file, false, 0, null);
    const atArrival = run(file, true, 0, null);
    expect(settled.rows).toEqual(atArrival.rows);
    const third = settled.rows.find((r) => r[0] === 2)!;
    expect(third[6]).toBe(0);
    expect(third[1]).toBe(5);
    expect(third[4]).toBe(42);
  });
});
