/**
 * Chart specs as snapshot files (Observable Plot style): each spec built from the fixture is
 * compared with tests/report/__snapshots__/NAME.vl.json. The fixture is made by arithmetic, so a
 * snapshot changes only when chart code changes; review the diff, then update with `vitest -u`.
 */
import { describe, expect, it } from "vitest";
import { metricDefinitions } from "../../src/metrics/definitions.js";
import { ceacChartSpec } from "../../src/report/charts/ceac-chart.js";
import { labelWidth } from "../../src/report/charts/label-width.js";
import { chartContext } from "../../src/report/charts/summary-rows.js";
import { renderChart } from "../../src/report/render-chart.js";
import type { SweepSection } from "../../src/report/sweep-csv.js";
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
    const routing = charts.find((c) => c.id === "routing")!.spec as { vconcat: { hconcat: { layer: { encoding: { color?: { scale: unknown } } }[] }[] }[] };
    expect(routing.vconcat[0].hconcat[0].layer[0].encoding.color!.scale).toEqual({ domain: ["co-responder", "centralized-outreach"], range: ["#E69F00", "#009E73"] });
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
    expect((spec as { layer: { encoding: { color: { scale: unknown } } }[] }).layer[0].encoding.color.scale).toEqual({ domain: ["police-only", "centralized-outreach"], range: ["#0072B2", "#009E73"] });
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

/** A panel of an interval-panel chart, as the tests read it. */
interface PanelSpec {
  title: { text: string };
  data: { values: { model: string; mean: number; label: string; countAYear?: number }[] };
  layer: { mark: { type: string; opacity?: number }; data?: { values: { target?: number; label?: string }[] }; encoding: { x?: { scale?: { domain: number[] } } } }[];
}
type GridSpec = { vconcat?: { title?: { text: string }; hconcat: PanelSpec[] }[]; hconcat?: PanelSpec[] };

function panelsOf(spec: unknown): PanelSpec[] {
  const grid = spec as GridSpec;
  return grid.vconcat ? grid.vconcat.flatMap((row) => row.hconcat) : grid.hconcat!;
}
const targetOf = (panel: PanelSpec) => panel.layer.find((l) => l.mark.type === "rule" && l.data)?.data?.values[0];
const domainOf = (panel: PanelSpec) => panel.layer.find((l) => l.mark.type === "bar")!.encoding.x!.scale!.domain;

/** The fixture with two zones: zone figures made by arithmetic, like the rest of the fixture. */
function zonedDocument(target = 12) {
  return fixtureDocument((d) => {
    d.targets = { priority1ResponseMin: target };
    const definitions = metricDefinitions({ unitTypes: [{ name: "patrol" }, { name: "outreach-team" }], maxPriority: 2, geography: { zones: ["north", "south"] } }).filter((m) => m.name.startsWith("zone."));
    for (const m of definitions) d.metrics[m.name] = { unit: m.unit, description: m.description };
    Object.values(d.models).forEach((model, i) => {
      for (const m of definitions) {
        const zone = m.name.startsWith("zone.north.") ? 0 : 1;
        // Outreach teams have no base: their zone utilization has no value.
        const mean = m.name.endsWith(".outreach-team") ? null : m.unit === "share" ? 0.3 + 0.1 * zone + 0.01 * i : 6 + 3 * zone + i;
        model.metrics[m.name] = mean === null ? { mean: null, ci95: null, n: 0 } : { mean, ci95: [mean * 0.9, mean * 1.1], n: 10 };
      }
    });
  });
}

