import { describe, expect, it } from "vitest";
import { runReplication } from "../../src/experiment/run-replication.js";
import type { CallRecord } from "../../src/metrics/call-record.js";
import { loadScenario } from "../../src/scenario/load.js";

/** Everything a call's record holds, as one comparable row. */
function row(call: CallRecord): unknown[] {
  const c = call as CallRecord & Record<string, unknown>;
  return [c.id, c.arrivalMin, c.readyMin, c.assignedMin, c.onSceneMin, c.endMin, c.servedBy, c.disposition, c.officerMinutes, c.outcomeCost, c.unitsAssigned, c.priority, c.flags];
}

function run(file: string, unitsPerCall: boolean, modelIndex: number) {
  const set = unitsPerCall ? [{ path: ["unitsPerCall"], value: [{ units: 1 }], text: "unitsPerCall" }] : [];
  const { config } = loadScenario(file, { run: { horizonDays: 21, warmupDays: 2 }, set });
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
});
