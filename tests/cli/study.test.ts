/** Sweeps, sensitivity and sharding end to end, through the compiled CLI. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resim } from "../helpers/cli.js";
import { tree } from "../helpers/tree.js";

const scratchFolders: string[] = [];
const scratch = () => {
  const folder = mkdtempSync(join(tmpdir(), "resim-study-"));
  scratchFolders.push(folder);
  return folder;
};
afterAll(() => scratchFolders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

const sweep = ["sweep", "scenarios/riverton.yaml", "--model", "centralized-outreach", "--param", "models.centralized-outreach.staffing.outreach-team[3].units", "--values", "0..2", "--param", "models.centralized-outreach.dispatch[0].uptake", "--values", "0.5,1", "--days", "4", "--replications", "3", "--quiet"];

/** The unsharded sweep and its two shards, run once (side by side) for every test that reads them. */
let sweepRuns: Promise<{ whole: string; part1: string; part2: string }> | undefined;
function ranSweep(): Promise<{ whole: string; part1: string; part2: string }> {
  sweepRuns ??= (async () => {
    const [whole, part1, part2] = [scratch(), scratch(), scratch()];
    const runs = await Promise.all([
      resim(...sweep, "--out", whole),
      resim(...sweep, "--out", part1, "--shard", "1/2", "--workers", "1"),
      resim(...sweep, "--out", part2, "--shard", "2/2", "--workers", "2"),
    ]);
    expect(runs.map((run) => [run.code, run.stderr])).toEqual([[0, ""], [0, ""], [0, ""]]);
    return { whole, part1, part2 };
  })();
  return sweepRuns;
}

describe("resim sweep and resim merge", () => {
  it("merges shards into exactly the files one unsharded run writes", async () => {
    const { whole, part1, part2 } = await ranSweep();
    const merged = scratch();
    expect((await resim("merge", part2, part1, "--out", merged)).code).toBe(0);
    expect(tree(merged)).toEqual(tree(whole));
    const chart = JSON.parse(readFileSync(join(whole, "sweep-fallbackRate.vl.json"), "utf8"));
    expect(chart.layer.map((layer: { mark: { type: string } }) => layer.mark.type)).toEqual(["line", "point", "area"]);
    // The priority-1 curve carries the scenario's target (riverton: 10 minutes) as a dashed line.
    const p1 = readFileSync(join(whole, "sweep-responseMin.p90.priority1.vl.json"), "utf8");
    expect(JSON.parse(p1).layer.find((layer: { data?: { values?: { target?: number }[] } }) => layer.data?.values?.[0]?.target !== undefined).data.values[0]).toEqual({ target: 10, label: "city target: 10 min" });
    const csv = readFileSync(join(whole, "sweep.csv"), "utf8").split("\n");
    expect(csv[0]).toBe("point,parameter,value,parameter2,value2,model,metric,mean,ci_low,ci_high,n,unit,base_point,minus_base_point,minus_base_point_ci_low,minus_base_point_ci_high,minus_baseline,minus_baseline_ci_low,minus_baseline_ci_high");
    expect(csv[1]).toMatch(/^0,models\.centralized-outreach\.staffing\.outreach-team\[3\]\.units,0,models\.centralized-outreach\.dispatch\[0\]\.uptake,0\.5,police-only,calls,/);
  });

  it("sweep --help lists every column sweep.csv is written with, in the file's order", async () => {
    const { whole } = await ranSweep();
    const header = readFileSync(join(whole, "sweep.csv"), "utf8").split("\n")[0].split(",");
    const help = await resim("sweep", "--help");
    expect(help.code).toBe(0);
    const listed = /Writes sweep\.csv \(([^:]*):/.exec(help.stdout.replace(/\s+/g, " "))![1];
    expect(listed.replace(/[[\]]/g, "").split(", ")).toEqual(header);
  });

  it("refuses to merge when a shard is missing, naming the missing shard as I/N and its points", async () => {
    const { part1 } = await ranSweep();
    const { code, stderr } = await resim("merge", part1, "--out", scratch());
    expect(code).toBe(2);
    expect(stderr).toBe("resim: the study has 6 points in 2 shards; missing shard 2/2 (points 1, 3, 5): run it again with --shard 2/2 and the same flags, then merge\n");
  });

  it("stops at once when a shard's complete output is already in its folder, and reruns a lost shard alone to merge", async () => {
    const { whole, part1, part2 } = await ranSweep();
    const again = await resim(...sweep, "--out", part1, "--shard", "1/2", "--workers", "1");
    expect(again).toEqual({ code: 0, stdout: `shard 1/2: already complete in ${part1} (same study, same flags); nothing to run\n`, stderr: "" });
    // Shard 2 was lost (a pre-empted task): only it runs again, into a new folder, and the merge is whole.
    const rerun = scratch();
    expect((await resim(...sweep, "--out", rerun, "--shard", "2/2", "--workers", "1")).code).toBe(0);
    const merged = scratch();
    expect((await resim("merge", part1, rerun, "--out", merged)).code).toBe(0);
    expect(tree(merged)).toEqual(tree(whole));
    expect(tree(rerun)).toEqual(tree(part2));
  });

  it("runs a shard again when its folder holds the same shard of another study (other flags)", async () => {
    const part = scratch();
    cpSync((await ranSweep()).part1, part, { recursive: true });
    const { code, stdout } = await resim(...sweep.filter((a) => a !== "--quiet"), "--seed", "7", "--out", part, "--shard", "1/2", "--workers", "1");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^shard 1\/2: 3 of 6 points written to /);
  });

  it("refuses to merge shards run with different --set values", async () => {
    const { part1 } = await ranSweep();
    const part2 = scratch();
    expect((await resim(...sweep, "--out", part2, "--shard", "2/2", "--set", "demand.callsPerDay=900")).code).toBe(0);
    const { code, stderr } = await resim("merge", part1, part2, "--out", scratch());
    expect(code).toBe(2);
    expect(stderr).toContain("belongs to a different study");
  });

  it("reports a damaged study file as a user error, not a crash", async () => {
    const part = scratch();
    cpSync((await ranSweep()).part1, part, { recursive: true });
    writeFileSync(join(part, "study.json"), "{ not json");
    const { code, stderr } = await resim("merge", part, "--out", scratch());
    expect(code).toBe(2);
    expect(stderr).toMatch(/study\.json: cannot be read as a study file/);
  });

  it("reports a bad swept value with the scenario's own message and the point", async () => {
    const { code, stderr } = await resim("sweep", "scenarios/riverton.yaml", "--param", "models.co-responder.staffing.co-responder[0].units", "--values", "-1,2", "--days", "1");
    expect(code).toBe(2);
    expect(stderr).toContain("models.co-responder.staffing.co-responder[0].units must be an integer >= 0, got -1 (set with --values of --param models.co-responder.staffing.co-responder[0].units) (at point models.co-responder.staffing.co-responder[0].units=-1)");
  });
});

