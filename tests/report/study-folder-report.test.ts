/**
 * `resim report` on the folders of resim uncertainty and resim staff, and a run's report when its
 * folder also holds an uncertainty analysis: every figure on the page is the one in the folder's files.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { UncertaintyRun } from "../../src/experiment/uncertainty-analysis.js";
import { formatMoney } from "../../src/report/format.js";
import { metricLabel, parameterLabel } from "../../src/report/metric-labels.js";
import { outcomeWords } from "../../src/report/uncertainty-section.js";
import { uncertaintyTornadoes } from "../../src/report/uncertainty-tornado.js";
import { resim } from "../helpers/cli.js";
import { tinyScenario } from "../helpers/tiny-world.js";
import { scratchFolders } from "./scratch.js";

const scratch = scratchFolders("resim-study-report-");

/** The body rows of the table with this id, as the text of their cells. */
function tableRows(page: string, id: string): string[][] {
  const table = new RegExp(`<table[^>]*id="${id}"[^>]*>([\\s\\S]*?)</table>`).exec(page);
  if (!table) throw new Error(`no table #${id}`);
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table[1])![1];
  const text = (cell: string) => cell.replace(/<[^>]+>/g, " ").replace(/&#39;/g, "'").replace(/&amp;/g, "&").replace(/\s+/g, " ").trim();
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => text(cell[1])));
}

function csv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, "utf8").trim().split("\n");
  const keys = header.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((value, i) => [keys[i], value])));
}

const percent = (p: string) => `${Math.round(Number(p) * 100)}%`;

/** Every file of the report set (report.html and charts/), by path. */
function reportFiles(folder: string): Map<string, Buffer> {
  const files = new Map([["report.html", readFileSync(join(folder, "report.html"))]]);
  for (const name of readdirSync(join(folder, "charts"))) files.set(`charts/${name}`, readFileSync(join(folder, "charts", name)));
  return files;
}

