import { describe, expect, it } from "vitest";
import { ScenarioError } from "../../src/scenario/errors.js";
import { validateScenario } from "../../src/scenario/load.js";
import { tinyScenario } from "../helpers/tiny-world.js";

/** The problems reported for a scenario, one line each. */
function problems(data: unknown): string[] {
  try {
    validateScenario(data, "city.yaml");
  } catch (error) {
    if (error instanceof ScenarioError) return error.message.split("\n");
    throw error;
  }
  return [];
}

const withPatrol = (patch: (s: any) => void) => {
  const s: any = tinyScenario();
  patch(s);
  return problems(s);
};

describe("scenario validation messages", () => {
  it("accepts the tiny scenario", () => {
    expect(problems(tinyScenario())).toEqual([]);
  });

  it("names the file, the key path, the expectation and the value for a negative unit count", () => {
    expect(withPatrol((s) => (s.models["police-only"].staffing.patrol[0].units = -2))).toEqual([
      "city.yaml: models.police-only.staffing.patrol[0].units must be an integer >= 0, got -2",
    ]);
  });

  it("rejects an unknown key and suggests the near miss", () => {
    expect(withPatrol((s) => (s.unitTypes.patrol.crew = { officer: 1, clinican: 1 }))).toEqual([
      "city.yaml: unitTypes.patrol.crew has an unknown key 'clinican', did you mean 'clinician'?",
    ]);
  });

  it("rejects a unit type name in a dispatch rule that is not defined, with a suggestion", () => {
    expect(withPatrol((s) => (s.models["police-only"].dispatch[0].send = ["patrl"]))).toEqual([
      "city.yaml: models.police-only.dispatch[0].send[0] names unknown unit type 'patrl', did you mean 'patrol'?",
    ]);
  });

  it("rejects an unknown distribution with a suggestion", () => {
    expect(withPatrol((s) => (s.unitTypes.patrol.onSceneMin.default = { dist: "exponentail", mean: 3 }))).toEqual([
      "city.yaml: unitTypes.patrol.onSceneMin.default.dist must be one of 'exponential', 'lognormal', 'gamma', 'triangular', 'uniform', 'fixed', 'empirical', got 'exponentail', did you mean 'exponential'?",
    ]);
  });

  it("requires exactly one parameter pair for a lognormal", () => {
    expect(withPatrol((s) => (s.unitTypes.patrol.onSceneMin.default = { dist: "lognormal", mean: 30, p90: 60 }))).toEqual([
      "city.yaml: unitTypes.patrol.onSceneMin.default lognormal must be given as {mean, sd} or {median, p90}, got {mean, p90}",
    ]);
  });

  it("reports a lognormal whose 90th percentile is not above its median", () => {
    const [line] = withPatrol((s) => (s.unitTypes.patrol.onSceneMin.default = { dist: "lognormal", median: 30, p90: 20 }));
    expect(line).toMatch(/^city\.yaml: unitTypes\.patrol\.onSceneMin\.default is not a valid distribution: .*p90.*/);
  });

  it("requires category shares to sum to 1", () => {
    expect(
      withPatrol((s) => {
        s.demand.categories.other.share = 0.6;
        s.demand.categories.violent = { share: 0.3, priorityShares: [1] };
      }),
    ).toEqual(["city.yaml: demand.categories category shares must sum to 1, got 0.9"]);
  });

  it("requires disposition shares to sum to 1 and forbids arrests by a crew with no officer", () => {
    const found = withPatrol((s) => {
      s.unitTypes.patrol.crew = { clinician: 1 };
      s.unitTypes.patrol.dispositions.default = { resolved: 0.5, arrest: 0.1 };
    });
    expect(found).toEqual([
      "city.yaml: unitTypes.patrol.dispositions.default disposition shares must sum to 1, got 0.6",
      "city.yaml: unitTypes.patrol.dispositions.default.arrest must be 0: unit type 'patrol' has no sworn officer and cannot arrest, got 0.1",
    ]);
  });

  it("requires the last dispatch rule to match every call", () => {
    expect(withPatrol((s) => (s.models["police-only"].dispatch[0].match = { behavioralHealth: true }))).toEqual([
      "city.yaml: models.police-only.dispatch[0] is the last rule and must match every call (omit 'match'), so no call is left without a unit",
    ]);
  });

  it("reports a missing required key and a wrong type", () => {
    expect(
      withPatrol((s) => {
        delete s.demand.callsPerDay;
        s.run.seed = "seven";
      }),
    ).toEqual([
      "city.yaml: run.seed must be an integer, got 'seven'",
      "city.yaml: demand.callsPerDay is required (a number)",
    ]);
  });

  it("rejects an unknown category in an on-scene table and a table that misses a category", () => {
    expect(withPatrol((s) => (s.unitTypes.patrol.onSceneMin = { othr: { dist: "fixed", value: 1 } }))).toEqual([
      "city.yaml: unitTypes.patrol.onSceneMin.othr names unknown category 'othr', did you mean 'other'?",
      "city.yaml: unitTypes.patrol.onSceneMin must give every category or a 'default', missing: other",
    ]);
  });

  it("rejects an unknown baseline model with a suggestion", () => {
    expect(withPatrol((s) => (s.run.baseline = "police"))).toEqual([
      "city.yaml: run.baseline names unknown model 'police' (known: police-only)",
    ]);
  });

  it("rejects a last-resort unit type that is never on duty, since its calls would wait forever", () => {
    expect(withPatrol((s) => (s.models["police-only"].staffing.patrol[0].units = 0))).toEqual([
      "city.yaml: models.police-only.dispatch[0].send[0] names unit type 'patrol' as the last resort, but this model never has one on duty, so calls would wait forever",
    ]);
  });

  it("rejects a backup unit type that is staffed but never on duty, since backups would wait forever", () => {
    const found = withPatrol((s) => {
      s.unitTypes.team = { crew: { clinician: 1 }, costPerHour: 1, onSceneMin: { default: { dist: "fixed", value: 1 } }, dispositions: { default: { resolved: 1 } }, backup: { share: 0.5, send: ["reserve"] } };
      s.unitTypes.reserve = { crew: { officer: 1 }, costPerHour: 1, onSceneMin: { default: { dist: "fixed", value: 1 } }, dispositions: { default: { resolved: 1 } } };
      s.models["police-only"].staffing.team = [{ from: "00:00", to: "24:00", units: 1 }];
      s.models["police-only"].staffing.reserve = [{ from: "00:00", to: "24:00", units: 0 }];
    });
    expect(found).toEqual([
      "city.yaml: unitTypes.team.backup.send[0] names unit type 'reserve' as the last resort, but model 'police-only' never has one on duty, so backup requests would wait forever",
    ]);
  });

  it("fills defaults for run settings left out", () => {
    const s: any = tinyScenario();
    delete s.run;
    const { config } = validateScenario(s, "city.yaml");
    expect(config.run).toEqual({ horizonDays: 365, warmupDays: 0, seed: 1, replications: 10, baseline: 0 });
  });
});

