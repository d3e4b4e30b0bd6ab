/**
 * Scenarios that replay a call table: validation, the clock and trace-driven police units (the
 * calibration view is tested in tests/experiment/calibrate-hint.test.ts).
 */
import { afterAll, describe, expect, it } from "vitest";
import { runReplication } from "../../src/experiment/run-replication.js";
import type { CallRecord } from "../../src/metrics/call-record.js";
import { validateScenario } from "../../src/scenario/load.js";
import { CALL_TABLE_HEADER } from "../../src/streams/call-table.js";
import { tinyScenario } from "../helpers/tiny-world.js";
import { scratch } from "./helpers.js";

const s = scratch();
afterAll(s.cleanup);

// Monday 2 January 2023: day 0 of the replay. A call at 08:00 observed arriving after 6 min and
// clearing 40 min later; one at 09:00 with nothing observed; one on Tuesday.
s.file(
  "calls.csv",
  `${CALL_TABLE_HEADER}
2023-01-02T08:00:00,mental-health,2,export,1,0,2,,6,46,A,1,5150,,2
2023-01-02T09:00:00,other,3,export,0,0,,,,,B,1,911,,3
2023-01-03T10:00:00,other,1,export,0,0,1,,20,30,C,1,911,,4
`,
);
const scenarioFile = `${s.folder}/replay.yaml`;

function replay(overrides: { demand?: Record<string, unknown>; run?: Record<string, unknown>; unitTypes?: Record<string, unknown> } = {}) {
  const base = tinyScenario();
  return {
    ...base,
    run: { horizonDays: 365, warmupDays: 0, seed: 1, replications: 2, ...overrides.run },
    demand: { historical: { file: "calls.csv" }, categories: { other: {}, "mental-health": {} }, ...overrides.demand },
    ...(overrides.unitTypes ? { unitTypes: overrides.unitTypes } : {}),
  };
}

function ends(data: unknown, replication = 0): CallRecord[] {
  const { config } = validateScenario(data, scenarioFile);
  const ended: CallRecord[] = [];
  runReplication({ scenario: config, modelIndex: 0, replication, onCallEnd: (c) => ended.push({ ...c }) });
  return ended.sort((a, b) => a.arrivalMin - b.arrivalMin);
}

describe("a replay scenario", () => {
  it("receives the table's calls at their times, the same in every replication, and measures up to the last call's day", () => {
    const { config } = validateScenario(replay(), scenarioFile);
    expect(config.run.horizonDays).toBe(2);
    expect(config.demand.historical).toMatchObject({ firstCallDay: 0, spanDays: 2, observedOnScene: false });
    expect(config.demand.callsPerDay).toBe(1.5);
    const [a, b] = [ends(replay(), 0), ends(replay(), 1)];
    expect(a.map((c) => c.arrivalMin)).toEqual([480, 540, 1440 + 600]);
    expect(b.map((c) => [c.arrivalMin, c.category, c.priority])).toEqual(a.map((c) => [c.arrivalMin, c.category, c.priority]));
  });

  it("keeps police units on scene for the observed time when onScene is 'observed', with no hold added", () => {
    const arrestWithHold = {
      ...tinyScenario(),
      outcomes: { arrest: { holdMin: { dist: "fixed", value: 60 } } },
      unitTypes: {
        patrol: { crew: { officer: 1 }, costPerHour: 60, onSceneMin: { default: { dist: "fixed", value: 10 } }, dispositions: { default: { arrest: 1 } } },
      },
    };
    const observed = ends({ ...replay({ demand: { historical: { file: "calls.csv", onScene: "observed" } } }), unitTypes: arrestWithHold.unitTypes, outcomes: arrestWithHold.outcomes });
    const drawn = ends({ ...replay(), unitTypes: arrestWithHold.unitTypes, outcomes: arrestWithHold.outcomes });
    // Call A: observed 40 min on scene; call B has no observed time and draws 10 + a 60-min hold.
    expect(observed.map((c) => c.endMin - c.onSceneMin)).toEqual([40, 70, 10]);
    expect(drawn.map((c) => c.endMin - c.onSceneMin)).toEqual([70, 70, 70]);
  });

  it("lets units with clinicians draw their own time on scene even when police use the observed one", () => {
    const team = { crew: { clinician: 1, peer: 1 }, costPerHour: 100, onSceneMin: { default: { dist: "fixed", value: 25 } }, dispositions: { default: { resolved: 1 } } };
    const data = {
      ...replay({ demand: { historical: { file: "calls.csv", onScene: "observed" } } }),
      unitTypes: { ...tinyScenario().unitTypes as object, team },
      models: { outreach: { staffing: { team: [{ from: "00:00", to: "24:00", units: 1 }] }, dispatch: [{ send: ["team"] }] } },
    };
    expect(ends(data).map((c) => c.endMin - c.onSceneMin)).toEqual([25, 25, 25]);
  });

  it("must list every category of the table, reach the first call with its warm-up, and leave the generator's fields out", () => {
    const early = s.file("late-start.csv", `${CALL_TABLE_HEADER}\n2023-01-05T08:00:00,traffic,2,export,0,0,,,,,A,1,x,,2\n`);
    const data = replay({ demand: { historical: { file: "late-start.csv", onScene: "observed" }, callsPerDay: 10, categories: { other: { share: 1 } } } });
    expect(() => validateScenario(data, scenarioFile)).toThrow(
      [
        `${scenarioFile}: demand.callsPerDay must be left out when demand.historical replays a call table: the calls come from the table`,
        `${scenarioFile}: demand.categories.other.share must be left out when demand.historical replays a call table: priorities and flags come from the table (write the category as \`name: {}\`)`,
        `${scenarioFile}: demand.categories must list every category of the call table: 'traffic' (late-start.csv line 2) is missing`,
        `${scenarioFile}: demand.historical.onScene cannot be 'observed': late-start.csv has no observed time on scene (no call with both arrived_min and cleared_min)`,
        `${scenarioFile}: run.warmupDays must be at least 3 for this replay: day 0 is Monday 2023-01-02 and the first call is on day 3 (Thu 2023-01-05), so earlier days would be measured with no calls; got 0`,
      ].join("\n"),
    );
    expect(early).toContain("late-start.csv");
  });

  it("says how to make a table that does not exist yet", () => {
    expect(() => validateScenario(replay({ demand: { historical: { file: "missing.csv" }, categories: { other: {} } } }), scenarioFile)).toThrow(
      `${scenarioFile}: demand.historical.file names a call table that cannot be used: ${s.folder}/missing.csv: cannot be read: no such file; write it first with \`resim import EXPORT --profile CITY --out FILE\``,
    );
  });
});
