/** `resim report` and `resim run --report` end to end, through the compiled CLI (npm test builds it first). */
import { cpSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { resim } from "../helpers/cli.js";
import { scratchFolders } from "./scratch.js";

const scratch = scratchFolders("resim-report-cli-");

// One worker: these runs are tiny, and thread start-up would cost more than it saves.
const RUN = ["run", "scenarios/riverton.yaml", "--days", "7", "--replications", "3", "--workers", "1", "--quiet"];
const CHARTS = ["response-time", "bh-outcomes", "routing", "cost", "utilization-by-hour"];

describe("resim run --report and resim report", () => {
  let first: string;
  beforeAll(async () => {
    first = scratch();
    expect((await resim(...RUN, "--out", first, "--report")).code).toBe(0);
  });

  it("writes report.html and every chart as Vega-Lite, SVG and PNG next to the summary", async () => {
    expect(existsSync(join(first, "report.html"))).toBe(true);
    expect(readdirSync(join(first, "charts")).sort()).toEqual(CHARTS.flatMap((id) => [`${id}.png`, `${id}.svg`, `${id}.vl.json`]).sort());
    const summary = JSON.parse(readFileSync(join(first, "summary.json"), "utf8"));
    expect(summary.assumptions.find((a: { parameter: string }) => a.parameter === "demand.callsPerDay").sources[0].text).toMatch(/^\(d\) 180,000 x 0\.6/);
  });

  it("gives byte-identical report files for the same run, whether built by run --report or by report", async () => {
    const second = scratch();
    expect((await resim(...RUN, "--out", second)).code).toBe(0);
    const { code, stdout } = await resim("report", second);
    expect(code).toBe(0);
    expect(stdout).toBe(`wrote ${join(second, "report.html")} and 5 charts (SVG, PNG, Vega-Lite) in ${join(second, "charts")}\n`);
    for (const file of ["report.html", ...readdirSync(join(first, "charts")).map((name) => join("charts", name))]) {
      expect(readFileSync(join(second, file)).equals(readFileSync(join(first, file))), file).toBe(true);
    }
  });

  it("adds sweep curves when the run's folder holds a sweep.csv", async () => {
    const folder = scratch();
    cpSync(join(first, "summary.json"), join(folder, "summary.json"));
    const sweep = ["sweep", "scenarios/riverton.yaml", "--model", "centralized-outreach", "--param", "models.centralized-outreach.dispatch[0].uptake", "--values", "0.5,1", "--days", "2", "--replications", "2", "--workers", "1", "--quiet", "--out", folder];
    expect((await resim(...sweep)).code).toBe(0);
    expect(await resim("report", folder, "--quiet")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(readdirSync(join(folder, "charts"))).toContain("sweep-responseMin-p90-behavioralHealth.png");
    expect(readFileSync(join(folder, "report.html"), "utf8")).toContain("<h2>Sweep: models.centralized-outreach.dispatch[0].uptake</h2>");
  });

  it("exits with code 2 and names the folder and the missing summary.json", async () => {
    const empty = scratch();
    const { code, stdout, stderr } = await resim("report", empty);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`resim: ${empty} has no summary.json: a report is built from a run's results; run 'resim run SCENARIO --out ${empty}' first, or pass --report to resim run\n`);
  });
});