describe("scenario files that extend another", () => {
  it("start from the other file, merge mappings key by key and replace lists", async () => {
    const { loadScenario } = await import("../../src/scenario/load.js");
    const { config, input } = loadScenario("scenarios/riverton-barriers.yaml");
    expect(input.name).toBe("riverton-barriers");
    expect(input.demand.callsPerDay).toBe(296);
    expect(input.unitTypes["outreach-team"].costPerHour).toBe(145);
    expect(input.unitTypes["outreach-team"].declineShare).toBe(0.05);
    expect(config.models.map((m) => m.name)).toEqual(["police-only", "co-responder", "centralized-outreach"]);
    expect(input.models["centralized-outreach"].dispatch).toHaveLength(2);
  });

  it("reports a cycle of extends", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { loadScenario } = await import("../../src/scenario/load.js");
    const folder = mkdtempSync(join(tmpdir(), "resim-extends-"));
    writeFileSync(join(folder, "a.yaml"), "extends: b.yaml\n");
    writeFileSync(join(folder, "b.yaml"), "extends: a.yaml\n");
    expect(() => loadScenario(join(folder, "a.yaml"))).toThrow(/extends makes a cycle: .*a\.yaml -> .*b\.yaml -> .*a\.yaml/);
  });
});

describe("YAML anchors", () => {
  it("give each use its own copy, so --set on one model's roster leaves the others alone", async () => {
    const { loadScenario } = await import("../../src/scenario/load.js");
    const { input } = loadScenario("scenarios/riverton.yaml", {
      set: [{ path: ["models", "co-responder", "staffing", "patrol", 0, "units"], value: 99, text: "units=99" }],
    });
    expect(input.models["co-responder"].staffing.patrol[0].units).toBe(99);
    expect(input.models["police-only"].staffing.patrol[0].units).toBe(10);
  });
});

