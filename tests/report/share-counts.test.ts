/**
 * Counts beside shares in the key-numbers tables (report.html) and the terminal tables of
 * `resim run` and `resim compare`: a share of calls is followed by the count a year it stands for
 * (share x mean count of those calls x 365 / measured days), a difference by the change in that
 * count. The tiny summary measures 73 days, so a year is 5 measured periods; every expected count
 * below is worked out by hand from it.
 */
import { describe, expect, it } from "vitest";
import { metricDefinitions } from "../../src/metrics/definitions.js";
import type { MetricSummary } from "../../src/metrics/summarize.js";
import { compareTable } from "../../src/report/compare-table.js";
import { comparisonTable } from "../../src/report/comparison-table.js";
import { formatCountAYear, shareCountAYear, shareCountChangeAYear } from "../../src/report/counts-a-year.js";
import { comparisonTables } from "../../src/report/report-tables.js";
import type { SummaryDocument } from "../../src/report/summary-files.js";

const figure = (mean: number, ci95: [number, number] | null = null): MetricSummary => ({ mean, ci95, n: 4 });

/**
 * police-only: 40 BH calls, a quarter arrested (50 a year), none eligible.
 * co-responder: 44 BH calls, a tenth arrested (0.1 x 44 x 5 = 22 a year, 28 fewer), 20 eligible
 * calls of which 15% fell back to police (0.15 x 20 x 5 = 15 a year, 15 more).
 */
function tinySummary(): SummaryDocument {
  const metrics = {
    calls: { unit: "calls", description: "calls" },
    bhCalls: { unit: "calls", description: "BH calls" },
    arrestRate: { unit: "share", description: "arrest share" },
    eligibleCalls: { unit: "calls", description: "eligible calls" },
    fallbackRate: { unit: "share", description: "fallback share" },
    priority1WithinTargetRate: { unit: "share", description: "within target" },
    "utilization.patrol": { unit: "share", description: "utilization" },
  };
  return {
    scenario: "tiny",
    description: "tiny",
    scenarioFile: "tiny.yaml",
    seed: 1,
    replications: 4,
    horizonDays: 73,
    warmupDays: 0,
    baseline: "police-only",
    metrics,
    models: {
      "police-only": {
        description: "police",
        metrics: {
          calls: figure(100),
          bhCalls: figure(40),
          arrestRate: figure(0.25, [0.2, 0.3]),
          eligibleCalls: figure(0),
          fallbackRate: figure(0),
          priority1WithinTargetRate: figure(0.8),
          "utilization.patrol": figure(0.5),
        },
      },
      "co-responder": {
        description: "co-responder",
        metrics: {
          calls: figure(100),
          bhCalls: figure(44),
          arrestRate: figure(0.1, [0.05, 0.15]),
          eligibleCalls: figure(20),
          fallbackRate: figure(0.15),
          priority1WithinTargetRate: figure(0.7),
          "utilization.patrol": figure(0.4),
        },
        vsBaseline: {
          calls: figure(0),
          bhCalls: figure(4),
          arrestRate: figure(-0.15, [-0.2, -0.1]),
          eligibleCalls: figure(20),
          fallbackRate: figure(0.15),
          priority1WithinTargetRate: figure(-0.1),
          "utilization.patrol": figure(-0.1),
        },
      },
    },
  };
}

const definitions = metricDefinitions({ unitTypes: [{ name: "patrol" }], maxPriority: 1, geography: null }).filter((d) => d.name in tinySummary().metrics);

