/** `resim report` and `resim run --report` end to end, through the compiled CLI (npm test builds it first). */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
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
    expect(stderr).toBe(
      `resim: ${empty} holds no results to report on: expected summary.json (from resim run or compare), study.json (sweep or sensitivity), uncertainty.json (uncertainty) or staffing.json (staff); run one of them with --out ${empty} first, or pass --report to it\n`,
    );
  });
});

describe("resim report on folders of other kinds", () => {
  it("exits with code 2 on a folder of no known kind, naming the folder and the files a report is built from", async () => {
    const folder = scratch();
    writeFileSync(join(folder, "results.csv"), "a,b\n1,2\n");
    const { code, stdout, stderr } = await resim("report", folder);
    expect([code, stdout]).toEqual([2, ""]);
    expect(stderr).toMatch(new RegExp(`^resim: ${folder} holds no results to report on: expected summary\\.json .*staffing\\.json \\(staff\\)`));
    const missing = join(folder, "nowhere");
    expect((await resim("report", missing)).stderr).toBe(`resim: ${missing}: no such folder (expected the output folder of resim run, compare, sweep, sensitivity, uncertainty or staff, such as reports/riverton)\n`);
  });

  it("exits with code 2 on a shard of an uncertainty analysis, saying to merge the shards first", async () => {
    const folder = scratch();
    const shard = ["psa", "scenarios/riverton.yaml", "--draws", "2", "--days", "1", "--shard", "1/2", "--workers", "1", "--quiet", "--out", folder];
    expect((await resim(...shard)).code).toBe(0);
    const { code, stderr } = await resim("report", folder);
    expect(code).toBe(2);
    expect(stderr).toBe(`resim: ${folder} holds draws of an uncertainty analysis as shard parts (study.json, points/): combine the shards first with resim merge FOLDER... --out DIR, then report on DIR\n`);
  });

  it("exits with code 2 on a staffing.json of an older resim, which lacks the rosters' figures", async () => {
    const folder = scratch();
    writeFileSync(join(folder, "staffing.json"), JSON.stringify({ scenario: "x", scenarioFile: "x.yaml", model: "m", unitTypes: ["t"], blocks: [], targets: ["fallbackRate<=0.1"], status: "optimal", seed: 1, replications: 2, horizonDays: 2, search: { simulated: [{ units: [1], feasible: true }] }, scenarioRoster: { units: [1] } }));
    const { code, stderr } = await resim("report", folder);
    expect(code).toBe(2);
    expect(stderr).toBe(`resim: ${join(folder, "staffing.json")} was written by an older resim, without each simulated roster's cost and figures (search.simulated): run resim staff again to report on it\n`);
  });
});