describe("resim sensitivity", () => {
  it("ranks the scenario's uncertain parameters by their swing and writes a tornado chart", async () => {
    const out = scratch();
    const { code } = await resim("sensitivity", "scenarios/riverton.yaml", "--model", "centralized-outreach", "--metric", "cost.total", "--days", "5", "--replications", "3", "--quiet", "--out", out);
    expect(code).toBe(0);
    const rows = readFileSync(join(out, "sensitivity.csv"), "utf8").trim().split("\n").slice(1).map((line) => line.split(","));
    const swings = rows.map((r) => Number(r[15]));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    // Calls per day doubling between its low and high moves total cost more than the backup share does.
    const rank = (parameter: string) => rows.findIndex((r) => r[1] === parameter);
    expect(rank("demand.callsPerDay")).toBeLessThan(rank("unitTypes.outreach-team.backup.share"));
    const tornado = JSON.parse(readFileSync(join(out, "tornado.vl.json"), "utf8"));
    expect(tornado.data.values).toHaveLength(2 * rows.length);
    // Its report says in words what the chart shows, what the intervals cover and over what period.
    expect((await resim("report", out, "--quiet")).code).toBe(0);
    const page = readFileSync(join(out, "report.html"), "utf8");
    expect(page).toContain("moves total cost for centralized-outreach; the longest bars are the inputs that matter most.");
    expect(page).toContain("they do not cover uncertainty in the scenario&#39;s inputs");
    expect(page).toContain("Totals and counts are over the 5 measured days of each run, not a year.");
  });

  it("suggests the near miss for an unknown metric", async () => {
    const { code, stderr } = await resim("sensitivity", "scenarios/riverton.yaml", "--model", "centralized-outreach", "--metric", "cost.totl");
    expect(code).toBe(2);
    expect(stderr).toBe("resim: --metric: no metric 'cost.totl', did you mean 'cost.total'?\n");
  });
});

describe("resim staff", () => {
  it("prints the cheapest roster that meets the targets and the reduction that fails", async () => {
    const out = scratch();
    const { code, stdout } = await resim("staff", "scenarios/riverton.yaml", "--model", "centralized-outreach", "--unit", "outreach-team", "--target", "fallbackRate<=0.08", "--days", "14", "--replications", "3", "--max-units", "4", "--out", out);
    expect(code).toBe(0);
    expect(stdout).toContain("Cheapest roster of 'outreach-team' in 'centralized-outreach' meeting every target:");
    expect(stdout).toMatch(/\d+ rosters simulated, 3 replications of 14 days each\./);
    const document = JSON.parse(readFileSync(join(out, "staffing.json"), "utf8"));
    expect(document.best.checks[0]).toMatchObject({ target: "fallbackRate<=0.08", met: true });
    expect(document.best.checks[0].ci95[1]).toBeLessThanOrEqual(0.08);
  });

  it("says no roster fits when the budget cannot pay for the smallest roster", async () => {
    const out = scratch();
    const { code, stdout } = await resim("staff", "scenarios/riverton.yaml", "--model", "centralized-outreach", "--unit", "outreach-team", "--target", "fallbackRate<=0.08", "--days", "7", "--replications", "3", "--max-units", "3", "--budget", "1000", "--out", out, "--workers", "1");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^No roster within the staffing budget of \$1,000 meets every target: the smallest roster searched already costs \$[\d.]+k over the 7 measured days/);
    expect(JSON.parse(readFileSync(join(out, "staffing.json"), "utf8"))).toMatchObject({ budget: 1000, withinBudget: false });
  });

  it("suggests the near miss for an unknown unit type", async () => {
    const { code, stderr } = await resim("staff", "scenarios/riverton.yaml", "--model", "co-responder", "--unit", "co-responders", "--target", "fallbackRate<=0.1");
    expect(code).toBe(2);
    expect(stderr).toBe("resim: --unit: model 'co-responder' does not staff 'co-responders', did you mean 'co-responder'?\n");
  });
});

describe("the report of a run with outreach teams", () => {
  it("shows the teams' outreach hours apart from their call time", async () => {
    const out = scratch();
    expect((await resim("run", "scenarios/riverton-barriers.yaml", "--days", "3", "--replications", "2", "--quiet", "--report", "--out", out)).code).toBe(0);
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain("Hours outreach-team teams spent on outreach and follow-ups rather than calls");
  });
});