describe("scenarios that would crash or hang a run", () => {
  const repeatCallers = (priorityShares: number[]) => ({ people: 50, callsPerYear: 20, category: "other", priorityShares, effect: 0.5, effectDays: 90 });
  const team = { crew: { clinician: 1 }, costPerHour: 1, onSceneMin: { default: { dist: "fixed", value: 1 } }, dispositions: { default: { resolved: 1 } } };
  const hub = (staff: unknown[]) => ({ staff, costPerHour: 10, triageMin: { dist: "fixed", value: 5 } });

  it("reject call processing times that leave a priority without a time, or name a priority the demand cannot draw", () => {
    const fixed = { dist: "fixed", value: 2 };
    expect(withPatrol((s) => (s.callProcessingMin = { priority1: fixed }))).toEqual([
      "city.yaml: callProcessingMin needs a time for every priority the demand can draw, or a 'default': missing priority2",
    ]);
    expect(withPatrol((s) => (s.callProcessingMin = { default: fixed, priority3: fixed }))[0]).toContain("city.yaml: callProcessingMin.priority3");
    expect(withPatrol((s) => (s.callProcessingMin = { default: fixed }))).toEqual([]);
  });

  it("reject a rule whose only unit type callers may decline, since nobody else could go", () => {
    const found = withPatrol((s) => {
      s.unitTypes.team = { ...team, declineShare: 0.1 };
      s.models["police-only"].staffing.team = [{ from: "00:00", to: "24:00", units: 1 }];
      s.models["police-only"].dispatch = [{ match: { behavioralHealth: true }, send: ["team"] }, { send: ["patrol"] }];
    });
    expect(found).toEqual([
      "city.yaml: models.police-only.dispatch[0].send needs a second unit type: callers decline 'team' (unitTypes.team.declineShare 0.1) and someone else must go, got only 'team'",
    ]);
  });

  it("reject repeat callers' priority shares for a priority the demand cannot draw", () => {
    expect(withPatrol((s) => (s.repeatCallers = repeatCallers([0.2, 0.3, 0.5])))).toEqual([
      "city.yaml: repeatCallers.priorityShares must have at most 2 entries, one per priority the demand can draw (1 to 2), got 3",
    ]);
    expect(withPatrol((s) => (s.repeatCallers = repeatCallers([1])))).toEqual([]);
  });

  it("reject repeat callers' priority shares beyond the priorities of a replayed call table", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { CALL_TABLE_HEADER } = await import("../../src/streams/call-table.js");
    const file = join(mkdtempSync(join(tmpdir(), "resim-replay-")), "calls.csv");
    writeFileSync(file, `${CALL_TABLE_HEADER}\n2023-01-01T00:00:30,other,2,export,1,0,1,,9,39,E1,521,5150,MENTAL CASE,2\n`);
    const found = withPatrol((s) => {
      s.run.warmupDays = 6;
      s.demand = { historical: { file }, categories: { other: {} } };
      s.repeatCallers = repeatCallers([0.5, 0.3, 0.2]);
    });
    expect(found).toEqual([
      "city.yaml: repeatCallers.priorityShares must have at most 2 entries, one per priority the demand can draw (1 to 2), got 3",
    ]);
  });

  it("reject a shift or a hub shift that starts at 24:00", () => {
    const found = withPatrol((s) => {
      s.models["police-only"].staffing.patrol = [{ from: "24:00", to: "08:00", units: 1 }, { from: "00:00", to: "24:00", units: 1 }];
      s.models["police-only"].hub = hub([{ from: "24:00", to: "06:00", units: 1 }]);
    });
    expect(found).toEqual([
      "city.yaml: models.police-only.staffing.patrol[0].from must be a time within the day, 00:00 to 23:59 (a shift starting at midnight starts at 00:00), got 24:00",
      "city.yaml: models.police-only.hub.staff[0].from must be a time within the day, 00:00 to 23:59 (a shift starting at midnight starts at 00:00), got 24:00",
    ]);
  });

  it("reject a hub shift whose end is its start, as for a unit type's shift", () => {
    expect(withPatrol((s) => (s.models["police-only"].hub = hub([{ from: "08:00", to: "08:00", units: 1 }])))).toEqual([
      "city.yaml: models.police-only.hub.staff[0] must have 'to' differ from 'from' (use 00:00 to 24:00 for all day), got 08:00 to 08:00",
    ]);
  });

  it("reject a vacancy of 1 for a last-resort unit type, whose calls would wait forever, once per unit type", () => {
    const found = withPatrol((s) => {
      s.models["police-only"].vacancy = { patrol: 1 };
      s.models["police-only"].dispatch = [{ match: { priorities: [1] }, send: ["patrol"] }, { send: ["patrol"] }];
    });
    expect(found).toEqual([
      "city.yaml: models.police-only.vacancy.patrol must be below 1 for unit type 'patrol', the last resort of dispatch[0]: with every shift vacant, its calls would wait forever, got 1",
    ]);
  });

  it("reject a vacancy of 1 for the last-resort unit type of a backup request", () => {
    const found = withPatrol((s) => {
      s.unitTypes.team = { ...team, backup: { share: 0.5, send: ["reserve"] } };
      s.unitTypes.reserve = { ...team, crew: { officer: 1 } };
      s.models["police-only"].staffing.team = [{ from: "00:00", to: "24:00", units: 1 }];
      s.models["police-only"].staffing.reserve = [{ from: "00:00", to: "24:00", units: 1 }];
      s.models["police-only"].vacancy = { reserve: 1 };
    });
    expect(found).toEqual([
      "city.yaml: models.police-only.vacancy.reserve must be below 1 for unit type 'reserve', the last resort of unitTypes.team.backup: with every shift vacant, backup requests would wait forever, got 1",
    ]);
  });

  it("accept a vacancy of 1 for a preferred unit type that calls fall back from", () => {
    const found = withPatrol((s) => {
      s.unitTypes.team = team;
      s.models["police-only"].staffing.team = [{ from: "00:00", to: "24:00", units: 1 }];
      s.models["police-only"].vacancy = { team: 1 };
      s.models["police-only"].dispatch = [{ send: ["team", "patrol"] }];
    });
    expect(found).toEqual([]);
  });

  it("reject a zone named twice", () => {
    expect(withPatrol((s) => (s.geography = { zones: ["north", "north"], shares: [0.5, 0.5], travelMin: [[1, 2], [2, 1]] }))).toEqual([
      "city.yaml: geography.zones[1] names zone 'north' twice (zone names must be unique)",
    ]);
  });

  it("reject an abandonment priority the demand cannot draw, as for a rule's priorities", () => {
    expect(withPatrol((s) => (s.waiting = { abandonment: { patienceMin: { dist: "fixed", value: 5 }, priorities: [1, 4] } }))).toEqual([
      "city.yaml: waiting.abandonment.priorities[1] must be a priority the demand can draw (1 to 2), got 4",
    ]);
  });
});
