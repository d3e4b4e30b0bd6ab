/**
 * A sweep curve: one metric against the swept parameter's value, a line per model with its 95%
 * confidence band. Lines differ in colour and dash, so they part in greyscale; bands are light
 * enough for the lines to show through where they overlap.
 */
import type { TopLevelSpec } from "vega-lite";
import { metricLabel, parameterLabel } from "../metric-labels.js";
import { CHART_CONFIG, modelColorScale, modelDashScale } from "./chart-theme.js";

/** One point of one model's curve. */
export interface SweepRow {
  /** The swept parameter's value. */
  x: number;
  model: string;
  mean: number;
  ciLow: number;
  ciHigh: number;
}

/** What the axes say, and optionally the models in colour order and a subtitle. */
export interface SweepChartOptions {
  /** The swept parameter's key path, e.g. `models.centralized-outreach.dispatch[0].uptake`. */
  parameter: string;
  /** The metric's name, e.g. `responseMin.p90.behavioralHealth`. */
  metric: string;
  /** The metric's unit as summary.json names it (`minutes`, `share`, `currency`, `calls`, `hours`) or any label. */
  unit: string;
  /** Every model of the run, in the order colours are given, so colours match the other charts (default: the models of `rows`). */
  allModels?: readonly string[];
  subtitle?: string;
}

const AXIS_FORMATS: Record<string, string> = { share: ".0%", currency: "$,.3~s" };
const UNIT_LABELS: Record<string, string> = { share: "share", currency: "$", minutes: "minutes", hours: "hours", calls: "calls" };

/** The Vega-Lite spec of a sweep curve with 95% bands. Deterministic: data inline, rows in the given order. */
export function sweepChartSpec(rows: readonly SweepRow[], options: SweepChartOptions): TopLevelSpec {
  const models = [...new Set(rows.map((row) => row.model))];
  const allModels = options.allModels ?? models;
  const format = AXIS_FORMATS[options.unit];
  const unitLabel = UNIT_LABELS[options.unit] ?? options.unit;
  const legend = { title: "model", orient: "bottom", direction: "horizontal", symbolType: "stroke", symbolStrokeWidth: 2.5, symbolSize: 400 };
  const x = { field: "x", type: "quantitative", title: parameterLabel(options.parameter), axis: { labelLimit: 120 } };
  const color = { field: "model", type: "nominal", sort: models, scale: modelColorScale(models, allModels), legend };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: `${metricLabel(options.metric)} (${unitLabel})`,
      subtitle: options.subtitle ?? `${options.metric} against ${options.parameter}. Lines: mean across replications; bands: 95% confidence intervals.`,
    },
    config: CHART_CONFIG,
    width: 560,
    height: 260,
    data: { values: rows.map((row) => ({ ...row })) },
    encoding: { x, color },
    // Lines first: the legend takes its symbols from the first layer, and a line reads as its model.
    layer: [
      {
        mark: { type: "line", strokeWidth: 2.5 },
        encoding: {
          y: { field: "mean", type: "quantitative", title: `${metricLabel(options.metric)} (${unitLabel})`, axis: format ? { format } : {} },
          strokeDash: { field: "model", type: "nominal", sort: models, scale: modelDashScale(models, allModels), legend },
        },
      },
      { mark: { type: "point", filled: true, size: 40 }, encoding: { y: { field: "mean", type: "quantitative" } } },
      { mark: { type: "area", opacity: 0.18 }, encoding: { y: { field: "ciLow", type: "quantitative" }, y2: { field: "ciHigh" } } },
    ],
  } as TopLevelSpec;
}