describe("resim report on an uncertainty analysis's folder", () => {
  let folder: string;
  let page: string;
  beforeAll(async () => {
    folder = scratch();
    const psa = ["psa", "scenarios/riverton.yaml", "--draws", "4", "--days", "2", "--model", "centralized-outreach", "--wtp", "500,2000", "--workers", "1", "--quiet"];
    expect(await resim(...psa, "--out", folder, "--report")).toEqual({ code: 0, stdout: "", stderr: "" });
    page = readFileSync(join(folder, "report.html"), "utf8");
  });

  it("shows, for each key measure, the probability of being better that uncertainty-summary.csv holds", () => {
    const rows = tableRows(page, "p-better");
    const differences = csv(join(folder, "uncertainty-summary.csv")).filter((r) => r.model === "centralized-outreach" && r.kind === "difference");
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const [label, , probability] of rows) {
      const row = differences.find((r) => metricLabel(r.metric) === label);
      expect(row, label).toBeDefined();
      expect(probability, label).toBe(percent(row!.p_better));
    }
    expect(rows.map((r) => r[0])).toContain("BH calls answered without police");
  });

  it("shows the probability of being cost-effective at each stated willingness to pay, as ceac.csv holds it", () => {
    const rows = tableRows(page, "p-cost-effective");
    const curves = csv(join(folder, "ceac.csv")).filter((r) => r.model === "centralized-outreach");
    const outcomes = [...new Set(curves.map((r) => r.outcome))];
    expect(rows).toHaveLength(outcomes.length * 2);
    for (const outcome of outcomes) {
      for (const wtp of [500, 2000]) {
        const row = rows.find(([label]) => label === `${formatMoney(wtp)} per ${outcomeWords(outcome)}`);
        const point = curves.find((r) => r.outcome === outcome && Number(r.wtp) === wtp)!;
        expect(row?.[1], `${outcome} at ${wtp}`).toBe(percent(point.p_cost_effective));
      }
    }
  });

  it("names every uncertain input with its range and says in one sentence what the ranges cover", () => {
    const document = JSON.parse(readFileSync(join(folder, "uncertainty.json"), "utf8"));
    const page2 = page.replace(/&#39;/g, "'");
    for (const input of document.inputs) expect(page2).toContain(input.path);
    expect(page2).toContain("<td class=\"num\">247</td><td class=\"num\">493</td>");
    expect(page2).toContain("Each figure here is the average over 4 draws, with the range that holds 95% of them");
    expect(page2).toContain("so the ranges cover both what is not known about those inputs and the simulation's own chance variation");
  });

  it("draws the tornado of the option's cost difference from the bars in uncertainty-tornado.csv, and names the top input of each measure", () => {
    const document = JSON.parse(readFileSync(join(folder, "uncertainty.json"), "utf8"));
    const drawn = document.tornado.filter((t: { chart: string | null }) => t.chart !== null);
    expect(drawn.map((t: { model: string; metric: string }) => `${t.model} ${t.metric}`)).toContain("centralized-outreach cost.total");
    const cost = drawn.find((t: { metric: string }) => t.metric === "cost.total");
    const spec = JSON.parse(readFileSync(join(folder, "charts", `uncertainty-${cost.chart.replace(".vl.json", "")}.vl.json`), "utf8"));
    const bars = csv(join(folder, "uncertainty-tornado.csv")).filter((r) => r.model === "centralized-outreach" && r.metric === "cost.total");
    for (const bar of bars) {
      const ends = spec.data.values.filter((v: { path: string }) => v.path === bar.input);
      expect(ends.map((v: { end: string; value: number }) => [v.end, v.value])).toEqual([["low", Number(bar.low_mean_difference)], ["high", Number(bar.high_mean_difference)]]);
    }
    const summary = csv(join(folder, "uncertainty-summary.csv")).find((r) => r.model === "centralized-outreach" && r.kind === "difference" && r.metric === "cost.total")!;
    expect(spec.layer[1].encoding.x.datum).toBe(Number(summary.mean));
    const totalCost = tableRows(page, "drivers").find(([label]) => label === "Total cost")!;
    expect(totalCost[1]).toMatch(new RegExp(`^${parameterLabel(bars[0].input).replace(/[()[\].]/g, "\\$&")} \\(moves it by `));
  });

  it("gives byte-identical report files when resim report runs again on the same folder", async () => {
    const before = reportFiles(folder);
    expect(await resim("report", folder, "--quiet")).toEqual({ code: 0, stdout: "", stderr: "" });
    const after = reportFiles(folder);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes), path).toBe(true);
  });
});

describe("the tornado of an uncertainty analysis", () => {
  it("averages each option's difference over the third of draws with an input lowest and the third with it highest, largest swing first", () => {
    const a = [1, 2, 3, 4, 5, 6];
    const b = [3, 1, 4, 6, 2, 5];
    const run = {
      baseline: "base",
      models: ["base", "option"],
      draws: 6,
      inputs: [{ path: "b", dist: "range", low: 1, high: 6, source: "" }, { path: "a", dist: "range", low: 1, high: 6, source: "" }],
      values: a.map((x, d) => [b[d], x]),
      metrics: ["cost.total"],
      results: {
        base: a.map(() => new Map([["cost.total", 100]])),
        option: a.map((x) => new Map([["cost.total", 100 + 10 * x]])),
      },
    } as unknown as UncertaintyRun;
    const [tornado] = uncertaintyTornadoes(run, { base: { metrics: {} }, option: { metrics: {}, vsBaseline: { "cost.total": { mean: 35, range95: null, n: 6, direction: "lower", pBetter: 0 } } } });
    expect(tornado).toMatchObject({ model: "option", metric: "cost.total", drawsPerEnd: 2, overall: 35, chart: "tornado-1.vl.json" });
    // a decides the difference: its lowest third (a = 1, 2) averages 15, its highest (5, 6) 55.
    expect(tornado.rows[0]).toEqual({ input: "a", lowUpTo: 2, highFrom: 5, lowMean: 15, highMean: 55, swing: 40 });
    // b's lowest third is draws 2 and 5 (a = 2, 5), its highest draws 4 and 6 (a = 4, 6).
    expect(tornado.rows[1]).toEqual({ input: "b", lowUpTo: 2, highFrom: 5, lowMean: 35, highMean: 50, swing: 15 });
  });
});