/** The cells of the HTML row whose heading starts with `label`. */
function htmlRow(page: string, table: number, label: string): string[] {
  const tbody = page.split("<tbody>")[table + 1].split("</tbody>")[0];
  const row = tbody.split("\n").find((line) => line.startsWith(`<tr><th scope="row">${label}`));
  if (!row) throw new Error(`no row ${label}`);
  return [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
}

describe("counts a year beside shares", () => {
  it("counts a share of calls as share x mean count x 365 / measured days, and a change as the difference of the two counts", () => {
    const [police, co] = ["police-only", "co-responder"].map((m) => tinySummary().models[m].metrics);
    expect(shareCountAYear(police, "arrestRate", 73)).toBeCloseTo(50, 9);
    expect(shareCountAYear(co, "arrestRate", 73)).toBeCloseTo(22, 9);
    expect(shareCountChangeAYear(co, police, "arrestRate", 73)).toBeCloseTo(-28, 9);
    expect(shareCountChangeAYear(co, police, "fallbackRate", 73)).toBeCloseTo(15, 9);
    // A share of on-duty time or of priority-1 calls (no count metric) has no count.
    expect(shareCountAYear(co, "utilization.patrol", 73)).toBeNull();
    expect(shareCountAYear(co, "priority1WithinTargetRate", 73)).toBeNull();
  });

  it("writes a change with its sign and never as minus zero", () => {
    expect([formatCountAYear(15, true), formatCountAYear(-28, true), formatCountAYear(-0.4, true), formatCountAYear(1240)]).toEqual(["+15 a year", "-28 a year", "0 a year", "1,240 a year"]);
  });

  it("shows in report.html's estimates the count a year under each share of calls, between the share and its interval, and none under other shares", () => {
    const page = String(comparisonTables(tinySummary()));
    expect(htmlRow(page, 0, "BH calls ending in arrest")).toEqual([
      '25.0%<span class="count">50 a year</span><span class="ci">20.0% to 30.0%</span>',
      '10.0%<span class="count">22 a year</span><span class="ci">5.0% to 15.0%</span>',
    ]);
    expect(htmlRow(page, 0, "Eligible calls that fell back to police")).toEqual(['0.0%<span class="count">0 a year</span>', '15.0%<span class="count">15 a year</span>']);
    expect(htmlRow(page, 0, "Priority-1 calls reached within the target")).toEqual(["80.0%", "70.0%"]);
    expect(htmlRow(page, 0, "Utilization of patrol units")).toEqual(["50.0%", "40.0%"]);
  });

  it("shows in report.html's differences the change in count a year beside each share of calls", () => {
    const page = String(comparisonTables(tinySummary()));
    expect(htmlRow(page, 1, "BH calls ending in arrest")).toEqual(['-15.0 pt<span class="count">about -28 a year</span><span class="ci">-20.0 pt to -10.0 pt</span>']);
    expect(htmlRow(page, 1, "Eligible calls that fell back to police")).toEqual(['+15.0 pt<span class="count">about +15 a year</span>']);
    expect(htmlRow(page, 1, "Priority-1 calls reached within the target")).toEqual(["-10.0 pt"]);
  });

  it("follows each share of calls in the terminal table of resim run by its count a year, and its difference by the change", () => {
    const lines = comparisonTable(tinySummary(), definitions, ["police-only", "co-responder"]).split("\n");
    const rows = (metric: string) => lines.filter((line) => line.startsWith(`${metric} (`)).map((line) => line.split(/ {2,}/).slice(1));
    expect(rows("arrestRate")).toEqual([
      ["25.0% [20.0%, 30.0%] (50 a year)", "10.0% [5.0%, 15.0%] (22 a year)"],
      ["-15.0 pt [-20.0 pt, -10.0 pt] (-28 a year) *"],
    ]);
    expect(rows("fallbackRate")).toEqual([["0.0% (0 a year)", "15.0% (15 a year)"], ["+15.0 pt (+15 a year)"]]);
    expect(rows("utilization.patrol")).toEqual([["50.0%", "40.0%"], ["-10.0 pt"]]);
  });

  it("follows each share of calls in the terminal table of resim compare by A's and B's counts a year and B - A's change", () => {
    const single = tinySummary();
    const document: SummaryDocument = {
      ...single,
      baseline: "A:co-responder",
      models: { "A:co-responder": single.models["police-only"], "B:co-responder": single.models["co-responder"] },
      comparison: {
        a: { scenario: "a", scenarioFile: "a.yaml" },
        b: { scenario: "b", scenarioFile: "b.yaml" },
        pairs: { "B:co-responder": "A:co-responder" },
        demandDifferences: { "co-responder": [] },
      },
    };
    const lines = compareTable(document, definitions).split("\n");
    const row = (metric: string) => lines.find((line) => line.startsWith(`${metric} (`))!.split(/ {2,}/).slice(1);
    expect(row("arrestRate")).toEqual(["25.0% [20.0%, 30.0%] (50 a year)", "10.0% [5.0%, 15.0%] (22 a year)", "-15.0 pt [-20.0 pt, -10.0 pt] (-28 a year) *"]);
    expect(row("utilization.patrol")).toEqual(["50.0%", "40.0%", "-10.0 pt"]);
  });
});
