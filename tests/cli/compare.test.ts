/**
 * `resim compare` through the compiled CLI, and the terminal tables and reports of sweeps and
 * sensitivity analyses. Tiny scenarios, few days: the library tests check the numbers.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resim } from "../helpers/cli.js";
import { tinyScenario } from "../helpers/tiny-world.js";

const folder = mkdtempSync(join(tmpdir(), "resim-compare-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const demand = { callsPerDay: 60, categories: { other: { share: 1, priorityShares: [0.5, 0.5] } } };
function scenarioFile(name: string, units: number, seed: number): string {
  const file = join(folder, `${name}.json`);
  const scenario = tinyScenario({
    name,
    run: { horizonDays: 2, warmupDays: 0, seed, replications: 3 },
    demand,
    models: { "police-only": { staffing: { patrol: [{ from: "00:00", to: "24:00", units }] }, dispatch: [{ send: ["patrol"] }] } },
    uncertain: [{ path: "demand.callsPerDay", low: 40, high: 80, source: "a guess" }],
  });
  writeFileSync(file, JSON.stringify(scenario));
  return file;
}
const a = scenarioFile("one-unit", 1, 5);
const b = scenarioFile("two-units", 2, 5);
const otherSeed = scenarioFile("two-units-seed-6", 2, 6);

describe("resim compare", () => {
  it("prints A, B and B - A side by side and writes the run files with A: and B: models", async () => {
    const out = join(folder, "compared");
    const run = await resim("compare", a, b, "--days", "2", "--replications", "3", "--out", out);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toContain("police-only: B - A, paired by replication");
    expect(run.stdout).toContain("demand agrees: both files make the same calls");
    expect(run.stdout).toMatch(/queueWaitMin\.mean \(min\) +[\d.]+ \[.*\] +[\d.]+ \[.*\] +-[\d.]+ \[/);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    expect(Object.keys(summary.models)).toEqual(["A:police-only", "B:police-only"]);
    expect(summary.comparison.pairs).toEqual({ "B:police-only": "A:police-only" });
    expect(readFileSync(join(out, "summary.csv"), "utf8")).toContain("B:police-only,minus A:police-only,calls,0,0,0,3");
    expect(readFileSync(join(out, "replications.csv"), "utf8")).toContain("B:police-only,2,calls,");
  });

  it("refuses with exit code 2 when B's run settings differ and no flag sets them, and runs when one does", async () => {
    const refused = await resim("compare", a, otherSeed, "--days", "2", "--out", join(folder, "refused"));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`run.seed is 6 in ${otherSeed} but 5 in ${a}`);
    expect(refused.stderr).toContain("Give --seed");
    expect(refused.stderr).not.toContain("    at ");
    const agreed = await resim("compare", a, otherSeed, "--days", "2", "--seed", "9", "--quiet", "--out", join(folder, "agreed"));
    expect([agreed.code, agreed.stdout, agreed.stderr]).toEqual([0, "", ""]);
  });
});

describe("terminal tables and reports of studies", () => {
  it("prints a sweep's table: one row per value, one column per model, for each charted metric", async () => {
    const out = join(folder, "sweep");
    const run = await resim("sweep", a, "--param", "models.police-only.staffing.patrol[0].units", "--values", "1,2", "--metric", "queueWaitMin.mean", "--days", "2", "--replications", "3", "--out", out);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("one-unit: sweep of models.police-only.staffing.patrol[0].units, 2 points, 3 replications each (mean [95% CI])");
    expect(lines[2]).toBe("Wait for a unit, mean (min)");
    expect(lines[3]).toMatch(/^models\.police-only\.staffing\.patrol\[0\]\.units +police-only$/);
    expect(lines[4]).toMatch(/^1 +[\d.]+ \[[-\d.]+, [\d.]+\]$/);
    expect(lines[5]).toMatch(/^2 +[\d.]+ \[[-\d.]+, [\d.]+\]$/);
    const quiet = await resim("sweep", a, "--param", "models.police-only.staffing.patrol[0].units", "--values", "1,2", "--days", "2", "--replications", "3", "--quiet", "--out", join(folder, "sweep-quiet"));
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, "", ""]);
  });

  it("prints a sensitivity analysis's parameters ranked by swing, with the base", async () => {
    const run = await resim("sensitivity", a, "--model", "police-only", "--metric", "calls", "--days", "2", "--replications", "3", "--out", join(folder, "sensitivity"));
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toContain("one-unit: sensitivity of calls (calls) for police-only, one parameter at a time, 3 replications each");
    expect(run.stdout).toMatch(/base: [\d,]+; differences are paired with the base run/);
    expect(run.stdout).toMatch(/\n1 +demand\.callsPerDay +40 +80 +[\d,]+ +[\d,]+ +-[\d,]+ \[.*\] +\+[\d,]+ \[.*\] +[\d,]+\n/);
  });

  it("builds a report from a sweep folder: its curves and its table", async () => {
    const out = join(folder, "sweep");
    if (!existsSync(join(out, "study.json"))) throw new Error("the sweep test must run first");
    const report = await resim("report", out);
    expect([report.code, report.stderr]).toEqual([0, ""]);
    expect(report.stdout).toContain("report.html and 1 charts");
    const page = readFileSync(join(out, "report.html"), "utf8");
    // The page names the swept parameter in words, and gives its key path once.
    expect(page).toContain("<h1>one-unit: sweep of patrol units on duty in shift 1, police-only, 2 points");
    expect(page).toContain("Key paths (for the scenario file and --set): <code>models.police-only.staffing.patrol[0].units</code></p>");
    expect(page).toContain("<caption>Wait for a unit, mean (min)</caption>");
    expect(existsSync(join(out, "charts", "sweep-queueWaitMin-mean.png"))).toBe(true);
  });
});