describe("resim report on a staffing search's folder", () => {
  let folder: string;
  let page: string;
  let document: {
    best: { units: number[]; plannedCostPerDay: number; checks: { mean: number }[] };
    search: { simulated: { units: number[]; feasible: boolean; plannedCostPerDay: number; checks: { mean: number }[] }[] };
  };
  beforeAll(async () => {
    folder = scratch();
    const staff = ["staff", "scenarios/riverton.yaml", "--model", "centralized-outreach", "--unit", "outreach-team", "--target", "fallbackRate<=0.2", "--days", "2", "--replications", "2", "--max-units", "2", "--no-recheck", "--workers", "1", "--quiet"];
    expect(await resim(...staff, "--out", folder)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await resim("report", folder, "--quiet")).toEqual({ code: 0, stdout: "", stderr: "" });
    page = readFileSync(join(folder, "report.html"), "utf8");
    document = JSON.parse(readFileSync(join(folder, "staffing.json"), "utf8"));
  });

  it("shows as chosen the cheapest roster of its table that meets every target, with its cost", () => {
    const rows = tableRows(page, "roster-table");
    expect(rows).toHaveLength(document.search.simulated.length);
    const firstPassing = rows.find((row) => row[row.length - 1].startsWith("yes"))!;
    expect(firstPassing[firstPassing.length - 1]).toBe("yes (chosen)");
    expect(firstPassing.slice(0, 4).map(Number)).toEqual(document.best.units);
    expect(rows.filter((row) => row[row.length - 1].endsWith("(chosen)"))).toHaveLength(1);
    const feasible = document.search.simulated.filter((r) => r.feasible).map((r) => r.plannedCostPerDay);
    expect(Math.min(...feasible)).toBe(document.best.plannedCostPerDay);
    const best = tableRows(page, "best");
    expect(best.slice(0, 4).map((row) => Number(row[1].split(" ")[0]))).toEqual(document.best.units);
    expect(best.find(([label]) => label === "Planned cost of the searched blocks")![1]).toContain(formatMoney(document.best.plannedCostPerDay));
    expect(page).toContain("Eligible calls that fell back to police: at most 20.0%");
  });

  it("charts every roster simulated, its cost against its figure on the target, with the target as a line", () => {
    const spec = JSON.parse(readFileSync(join(folder, "charts", "staffing-target-1.vl.json"), "utf8"));
    expect(spec.data.values).toHaveLength(document.search.simulated.length);
    expect(spec.data.values.map((v: { costPerDay: number; mean: number }) => [v.costPerDay, v.mean])).toEqual(document.search.simulated.map((r) => [r.plannedCostPerDay, r.checks[0].mean]));
    expect(spec.data.values.filter((v: { chosen: boolean }) => v.chosen)).toHaveLength(1);
    expect(spec.layer[3].encoding.y.datum).toBe(0.2);
  });
});

