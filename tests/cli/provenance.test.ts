/** Provenance of every result (issue 12, item 4): overrides, version and input digests recorded; override runs in their own folder; study folders kept to one scenario. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resim } from "../helpers/cli.js";
import { reportHtml } from "../../src/report/report-html.js";
import { defaultOutputFolder } from "../../src/scenario/provenance.js";
import { RESIM_VERSION } from "../../src/version.js";

const scratchFolders: string[] = [];
const scratch = () => {
  const folder = mkdtempSync(join(tmpdir(), "resim-provenance-"));
  scratchFolders.push(folder);
  return folder;
};
afterAll(() => scratchFolders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

const SMALL = ["--days", "1", "--replications", "2", "--workers", "1"];
const UNITS = "models.co-responder.staffing.co-responder[0].units";
const json = (file: string) => JSON.parse(readFileSync(file, "utf8"));

describe("provenance of a run", () => {
  it("records overrides, version and digests, and shows them in the header, summary.json, provenance.csv and the report", async () => {
    const out = join(scratch(), "run");
    const result = await resim("run", "scenarios/riverton.yaml", ...SMALL, "--seed", "3", "--set", `${UNITS}=4`, "--out", out);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`resim ${RESIM_VERSION}; inputs scenarios/riverton.yaml; scenario digest `);
    expect(result.stdout).toContain(`overrides: --set ${UNITS}=4, --replications 2, --seed 3, --days 1`);
    const summary = json(join(out, "summary.json"));
    expect(summary.scenarioFile).toBe("scenarios/riverton.yaml");
    expect(summary.provenance.resimVersion).toBe(RESIM_VERSION);
    expect(summary.provenance.scenarioDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.provenance.inputs).toEqual([{ role: "scenario", file: "scenarios/riverton.yaml", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(summary.provenance.overrides).toEqual([
      { path: UNITS, value: 4, was: 3, given: "--set" },
      { path: "run.replications", value: 2, was: 10, given: "--replications" },
      { path: "run.seed", value: 3, was: 20240521, given: "--seed" },
      { path: "run.horizonDays", value: 1, was: 365, given: "--days" },
    ]);
    const csv = readFileSync(join(out, "provenance.csv"), "utf8").split("\n");
    expect(csv[0]).toBe("item,order,name,value,detail");
    expect(csv).toContain(`override,1,${UNITS},4,from --set`);
    // The tidy CSVs keep their columns in place; the scenario, seed, version and unit come after them.
    expect(readFileSync(join(out, "summary.csv"), "utf8").split("\n")[0]).toBe("model,comparison,metric,mean,ci_low,ci_high,n,scenario,seed,resim_version,unit");
    const page = reportHtml({ document: summary, charts: [], sweep: { status: "absent" } });
    expect(page).toContain(`Made by resim ${RESIM_VERSION}`);
    expect(page).toContain(`--set ${UNITS}=4`);
  });

  it("marks an overridden assumption with its override, the value it replaced and the file's source", async () => {
    const out = join(scratch(), "run");
    expect((await resim("run", "scenarios/riverton.yaml", ...SMALL, "--set", `${UNITS}=4`, "--out", out, "--quiet")).code).toBe(0);
    const summary = json(join(out, "summary.json"));
    const row = summary.assumptions.find((a: { parameter: string }) => a.parameter === "models.co-responder.staffing.co-responder");
    expect(row.overriddenBy).toEqual([{ override: `--set ${UNITS}=4`, was: 3 }]);
    const untouched = summary.assumptions.find((a: { parameter: string }) => a.parameter === "demand.callsPerDay");
    expect(untouched.overriddenBy).toBeUndefined();
    const page = reportHtml({ document: summary, charts: [], sweep: { status: "absent" } });
    expect(page).toMatch(/overridden by --set models\.co-responder\.staffing\.co-responder\[0\]\.units=4 \(was 3; the file&#39;s source: assumption;/);
  });

  it("writes an override run to its own default folder and says where", async () => {
    const cwd = process.cwd();
    const tag = defaultOutputFolder("riverton", [{ path: UNITS, value: 4, given: "--set" }]);
    expect(tag).toMatch(/^reports\/riverton-set-[0-9a-f]{8}$/);
    // The tag depends on the --set values only, not on --seed or --days.
    expect(defaultOutputFolder("riverton", [{ path: "run.seed", value: 3, given: "--seed" }])).toBe(join("reports", "riverton"));
    const folder = join(cwd, tag);
    rmSync(folder, { recursive: true, force: true });
    try {
      const result = await resim("run", "scenarios/riverton.yaml", ...SMALL, "--set", `${UNITS}=4`);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`wrote ${tag}/summary.json`);
      expect(existsSync(join(folder, "provenance.csv"))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("gives byte-identical provenance for the same inputs", async () => {
    const [a, b] = [join(scratch(), "a"), join(scratch(), "b")];
    const args = ["scenarios/riverton-barriers.yaml", ...SMALL, "--set", `${UNITS}=2`, "--quiet"];
    const runs = await Promise.all([resim("run", ...args, "--out", a), resim("run", ...args, "--out", b)]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    for (const file of ["summary.json", "provenance.csv", "summary.csv", "replications.csv"]) {
      expect(readFileSync(join(a, file), "utf8"), file).toBe(readFileSync(join(b, file), "utf8"));
    }
    // The extends chain is digested too, named as the scenario writes it.
    expect(json(join(a, "summary.json")).provenance.inputs.map((i: { role: string; file: string }) => `${i.role} ${i.file}`)).toEqual([
      "scenario scenarios/riverton-barriers.yaml",
      "extends riverton.yaml",
    ]);
  });
});

describe("study folders", () => {
  const sweep = (scenario: string, values: string, out: string) =>
    resim("sweep", scenario, ...SMALL, "--model", "co-responder", "--param", UNITS, "--values", values, "--out", out, "--quiet");

  it("refuses a sweep into a folder of another scenario, naming both", async () => {
    const out = join(scratch(), "run");
    expect((await resim("run", "scenarios/riverton.yaml", ...SMALL, "--out", out, "--quiet")).code).toBe(0);
    const result = await sweep("scenarios/riverton-barriers.yaml", "1..2", out);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${out} holds results of scenario 'riverton' (scenarios/riverton.yaml, per its summary.json); refusing to write a sweep of scenario 'riverton-barriers' (scenarios/riverton-barriers.yaml)`);
    expect(existsSync(join(out, "study.json"))).toBe(false);
    // The same scenario's sweep may join its run (the report draws both).
    expect((await sweep("scenarios/riverton.yaml", "1..2", out)).code).toBe(0);
  });

  it("leaves no stale points when a sweep is re-run into its folder", async () => {
    const out = join(scratch(), "sweep");
    expect((await sweep("scenarios/riverton.yaml", "1..4", out)).code).toBe(0);
    expect(readdirSync(join(out, "points"))).toHaveLength(4);
    expect((await sweep("scenarios/riverton.yaml", "2..3", out)).code).toBe(0);
    expect(readdirSync(join(out, "points")).sort()).toEqual(["point-0000.json", "point-0001.json"]);
    expect(json(join(out, "study.json")).points).toBe(2);
    expect(readFileSync(join(out, "sweep-provenance.csv"), "utf8")).toContain("input,1,scenarios/riverton.yaml,");
  });
});

describe("resim version", () => {
  it("is package.json's version", () => {
    expect(RESIM_VERSION).toBe(json("package.json").version);
  });
});
