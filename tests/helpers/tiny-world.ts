/**
 * Tiny deterministic worlds for exact-trace tests: a scenario built in code, a fixed list of
 * calls, and every ended call collected.
 */
import { runReplication } from "../../src/experiment/run-replication.js";
import type { CallRecord } from "../../src/metrics/call-record.js";
import { validateScenario } from "../../src/scenario/load.js";
import type { CallArrival } from "../../src/streams/call-source.js";
import { ListCallSource } from "../../src/streams/list-source.js";

/** A one-category, one-unit-type scenario with fixed times; override any part. */
export function tinyScenario(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "tiny",
    run: { horizonDays: 1, warmupDays: 0, seed: 1, replications: 2 },
    demand: { callsPerDay: 10, categories: { other: { share: 1, priorityShares: [0.5, 0.5] } } },
    unitTypes: {
      patrol: {
        crew: { officer: 1 },
        costPerHour: 60,
        onSceneMin: { default: { dist: "fixed", value: 10 } },
        dispositions: { default: { resolved: 1 } },
      },
    },
    models: {
      "police-only": {
        staffing: { patrol: [{ from: "00:00", to: "24:00", units: 1 }] },
        dispatch: [{ send: ["patrol"] }],
      },
    },
    ...overrides,
  };
}

/** A call for a ListCallSource. */
export function arrival(timeMin: number, extra: Partial<CallArrival> = {}): CallArrival {
  return { timeMin, category: 0, priority: 2, behavioralHealth: false, weapon: false, seed: 12345, ...extra };
}

/** Runs `calls` through model `model` of `scenario` and returns the ended calls in end order. */
export function trace(scenario: Record<string, unknown>, calls: CallArrival[], model = 0): CallRecord[] {
  const { config } = validateScenario(scenario, "tiny.yaml");
  const ended: CallRecord[] = [];
  runReplication({ scenario: config, modelIndex: model, replication: 0, source: new ListCallSource(calls), onCallEnd: (c) => ended.push(c) });
  return ended;
}
