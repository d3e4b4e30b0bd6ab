/**
 * With none of the dispatch-policy, cancellation or multi-unit keys, every call record (each
 * field a call had before those features) and every unit's busy time must be exactly what the
 * code gave before them. The digests below were computed with that code (commit fbb3452) on the
 * same runs; a change to the default life cycle changes them.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { runReplication } from "../../src/experiment/run-replication.js";
import type { CallRecord } from "../../src/metrics/call-record.js";
import { loadScenario } from "../../src/scenario/load.js";

/** The fields of a call record before cancellations and multi-unit responses, in a fixed order. */
const FIELDS = [
  "id", "category", "arrivalPriority", "priority", "zone", "behavioralHealth", "weapon", "arrivalMin", "hubArrivalMin",
  "triageStartMin", "readyMin", "assignedMin", "onSceneMin", "endMin", "servedBy", "disposition", "eligible",
  "offeredAlternative", "fellBack", "phoneResolved", "declined", "caller", "abandoned", "escalated", "servedByAlternative",
  "backupRequested", "handedOver", "officerAttended", "officerMinutes", "observedResponseMin", "outcomeCost",
] as const;

function digest(file: string, options: Parameters<typeof loadScenario>[1]): string {
  const { config } = loadScenario(file, options);
  const hash = createHash("sha256");
  config.models.forEach((_, modelIndex) => {
    const result = runReplication({
      scenario: config,
      modelIndex,
      replication: 1,
      onCallEnd: (call: CallRecord) => hash.update(FIELDS.map((f) => String((call as unknown as Record<string, unknown>)[f])).join(",") + "\n"),
    });
    for (const [name, value] of result.values) if (name.startsWith("utilization.") || name === "officerHoursBH") hash.update(`${name}=${value}\n`);
  });
  return hash.digest("hex").slice(0, 32);
}

const set = (path: (string | number)[], value: unknown) => ({ path, value, text: path.join(".") });

describe("defaults", () => {
  it("leave Riverton's call records and unit time exactly as before the new dispatch keys", () => {
    expect(digest("scenarios/riverton.yaml", { run: { horizonDays: 10 } })).toBe("f3d77b9df20fa68f97fb71f6331fac86");
  });

  it("leave the barrier scenario's call records exactly as before, with zones, repeat callers, abandonment and escalation on", () => {
    const options = {
      run: { horizonDays: 10 },
      set: [
        set(["geography"], { zones: ["north", "south"], shares: [0.6, 0.4], travelMin: [[5, 12], [12, 5]] }),
        set(["models", "police-only", "staffing", "patrol", 0, "zone"], "north"),
        set(["repeatCallers"], { people: 50, callsPerYear: 12, category: "mental-health", priorityShares: [0, 0.3, 0.5, 0.2], effect: 0.6, effectDays: 90 }),
        set(["waiting", "abandonment"], { patienceMin: { dist: "exponential", mean: 30 }, priorities: [3, 4] }),
        set(["waiting", "escalation"], { afterMin: 15, toPriority: 1 }),
        set(["callProcessingMin"], { default: { dist: "exponential", mean: 3 } }),
      ],
    };
    expect(digest("scenarios/riverton-barriers.yaml", options)).toBe("2bd6299d62930f66272681959ec5da7d");
  });

  it("leave the M/M/10 queue's call records exactly as before", () => {
    expect(digest("scenarios/validation/mmc.yaml", { run: { horizonDays: 20, warmupDays: 1 } })).toBe("926525d3666e93775772f2699d09ae03");
  });
});
