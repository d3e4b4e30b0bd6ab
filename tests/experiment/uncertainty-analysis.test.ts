/** resim uncertainty through the library: draws, common random numbers, and draw d = replication d. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { runReplication } from "../../src/experiment/run-replication.js";
import { runUncertainty } from "../../src/experiment/uncertainty-analysis.js";
import { parseKeyPath, type Assignment } from "../../src/scenario/assignments.js";
import { loadScenario } from "../../src/scenario/load.js";
import { ScenarioError } from "../../src/scenario/errors.js";
import { tinyScenario } from "../helpers/tiny-world.js";

const folder = mkdtempSync(join(tmpdir(), "resim-psa-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Two models (one patrol unit, two) and two uncertain inputs. */
let files = 0;
function tinyFile(uncertain: unknown[]): string {
  const file = join(folder, `tiny-${files++}.yaml`);
  const scenario = tinyScenario({
    run: { horizonDays: 1, warmupDays: 0, seed: 3, replications: 2 },
    models: {
      "police-only": { staffing: { patrol: [{ from: "00:00", to: "24:00", units: 1 }] }, dispatch: [{ send: ["patrol"] }] },
      "more-patrol": { staffing: { patrol: [{ from: "00:00", to: "24:00", units: 2 }] }, dispatch: [{ send: ["patrol"] }] },
    },
    uncertain,
  });
  writeFileSync(file, stringify(scenario));
  return file;
}

const inputs = [
  { path: "demand.callsPerDay", low: 20, high: 40, source: "test" },
  { path: "unitTypes.patrol.costPerHour", low: 40, high: 100, dist: "triangular", mode: 50 },
];

describe("runUncertainty", () => {
  it("runs draw d as replication d of every model, on the same inputs and calls", async () => {
    const file = tinyFile(inputs);
    const load = (extra: Assignment[]) => loadScenario(file, { set: extra });
    const run = await runUncertainty({ load, draws: 5 });
    expect(run.models).toEqual(["police-only", "more-patrol"]);
    expect(run.values).toHaveLength(5);
    // One draw per stratum of each input: callsPerDay strata of width 4 from 20.
    expect(run.values.map((row) => Math.floor((row[0] - 20) / 4)).sort()).toEqual([0, 1, 2, 3, 4]);
    for (let d = 0; d < 5; d++) {
      // Common random numbers: both models see the same calls in a draw.
      expect(run.results["more-patrol"][d].get("calls")).toBe(run.results["police-only"][d].get("calls"));
      // Draw d is exactly replication d of the scenario with draw d's values.
      const scenario = load(inputs.map((input, k) => ({ path: parseKeyPath(input.path), value: run.values[d][k], text: input.path })));
      const direct = runReplication({ scenario: scenario.config, modelIndex: 1, replication: d });
      expect(run.results["more-patrol"][d]).toEqual(direct.values);
    }
    // Staffing cost follows the drawn wage: 24 unit-hours x costPerHour for police-only.
    expect(run.results["police-only"].map((v) => v.get("cost.staffing"))).toEqual(run.values.map((row) => expect.closeTo(24 * row[1], 6)));
    expect(await runUncertainty({ load, draws: 5 })).toEqual(run);
  });

  it("refuses a draw the scenario rejects, naming the draw and its values", async () => {
    const file = tinyFile([{ path: "demand.callsPerDay", low: -5, high: -1 }]);
    const error = await runUncertainty({ load: (extra) => loadScenario(file, { set: extra }), draws: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as Error).message).toMatch(/demand\.callsPerDay.*at draw 0: demand\.callsPerDay=-/s);
  });
});
