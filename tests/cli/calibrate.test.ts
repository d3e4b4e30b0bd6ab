/**
 * `resim calibrate` end to end on a synthetic city whose truth is known (a fixed processing delay
 * and 3 patrol units made the observed times; the scenario starts with none and 6): the command
 * prints a fit table per step, writes a calibrated scenario that extends the input, marks every
 * fitted value, and that scenario runs. User mistakes exit 2.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadScenario } from "../../src/scenario/load.js";
import { resim, type CliResult } from "../helpers/cli.js";
import { tinyScenario } from "../helpers/tiny-world.js";
import { stringify } from "yaml";
import { makeWorld, TRUE_PROCESSING_MIN, TRUE_UNITS, worldScenario, type World } from "../experiment/calibrate-world.js";

let world: World;
let result: CliResult;
let written: string;
let input: string;

beforeAll(async () => {
  world = makeWorld();
  input = readFileSync(world.scenario, "utf8");
  result = await resim("calibrate", world.scenario, "--replications", "2");
  written = join(world.folder, "world.calibrated.yaml");
}, 120_000);
afterAll(() => world?.cleanup());

describe("resim calibrate", () => {
  it("prints a fit table for each step and the final fit, and says the target was reached", () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Step 1\. as written \(1 evaluation\)\n\s+metric\s+calls\s+observed\s+simulated\s+error\s+target\n\s+overall p50/);
    expect(result.stdout).toContain("call-processing delay (callProcessingMin) to the observed overall p50");
    expect(result.stdout).toContain("police roster level (patrol, every model) to the observed overall p90");
    expect(result.stdout).toMatch(/Final fit \(same calls on both sides; priorities are the export's own\):/);
    expect(result.stdout).toContain("Target reached: overall p50 and p90 within 15%, each priority's p90 within 25%.");
    expect(result.stdout).toContain(`Wrote ${written}; run it with: resim run ${written}`);
  });

  it("writes NAME.calibrated.yaml beside the input, extending it, with the true roster and processing delay back", () => {
    expect(readFileSync(world.scenario, "utf8")).toBe(input);
    const text = readFileSync(written, "utf8");
    const data = parse(text) as Record<string, any>;
    expect(data.extends).toBe("world.yaml");
    expect(data.name).toBe("calibration-world-calibrated");
    expect(data.models["police-only"].staffing.patrol).toEqual([{ from: "00:00", to: "24:00", units: TRUE_UNITS }]);
    expect(data.models["co-responder"].staffing.patrol).toEqual(data.models["police-only"].staffing.patrol);
    expect(Math.abs(data.callProcessingMin.default.median / TRUE_PROCESSING_MIN - 1)).toBeLessThan(0.3);
    // Every fitted value is marked in a comment and in sources, with the data it was fitted to and its dates.
    expect(text).toContain("# fitted by resim calibrate: x0.");
    expect(data.sources.callProcessingMin).toMatch(/^fitted by resim calibrate to calls\.csv \(observed response received -> first unit on scene: p50 [\d.]+ min, p90 [\d.]+ min; .*calls received 2023-01-02 to 2023-01-15\)/);
    expect(data.sources["models.police-only.staffing.patrol"]).toMatch(/^fitted by resim calibrate to calls\.csv .*: x0\.\d\d of the scenario's rosters$/);
    const loaded = loadScenario(written);
    expect(loaded.config.name).toBe("calibration-world-calibrated");
  });

  it("writes a scenario that resim run replays, its calibration view within the target on the same calls", async () => {
    const run = await resim("run", written, "--replications", "2", "--workers", "1", "--out", join(world.folder, "run"));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("the same calls on both sides");
    expect(run.stdout).toContain("The baseline is within the calibration target on these calls");
  }, 60_000);

  it("names the knob behind the gap in resim run's hint, and points to resim calibrate instead of the baseline's roster", async () => {
    const run = await resim("run", world.scenario, "--replications", "2", "--workers", "1", "--out", join(world.folder, "run-before"));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Hint: most of the gap is the call-processing delay (callProcessingMin): received -> dispatched: observed p10/p50/p90");
    expect(run.stdout).toContain(`Fit it with: resim calibrate ${world.scenario}`);
    expect(run.stdout).not.toContain("--set models.police-only.staffing");
  }, 60_000);

  it("refuses a scenario that does not replay a call table, with exit code 2", async () => {
    const synthetic = join(world.folder, "synthetic.json");
    writeFileSync(synthetic, JSON.stringify(tinyScenario()));
    const bad = await resim("calibrate", synthetic);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      `resim: ${synthetic}: demand: resim calibrate needs a replay scenario (demand.historical naming a call table from 'resim import'), found synthetic demand (demand.callsPerDay); there are no observed response times to fit to\n`,
    );
    expect(existsSync(join(world.folder, "synthetic.calibrated.yaml"))).toBe(false);
  });

  it("refuses a replay whose table has no observed arrival times, with exit code 2", async () => {
    const bare = join(world.folder, "bare.yaml");
    writeFileSync(bare, stringify(worldScenario("bare.csv", 6, null)));
    const bad = await resim("calibrate", bare);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      new RegExp(`^resim: ${bare}: demand\\.historical\\.file: the call table ${join(world.folder, "bare.csv")} has no observed arrival time for the [\\d,]+ calls of the measured period \\(the export has no arrival times\\?\\), so there is nothing to calibrate to\n$`),
    );
  });

  it("never overwrites its input, and refuses a bad flag, with exit code 2", async () => {
    const same = await resim("calibrate", world.scenario, "--out", world.scenario);
    expect(same.code).toBe(2);
    expect(same.stderr).toBe(`resim: --out ${world.scenario}: is the input scenario; resim calibrate never overwrites it (choose another file)\n`);
    expect(readFileSync(world.scenario, "utf8")).toBe(input);
    const flag = await resim("calibrate", world.scenario, "--replications", "0");
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("must be an integer >= 1, got '0'");
  });
});
