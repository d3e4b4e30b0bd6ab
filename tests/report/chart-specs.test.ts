/**
 * Chart specs as snapshot files (Observable Plot style): each spec built from the fixture is
 * compared with tests/report/__snapshots__/NAME.vl.json. The fixture is made by arithmetic, so a
 * snapshot changes only when chart code changes; review the diff, then update with `vitest -u`.
 */
import { describe, expect, it } from "vitest";
import { chartContext } from "../../src/report/charts/summary-rows.js";
import { sweepChartSpec, type SweepRow } from "../../src/report/charts/sweep-chart.js";
import { reportCharts } from "../../src/report/report-charts.js";
import { fixtureDocument } from "./fixture.js";

const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";

describe("report chart specs", () => {
  const charts = reportCharts(fixtureDocument(), { status: "absent" });

  it("are response time, diversion, routing, cost and utilization, in that order", () => {
    expect(charts.map((c) => c.id)).toEqual(["response-time", "bh-outcomes", "routing", "cost", "utilization-by-hour"]);
  });

  for (const id of ["response-time", "bh-outcomes", "routing", "cost", "utilization-by-hour"]) {
    it(`${id} matches its snapshot`, async () => {
      const chart = charts.find((c) => c.id === id)!;
      await expect(json(chart.spec)).toMatchFileSnapshot(`__snapshots__/${id}.vl.json`);
    });
  }

  it("carry their data inline and name no URL, so rendering reads no file and makes no request", () => {
    for (const chart of charts) {
      const text = JSON.stringify(chart.spec);
      expect(text).not.toMatch(/"url"\s*:/);
      expect(text.match(/https?:\/\/[^"]*/g) ?? []).toEqual(["https://vega.github.io/schema/vega-lite/v6.json"]);
    }
  });

  it("leave the routing chart out when no model has an alternative to police", () => {
    const document = fixtureDocument((d) => {
      for (const model of Object.values(d.models)) model.metrics.eligibleCalls = { mean: 0, ci95: [0, 0], n: 10 };
    });
    expect(reportCharts(document, { status: "absent" }).map((c) => c.id)).not.toContain("routing");
  });

  it("leave the BH-outcomes chart out when the run had no behavioral-health calls", () => {
    const document = fixtureDocument((d) => {
      for (const model of Object.values(d.models)) {
        for (const metric of ["noArrestEdHoldRate", "arrestRate", "edRate", "holdRate"]) model.metrics[metric] = { mean: null, ci95: null, n: 0 };
      }
    });
    expect(reportCharts(document, { status: "absent" }).map((c) => c.id)).not.toContain("bh-outcomes");
  });

  it("keep each model's colour when a chart shows only some models", () => {
    const routing = charts.find((c) => c.id === "routing")!.spec as { hconcat: { layer: { encoding: { color?: { scale: unknown } } }[] }[] };
    expect(routing.hconcat[0].layer[0].encoding.color!.scale).toEqual({ domain: ["co-responder", "centralized-outreach"], range: ["#E69F00", "#009E73"] });
  });

  it("leave unrostered hours blank in the utilization chart instead of showing overtime as 100% busy", () => {
    const rows = (charts.find((c) => c.id === "utilization-by-hour")!.spec as { data: { values: { unitType: string; hour: number; utilization: number | null }[] } }).data.values;
    const coResponder = rows.filter((r) => r.unitType === "co-responder");
    expect(coResponder.filter((r) => r.utilization !== null).map((r) => r.hour)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
    expect(coResponder.some((r) => r.utilization === 1)).toBe(false);
  });
});

describe("sweepChartSpec", () => {
  const rows: SweepRow[] = [0.2, 0.6, 1].flatMap((x, i) => [
    { x, model: "police-only", mean: 13.2, ciLow: 13.0, ciHigh: 13.4 },
    { x, model: "centralized-outreach", mean: 20 + 5 * i, ciLow: 19 + 5 * i, ciHigh: 21 + 5 * i },
  ]);

  it("draws a 95% band and a line per model and matches its snapshot", async () => {
    const spec = sweepChartSpec(rows, { parameter: "models.centralized-outreach.dispatch[0].uptake", metric: "responseMin.p90.behavioralHealth", unit: "minutes" });
    const marks = (spec as { layer: { mark: { type: string } }[] }).layer.map((layer) => layer.mark.type);
    expect(marks).toEqual(["line", "point", "area"]);
    await expect(json(spec)).toMatchFileSnapshot("__snapshots__/sweep.vl.json");
  });

  it("gives models the colours they have in the rest of the report", () => {
    const spec = sweepChartSpec(rows, { parameter: "p", metric: "m", unit: "share", allModels: ["police-only", "co-responder", "centralized-outreach"] });
    expect((spec as { encoding: { color: { scale: unknown } } }).encoding.color.scale).toEqual({ domain: ["police-only", "centralized-outreach"], range: ["#0072B2", "#009E73"] });
  });

  it("is the same object for the same rows: no clock, no randomness", () => {
    const options = { parameter: "p", metric: "cost.total", unit: "currency" };
    expect(json(sweepChartSpec(rows, options))).toBe(json(sweepChartSpec(rows, options)));
  });
});

describe("chartContext", () => {
  it("labels every chart with the scenario, replications and horizon", () => {
    expect(chartContext(fixtureDocument()).runLabel).toBe("fixture-city: 10 replications of 365 days");
  });
});