describe("report charts for a briefing", () => {
  it("draw the city's priority-1 target, at the scenario's value, on both priority-1 response panels and no other", () => {
    const spec = reportCharts(fixtureDocument((d) => (d.targets = { priority1ResponseMin: 12 })), { status: "absent" }).find((c) => c.id === "response-time")!.spec;
    const withTarget = panelsOf(spec).filter((panel) => targetOf(panel));
    expect(withTarget.map((panel) => panel.title.text)).toEqual(["Priority 1", "Priority 1"]);
    for (const panel of withTarget) {
      expect(targetOf(panel)!.target).toBe(12);
      const label = panel.layer.find((l) => l.mark.type === "text" && l.data)!.data!.values[0];
      expect(label.label).toBe("city target: 12 min");
    }
  });

  it("draw no target line for a summary.json that records no target", () => {
    const spec = reportCharts(fixtureDocument(), { status: "absent" }).find((c) => c.id === "response-time")!.spec;
    expect(panelsOf(spec).some((panel) => targetOf(panel))).toBe(false);
  });

  it("widen the shared response axis to take in a target beyond every bar", () => {
    const spec = reportCharts(fixtureDocument((d) => (d.targets = { priority1ResponseMin: 45 })), { status: "absent" }).find((c) => c.id === "response-time")!.spec;
    const domains = panelsOf(spec).map(domainOf);
    expect(new Set(domains.map((d) => d[1])).size).toBe(1);
    expect(domains[0][1]).toBeGreaterThan(45);
  });

  it("write beside each BH-outcome share the count a year it stands for: share x BH calls x 365 / measured days", () => {
    const document = fixtureDocument((d) => (d.horizonDays = 73));
    const spec = reportCharts(document, { status: "absent" }).find((c) => c.id === "bh-outcomes")!.spec;
    const ed = panelsOf(spec).find((panel) => panel.title.text === "ED transport")!;
    const row = ed.data.values.find((r) => r.model === "co-responder")!;
    // 5.8% of 900 BH calls in 73 days: 52.2 in 73 days, 261 a year.
    expect(row.countAYear).toBeCloseTo(0.058 * 900 * 5, 6);
    expect(row.label).toBe("5.8% (261 a year)");
  });

  it("write counts beside the shares of eligible calls, but not beside the backup share, which has no count to scale", () => {
    const spec = reportCharts(fixtureDocument(), { status: "absent" }).find((c) => c.id === "routing")!.spec;
    const panels = panelsOf(spec);
    const fallback = panels.find((panel) => panel.title.text === "Fell back to police")!.data.values.find((r) => r.model === "co-responder")!;
    expect(fallback.label).toBe("41.0% (287 a year)");
    expect(fallback.countAYear).toBeCloseTo(0.41 * 700, 6);
    expect(panels.find((panel) => panel.title.text === "Police backup requested")!.data.values.map((r) => r.label)).toEqual(["0.0%", "2.6%"]);
  });

  it("put the arrest, ED and hold panels on one scale, and the three shares of eligible calls on another", () => {
    const charts = reportCharts(fixtureDocument(), { status: "absent" });
    const outcomes = panelsOf(charts.find((c) => c.id === "bh-outcomes")!.spec).map(domainOf);
    expect(outcomes[1]).toEqual(outcomes[2]);
    expect(outcomes[2]).toEqual(outcomes[3]);
    expect(outcomes[0]).not.toEqual(outcomes[1]);
    const routing = panelsOf(charts.find((c) => c.id === "routing")!.spec).map(domainOf);
    expect(routing[0]).toEqual(routing[1]);
    expect(routing[1]).toEqual(routing[2]);
  });

  it("leave room past each bar for its label, so the longest share-and-count label ends inside its panel", () => {
    const spec = reportCharts(fixtureDocument(), { status: "absent" }).find((c) => c.id === "bh-outcomes")!.spec;
    for (const panel of panelsOf(spec)) {
      const width = (panel as unknown as { width: number }).width;
      const [, max] = domainOf(panel);
      for (const row of panel.data.values as { high?: number; label: string }[]) {
        expect(((row.high ?? 0) / max) * width + 6 + labelWidth(row.label)).toBeLessThanOrEqual(width + 0.001);
      }
    }
  });

  it("draw a by-zone chart with one bar per zone per model, on one scale per quantity, when the scenario has zones", () => {
    const charts = reportCharts(zonedDocument(), { status: "absent" });
    expect(charts.map((c) => c.id)).toEqual(["response-time", "zones", "bh-outcomes", "routing", "cost", "utilization-by-hour"]);
    const grid = charts.find((c) => c.id === "zones")!.spec as GridSpec;
    expect(grid.vconcat!.map((row) => row.title!.text)).toEqual([
      "Response time, mean, all calls (minutes)",
      "Response time of priority-1 calls, 90th percentile (minutes)",
      "Utilization of the patrol units based in the zone (busy share of on-duty time)",
    ]);
    for (const row of grid.vconcat!) {
      expect(row.hconcat.map((panel) => panel.title.text)).toEqual(["north", "south"]);
      for (const panel of row.hconcat) expect(panel.data.values.map((r) => r.model)).toEqual(["police-only", "co-responder", "centralized-outreach"]);
    }
    const [mean, p1, utilization] = grid.vconcat!.map((row) => row.hconcat);
    expect(mean.map((panel) => panel.data.values.map((r) => r.mean))).toEqual([[6, 7, 8], [9, 10, 11]]);
    expect(new Set([...mean, ...p1].map((panel) => domainOf(panel)[1])).size).toBe(1);
    expect(domainOf(utilization[0])).toEqual(domainOf(utilization[1]));
    expect(p1.map((panel) => targetOf(panel)?.target)).toEqual([12, 12]);
    expect(mean.map((panel) => targetOf(panel))).toEqual([undefined, undefined]);
  });

  it("draw no by-zone chart without geography", () => {
    expect(reportCharts(fixtureDocument(), { status: "absent" }).map((c) => c.id)).not.toContain("zones");
  });

  it("compile and render, the by-zone chart and the target lines included", async () => {
    const charts = reportCharts(zonedDocument(), { status: "absent" }).filter((c) => c.id === "zones" || c.id === "response-time");
    for (const chart of charts) {
      const { svg } = await renderChart(chart.spec);
      expect(svg).toContain("city target: 12 min");
    }
  });

  it("name metrics and swept parameters in words, never by key path, in every chart's titles and axes", () => {
    const sweep: SweepSection = {
      status: "charted",
      parameter: "models.centralized-outreach.dispatch[0].uptake",
      curves: [{ metric: "responseMin.p90.priority1", rows: [{ x: 0.5, model: "police-only", mean: 11, ciLow: 10, ciHigh: 12 }] }],
    };
    const charts = reportCharts(zonedDocument(), sweep);
    const texts: string[] = [];
    const collect = (value: unknown, key = ""): void => {
      if (typeof value === "string" && (key === "text" || key === "subtitle" || key === "title")) texts.push(value);
      else if (Array.isArray(value)) value.forEach((v) => collect(v, key === "subtitle" || key === "text" ? key : ""));
      else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) if (k !== "data") collect(v, k);
    };
    for (const chart of charts) collect(chart.spec);
    expect(texts.length).toBeGreaterThan(20);
    for (const text of texts) expect(text).not.toMatch(/[A-Za-z]\.[a-z][A-Za-z0-9]*|\[\d\]/);
  });

  it("draw the city's target on a sweep curve of a priority-1 response time", () => {
    const sweep: SweepSection = {
      status: "charted",
      parameter: "models.centralized-outreach.dispatch[0].uptake",
      curves: [{ metric: "responseMin.p90.priority1", rows: [{ x: 0.5, model: "police-only", mean: 11, ciLow: 10, ciHigh: 12 }] }],
    };
    const chart = reportCharts(zonedDocument(9), sweep).find((c) => c.section === "sweep")!;
    const layers = (chart.spec as { layer: { mark: { type: string }; data?: { values: { target: number; label: string }[] } }[] }).layer;
    expect(layers.filter((l) => l.data).map((l) => [l.mark.type, l.data!.values[0].target, l.data!.values[0].label])).toEqual([
      ["rule", 9, "city target: 9 min"],
      ["text", 9, "city target: 9 min"],
    ]);
  });
});

describe("ceacChartSpec", () => {
  it("heads its panels with the outcome in words, in the order of the rows, with one shared probability axis", () => {
    const rows = ["perCallAnsweredWithoutPolice", "perArrestAvoided"].flatMap((outcome) =>
      [0, 100, 1000].map((wtp) => ({ model: "centralized-outreach", outcome, wtp, pCostEffective: wtp / 1000 })),
    );
    const spec = ceacChartSpec(rows, "police-only", ["police-only", "centralized-outreach"]) as unknown as {
      facet: { field: string; sort: string[] };
      data: { values: { outcomeLabel: string; wtp: number }[] };
      spec: { encoding: { y: { scale: { domain: number[] } } } };
    };
    expect(spec.facet.field).toBe("outcomeLabel");
    expect(spec.facet.sort).toEqual(["Per additional BH call answered without police", "Per arrest avoided"]);
    expect(spec.data.values.map((v) => v.wtp)).toEqual([100, 1000, 100, 1000]);
    expect(spec.spec.encoding.y.scale.domain).toEqual([0, 1]);
  });
});
