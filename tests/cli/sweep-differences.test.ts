/**
 * sweep.csv's paired differences, end to end through the compiled CLI, checked against figures
 * computed by hand from the replications.csv of plain runs at the swept values (same seeds).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { resim } from "../helpers/cli.js";

const folders: string[] = [];
const scratch = () => {
  const folder = mkdtempSync(join(tmpdir(), "resim-sweep-diff-"));
  folders.push(folder);
  return folder;
};
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

const PARAM = "models.centralized-outreach.dispatch[0].uptake";
const common = ["scenarios/riverton.yaml", "--model", "centralized-outreach", "--days", "2", "--replications", "3", "--quiet"];
/** t(0.975, 2): the Student t quantile for a 95% interval from 3 replications. */
const T_975_2 = 4.302652729911275;

/** value[model][metric][replication] from a run's replications.csv. */
function replications(folder: string): Map<string, number[]> {
  const rows = parse(readFileSync(join(folder, "replications.csv"), "utf8"), { columns: true }) as { model: string; replication: string; metric: string; value: string }[];
  const out = new Map<string, number[]>();
  for (const row of rows) {
    const key = `${row.model} ${row.metric}`;
    const values = out.get(key) ?? [];
    values[Number(row.replication)] = Number(row.value);
    out.set(key, values);
  }
  return out;
}

/** Mean and 95% interval of paired differences a - b, by hand: mean +- t * sd / sqrt(n). */
function byHand(a: number[], b: number[]): [number, number, number] {
  const d = a.map((x, i) => x - b[i]);
  const mean = d.reduce((s, x) => s + x, 0) / d.length;
  const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (d.length - 1));
  const half = (T_975_2 * sd) / Math.sqrt(d.length);
  return [mean, mean - half, mean + half];
}

let runs: Promise<{ sweep: string; sweep2: string; low: string; high: string }> | undefined;
function ran() {
  runs ??= (async () => {
    const [sweep, sweep2, low, high] = [scratch(), scratch(), scratch(), scratch()];
    const results = await Promise.all([
      resim("sweep", ...common, "--param", PARAM, "--values", "0.5,1", "--out", sweep, "--workers", "1"),
      resim("sweep", ...common, "--param", PARAM, "--values", "0.5,1", "--out", sweep2, "--workers", "2"),
      resim("run", ...common, "--set", `${PARAM}=0.5`, "--out", low),
      resim("run", ...common, "--set", `${PARAM}=1`, "--out", high),
    ]);
    expect(results.map((r) => [r.code, r.stderr])).toEqual([[0, ""], [0, ""], [0, ""], [0, ""]]);
    return { sweep, sweep2, low, high };
  })();
  return runs;
}

function sweepRows(folder: string): Record<string, string>[] {
  return parse(readFileSync(join(folder, "sweep.csv"), "utf8"), { columns: true }) as Record<string, string>[];
}

describe("resim sweep's paired differences", () => {
  it("keep the older columns first and add the unit and the differences as trailing columns", async () => {
    const { sweep } = await ran();
    expect(readFileSync(join(sweep, "sweep.csv"), "utf8").split("\n")[0]).toBe(
      "point,parameter,value,model,metric,mean,ci_low,ci_high,n,unit,base_point,minus_base_point,minus_base_point_ci_low,minus_base_point_ci_high,minus_baseline,minus_baseline_ci_low,minus_baseline_ci_high",
    );
    const units = new Map(sweepRows(sweep).map((row) => [row.metric, row.unit]));
    expect([units.get("responseMin.p90.behavioralHealth"), units.get("fallbackRate"), units.get("cost.total"), units.get("officerHoursBH"), units.get("arrests")]).toEqual(["minutes", "share", "currency", "hours", "calls"]);
    expect([...units.values()].filter((unit) => unit === "")).toEqual([]);
  });

  it("give each point's difference from point 0, per replication then mean and Student-t interval, as computed by hand from two runs' replications.csv", async () => {
    const { sweep, low, high } = await ran();
    const [at05, at1] = [replications(low), replications(high)];
    const rows = sweepRows(sweep);
    let checked = 0;
    for (const metric of ["responseMin.p90.behavioralHealth", "fallbackRate", "cost.total", "answeredWithoutPoliceCalls"]) {
      const key = `centralized-outreach ${metric}`;
      const row = rows.find((r) => r.point === "1" && r.model === "centralized-outreach" && r.metric === metric)!;
      expect(row.base_point).toBe("0");
      const [mean, lowEnd, highEnd] = byHand(at1.get(key)!, at05.get(key)!);
      expect(Number(row.minus_base_point)).toBeCloseTo(mean, 5);
      expect(Number(row.minus_base_point_ci_low)).toBeCloseTo(lowEnd, 5);
      expect(Number(row.minus_base_point_ci_high)).toBeCloseTo(highEnd, 5);
      checked++;
    }
    expect(checked).toBe(4);
    // The sweep's change for outreach is not zero: the test compares real differences.
    expect(Number(rows.find((r) => r.point === "1" && r.model === "centralized-outreach" && r.metric === "answeredWithoutPoliceCalls")!.minus_base_point)).toBeGreaterThan(0);
    // Point 0 against itself is exactly zero.
    expect(rows.filter((r) => r.point === "0").every((r) => r.minus_base_point === "0" || r.minus_base_point === "")).toBe(true);
  });

  it("give each model's difference from the baseline model at the same point, paired by replication, and none for the baseline itself", async () => {
    const { sweep, high } = await ran();
    const at1 = replications(high);
    const rows = sweepRows(sweep);
    const row = rows.find((r) => r.point === "1" && r.model === "centralized-outreach" && r.metric === "officerHoursBH")!;
    const [mean, lowEnd, highEnd] = byHand(at1.get("centralized-outreach officerHoursBH")!, at1.get("police-only officerHoursBH")!);
    expect([Number(row.minus_baseline), Number(row.minus_baseline_ci_low), Number(row.minus_baseline_ci_high)].map((x, i) => x - [mean, lowEnd, highEnd][i]).every((x) => Math.abs(x) < 1e-4 * Math.max(1, Math.abs(mean)))).toBe(true);
    expect(mean).toBeLessThan(0);
    expect(rows.filter((r) => r.model === "police-only").every((r) => r.minus_baseline === "")).toBe(true);
  });

  it("write the same sweep.csv with one worker thread or two", async () => {
    const { sweep, sweep2 } = await ran();
    expect(readFileSync(join(sweep2, "sweep.csv"), "utf8")).toBe(readFileSync(join(sweep, "sweep.csv"), "utf8"));
  });

  it("print, under each metric named in words, each point's change from point 0 with its interval", async () => {
    const { stdout, code } = await resim("sweep", ...common.filter((a) => a !== "--quiet"), "--param", PARAM, "--values", "0.5,1", "--metric", "fallbackRate", "--out", scratch());
    expect(code).toBe(0);
    expect(stdout).toContain("Eligible calls that fell back to police (%)\n");
    expect(stdout).toContain(`Eligible calls that fell back to police: change from point 0 (${PARAM} = 0.5), paired by replication\n`);
    // Files keep key paths in their names; the table does not.
    expect(stdout.split("; wrote ")[0]).not.toContain("fallbackRate");
    const change = stdout.split("paired by replication\n")[1].split("\n")[1];
    expect(change).toMatch(/^1 +0\.0 pt \[0\.0 pt, 0\.0 pt\] +[+-]\d+\.\d pt \[[+-]?\d+\.\d pt, [+-]?\d+\.\d pt\]$/);
  });
});
