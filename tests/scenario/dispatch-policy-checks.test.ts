/**
 * Validation of `dispatchPolicy`, `cancellations` and `unitsPerCall`: each mistake is reported
 * with the file, the key path, what was expected and what was found; and the CLI exits 2 for one.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ScenarioError } from "../../src/scenario/errors.js";
import { validateScenario } from "../../src/scenario/load.js";
import { tinyScenario } from "../helpers/tiny-world.js";

function problems(data: unknown): string[] {
  try {
    validateScenario(data, "city.yaml");
  } catch (error) {
    if (error instanceof ScenarioError) return error.message.split("\n");
    throw error;
  }
  return [];
}

/** The tiny scenario with four priorities, two patrol units, and the given top-level keys. */
const world = (extra: Record<string, unknown>) =>
  tinyScenario({
    demand: { callsPerDay: 10, categories: { other: { share: 1, priorityShares: [0.25, 0.25, 0.25, 0.25] }, violent: { share: 0, priorityShares: [1] } } },
    models: { "police-only": { staffing: { patrol: [{ from: "00:00", to: "24:00", units: 2 }] }, dispatch: [{ send: ["patrol"] }] } },
    ...extra,
  });

describe("dispatchPolicy, cancellations and unitsPerCall validation", () => {
  it("accepts every key in the documented shape", () => {
    expect(
      problems(
        world({
          dispatchPolicy: { reserve: [{ unitType: "patrol", keep: 1, forPriorities: 1 }], aging: { afterMin: { default: 30, priority4: 60 }, highestPriority: 2 } },
          cancellations: { share: { default: 0.1, priority4: 0.2 }, afterMin: { default: { dist: "lognormal", mean: 20, sd: 15 } } },
          unitsPerCall: [{ match: { categories: ["violent"], priorities: [1] }, units: 2 }],
        }),
      ),
    ).toEqual([]);
  });

  it("names an unknown reserve unit type with a suggestion", () => {
    expect(problems(world({ dispatchPolicy: { reserve: [{ unitType: "patrl", keep: 1, forPriorities: 1 }] } }))).toEqual([
      "city.yaml: dispatchPolicy.reserve[0].unitType names unknown unit type 'patrl', did you mean 'patrol'?",
    ]);
  });

  it("rejects a reserve that keeps no unit", () => {
    expect(problems(world({ dispatchPolicy: { reserve: [{ unitType: "patrol", keep: 0, forPriorities: 1 }] } }))).toEqual([
      "city.yaml: dispatchPolicy.reserve[0].keep must be an integer >= 1, got 0",
    ]);
  });

  it("rejects a reserve that could never let a routine call have the type: it keeps every unit the model ever has", () => {
    expect(problems(world({ dispatchPolicy: { reserve: [{ unitType: "patrol", keep: 2, forPriorities: 1 }] } }))).toEqual([
      "city.yaml: dispatchPolicy.reserve[0].keep must be below the most 'patrol' units model 'police-only' ever has on duty (2): calls above priority 1 that models.police-only.dispatch[0] sends to it as the last resort could never get one, got 2",
    ]);
  });

  it("rejects a reserve for a priority beyond the demand's", () => {
    expect(problems(world({ dispatchPolicy: { reserve: [{ unitType: "patrol", keep: 1, forPriorities: 4 }] } }))).toEqual([
      "city.yaml: dispatchPolicy.reserve[0].forPriorities must be below the least urgent priority the demand can draw (4), or the reserve holds nothing back from anyone, got 4",
    ]);
  });

  it("rejects aging priority keys the demand cannot draw, and a highest level no call can rise to", () => {
    expect(problems(world({ dispatchPolicy: { aging: { afterMin: { priority7: 30 }, highestPriority: 4 } } }))).toEqual([
      "city.yaml: dispatchPolicy.aging.afterMin.priority7 names unknown key ('default' or 'priorityN' for a priority the demand can draw) 'priority7', did you mean 'priority1'?",
      "city.yaml: dispatchPolicy.aging.highestPriority must be above (a smaller number than) the least urgent priority the demand can draw (4), or no call can rise, got 4",
    ]);
  });

  it("rejects cancellation shares outside [0, 1], unknown priority keys and priorities without a time", () => {
    expect(problems(world({ cancellations: { share: { priority2: 1.5 }, afterMin: { priority1: { dist: "exponential", mean: 10 } } } }))).toEqual([
      "city.yaml: cancellations.share.priority2 must be a number <= 1, got 1.5",
    ]);
    expect(problems(world({ cancellations: { share: { priorty2: 0.5 }, afterMin: { priority1: { dist: "exponential", mean: 10 } } } }))).toEqual([
      "city.yaml: cancellations.share.priorty2 names unknown key ('default' or 'priorityN' for a priority the demand can draw) 'priorty2', did you mean 'priority2'?",
      "city.yaml: cancellations.afterMin needs a time for every priority the demand can draw (a replay may mark any call cancelled), or a 'default': missing priority2, priority3, priority4",
    ]);
  });

  it("rejects an invalid cancellation time distribution at its key", () => {
    expect(problems(world({ cancellations: { afterMin: { default: { dist: "lognormal", mean: 20 } } } }))).toEqual([
      "city.yaml: cancellations.afterMin.default lognormal must be given as {mean, sd} or {median, p90}, got {mean}",
    ]);
  });

  it("names an unknown category and an out-of-range priority in a unitsPerCall match by their key paths", () => {
    expect(problems(world({ unitsPerCall: [{ match: { categories: ["violnt"], priorities: [9] }, units: 2 }] }))).toEqual([
      "city.yaml: unitsPerCall[0].match.categories[0] names unknown category 'violnt', did you mean 'violent'?",
      "city.yaml: unitsPerCall[0].match.priorities[0] must be a priority the demand can draw (1 to 4), got 9",
    ]);
  });

  it("exits the CLI with code 2 and the key path for a bad reserve", () => {
    const folder = mkdtempSync(join(tmpdir(), "resim-policy-"));
    const file = join(folder, "city.json");
    writeFileSync(file, JSON.stringify(world({ dispatchPolicy: { reserve: [{ unitType: "van", keep: 1, forPriorities: 1 }] } })));
    const result = spawnSync(process.execPath, ["dist/src/cli/main.js", "validate", file], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("dispatchPolicy.reserve[0].unitType names unknown unit type 'van'");
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