describe("a run's report when its folder also holds an uncertainty analysis of its scenario", () => {
  it("adds the section on uncertain inputs after the decision summary, with the analysis's probabilities, and says so in the note on intervals", async () => {
    const folder = scratch();
    const common = ["scenarios/riverton.yaml", "--days", "2", "--model", "centralized-outreach", "--workers", "1", "--quiet", "--out", folder];
    expect((await resim("run", ...common, "--replications", "2")).code).toBe(0);
    expect(await resim("psa", ...common, "--draws", "3", "--report")).toEqual({ code: 0, stdout: "", stderr: "" });
    const page = readFileSync(join(folder, "report.html"), "utf8");
    const headings = [...page.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(headings.slice(0, 3)).toEqual(["Decision summary", "Uncertain inputs", "Key numbers"]);
    expect(page).toContain("the section on uncertain inputs below shows how the results move when those inputs vary.");
    const differences = csv(join(folder, "uncertainty-summary.csv")).filter((r) => r.kind === "difference");
    for (const [label, , probability] of tableRows(page, "p-better")) {
      expect(probability, label).toBe(percent(differences.find((r) => metricLabel(r.metric) === label)!.p_better));
    }
    // Figures are numbered in page order: the section's first, then the run's charts.
    const numbers = [...page.matchAll(/<strong>Figure (\d+)\.<\/strong>/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(page.indexOf('id="chart-uncertainty-ceac"')).toBeLessThan(page.indexOf('id="chart-response-time"'));
  });
});

describe("a run's report when its folder holds an uncertainty analysis of another scenario", () => {
  it("leaves the analysis out of the report (no section, no charts) and says why in a note naming the file and both scenarios", async () => {
    const folder = scratch();
    const [run, other, out] = [join(folder, "tiny.json"), join(folder, "other.json"), join(folder, "out")];
    writeFileSync(run, JSON.stringify(tinyScenario()));
    writeFileSync(other, JSON.stringify(tinyScenario({ name: "other-town", uncertain: [{ path: "demand.callsPerDay", low: 5, high: 20, source: "a guess" }] })));
    expect((await resim("run", run, "--quiet", "--workers", "1", "--out", out)).code).toBe(0);
    expect((await resim("psa", other, "--draws", "3", "--quiet", "--workers", "1", "--out", out)).code).toBe(0);
    expect(readdirSync(out)).toContain("uncertainty.json");
    const report = await resim("report", out, "--quiet");
    expect(report).toEqual({ code: 0, stdout: "", stderr: `resim: note: ${join(out, "uncertainty.json")} is an analysis of the scenario 'other-town', not of this run's 'tiny': the report leaves it out\n` });
    const page = readFileSync(join(out, "report.html"), "utf8");
    expect([...page.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1])).not.toContain("Uncertain inputs");
    expect(page).not.toContain("the section on uncertain inputs below");
    expect(page).not.toContain('id="chart-uncertainty-');
    expect(readdirSync(join(out, "charts")).filter((name) => name.startsWith("uncertainty"))).toEqual([]);
    // The run's own report is there in full.
    expect(page).toContain("<h2>Key numbers</h2>");
  });
});

describe("resim report on a sensitivity analysis's folder", () => {
  it("still gives the tornado and the ranked table, each input's swing as sensitivity.csv holds it", async () => {
    const folder = scratch();
    const file = join(folder, "tiny.json");
    writeFileSync(file, JSON.stringify(tinyScenario({ uncertain: [{ path: "demand.callsPerDay", low: 5, high: 20, source: "a guess" }, { path: "unitTypes.patrol.costPerHour", low: 40, high: 80, source: "a guess" }] })));
    const out = join(folder, "out");
    expect((await resim("sensitivity", file, "--model", "police-only", "--metric", "cost.total", "--quiet", "--workers", "1", "--out", out)).code).toBe(0);
    expect(await resim("report", out, "--quiet")).toEqual({ code: 0, stdout: "", stderr: "" });
    const page = readFileSync(join(out, "report.html"), "utf8");
    expect(page).toContain('<figure id="chart-tornado">');
    const ranked = csv(join(out, "sensitivity.csv"));
    const rows = [...page.matchAll(/<tr><td>(\d+)<\/td><td>([^<]+)<\/td>/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(ranked.map((r) => [r.rank, parameterLabel(r.parameter)]));
    // In words on the page; the key paths are listed once under the title.
    expect(rows.map(([, name]) => name).sort()).toEqual(["calls per day", "cost per hour, patrol"]);
    expect(page).toContain("<code>demand.callsPerDay</code>, <code>unitTypes.patrol.costPerHour</code>, <code>cost.total</code></p>");
  });
});
