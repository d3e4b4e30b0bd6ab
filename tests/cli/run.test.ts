/**
 * The CLI end to end, as a user runs it: the compiled `resim` (npm test builds it first).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resim, resimWithEnv } from "../helpers/cli.js";


const scratchFolders: string[] = [];
const scratch = () => {
  const folder = mkdtempSync(join(tmpdir(), "resim-cli-"));
  scratchFolders.push(folder);
  return folder;
};
afterAll(() => scratchFolders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

describe("resim run", () => {
  it("writes summary.json, summary.csv and replications.csv and prints the comparison", async () => {
    const out = scratch();
    const { code, stdout } = await resim("run", "scenarios/validation/mmc.yaml", "--days", "3", "--replications", "3", "--out", out);
    expect(code).toBe(0);
    expect(stdout).toContain("Estimates (mean [95% CI] across replications)");
    for (const file of ["summary.json", "summary.csv", "replications.csv"]) expect(existsSync(join(out, file))).toBe(true);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    expect(summary).toMatchObject({ scenario: "mmc", seed: 1, replications: 3, horizonDays: 3, baseline: "mmc" });
    expect(summary.models.mmc.metrics["queueWaitMin.mean"]).toEqual({ mean: expect.any(Number), ci95: [expect.any(Number), expect.any(Number)], n: 3 });
    expect(readFileSync(join(out, "summary.csv"), "utf8").split("\n")[0]).toBe("model,comparison,metric,mean,ci_low,ci_high,n,scenario,seed,resim_version,unit");
    expect(readFileSync(join(out, "replications.csv"), "utf8").split("\n")[0]).toBe("model,replication,metric,value,scenario,seed,resim_version,unit");
  });

  it("writes byte-identical files for the same scenario and seed", async () => {
    const [a, b] = [scratch(), scratch()];
    for (const out of [a, b]) expect((await resim("run", "scenarios/validation/mmc.yaml", "--days", "2", "--replications", "2", "--quiet", "--out", out)).code).toBe(0);
    for (const file of ["summary.json", "summary.csv", "replications.csv"]) {
      expect(readFileSync(join(a, file))).toEqual(readFileSync(join(b, file)));
    }
  });

  it("writes byte-identical files whatever the number of worker threads", async () => {
    const [one, two] = [scratch(), scratch()];
    for (const [out, workers] of [[one, "1"], [two, "2"]]) {
      // A job this small would otherwise run in this thread alone (worker-pool.ts): 0 makes --workers 2 start a worker thread.
      expect((await resimWithEnv({ RESIM_SMALL_JOB_MS: "0" }, "run", "scenarios/riverton.yaml", "--days", "3", "--replications", "4", "--workers", workers, "--quiet", "--out", out)).code).toBe(0);
    }
    for (const file of ["summary.json", "summary.csv", "replications.csv"]) {
      expect(readFileSync(join(one, file))).toEqual(readFileSync(join(two, file)));
    }
  });

  it("applies --set overrides as if they were in the file", async () => {
    const out = scratch();
    const { code } = await resim("run", "scenarios/validation/mmc.yaml", "--days", "2", "--replications", "2", "--quiet", "--out", out, "--set", "models.mmc.staffing.server[0].units=11", "--set", "run.seed=9");
    expect(code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    expect(summary.seed).toBe(9);
    // 11 servers for 8.5 Erlangs: utilization near 8.5/11.
    expect(summary.models.mmc.metrics["utilization.server"].mean).toBeCloseTo(8.5 / 11, 1);
  });

  it("rejects a bad --set value with the file's message and says it came from --set", async () => {
    const { code, stderr } = await resim("run", "scenarios/validation/mmc.yaml", "--set", "models.mmc.staffing.server[0].units=-2");
    expect(code).toBe(2);
    expect(stderr).toBe("resim: scenarios/validation/mmc.yaml: models.mmc.staffing.server[0].units must be an integer >= 0, got -2 (set with --set)\n");
  });

  it("rejects a --set path that does not exist in a list", async () => {
    const { code, stderr } = await resim("run", "scenarios/validation/mmc.yaml", "--set", "models.mmc.staffing.server[3].units=2");
    expect(code).toBe(2);
    expect(stderr).toBe("resim: scenarios/validation/mmc.yaml: models.mmc.staffing.server has 1 entries, so models.mmc.staffing.server[3] does not exist (--set models.mmc.staffing.server[3].units=2)\n");
  });

  it("rejects a --set without a value", async () => {
    const { code, stderr } = await resim("run", "scenarios/validation/mmc.yaml", "--set", "run.seed");
    expect(code).toBe(2);
    expect(stderr).toContain("--set run.seed: expected PATH=VALUE");
  });

  it("exits with code 2 and names the flag when a flag value is bad", async () => {
    const { code, stderr } = await resim("run", "scenarios/validation/mmc.yaml", "--replications", "zero");
    expect(code).toBe(2);
    expect(stderr).toContain("--replications <n>' argument 'zero' is invalid. must be an integer >= 1, got 'zero'");
  });

  it("exits with code 2 and suggests the near miss for an unknown model", async () => {
    const { code, stderr } = await resim("run", "scenarios/validation/mmc.yaml", "--model", "mcc", "--days", "1");
    expect(code).toBe(2);
    expect(stderr).toBe("resim: --model: scenarios/validation/mmc.yaml has no model 'mcc', did you mean 'mmc'?\n");
  });
});

describe("resim validate", () => {
  it("accepts the example scenarios", async () => {
    const { code, stdout } = await resim("validate", "scenarios/validation/mmc.yaml");
    expect(code).toBe(0);
    expect(stdout).toContain("scenarios/validation/mmc.yaml: ok");
  });

  it("exits with code 2 and one line per problem, with no stack trace", async () => {
    const file = join(scratch(), "bad.yaml");
    const text = readFileSync("scenarios/validation/mmc.yaml", "utf8").replace("units: 10", "units: -2").replace("costPerHour: 0", "costPerHour: 0\n    cost: 3");
    writeFileSync(file, text);
    const { code, stderr } = await resim("validate", file);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toEqual([
      `resim: ${file}: unitTypes.server has an unknown key 'cost' (allowed: description, crew, costPerHour, travelMin, onSceneMin, dispositions, rampUp, outreach, declineShare, backup)`,
      `resim: ${file}: models.mmc.staffing.server[0].units must be an integer >= 0, got -2`,
    ]);
  });

  it("reports YAML syntax errors with their line", async () => {
    const file = join(scratch(), "broken.yaml");
    writeFileSync(file, "name: x\ndemand: [1, 2\n");
    const { code, stderr } = await resim("validate", file);
    expect(code).toBe(2);
    expect(stderr).toMatch(/broken\.yaml: \(top level\) is not valid YAML at line \d+, column \d+/);
  });

  it("reports a missing file", async () => {
    const { code, stderr } = await resim("validate", "no/such.yaml");
    expect(code).toBe(2);
    expect(stderr).toBe("resim: no/such.yaml: (top level) cannot be read: no such file\n");
  });
});
