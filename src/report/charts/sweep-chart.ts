/**
 * A sweep curve: one metric against the swept parameter's value, a line per model with its 95%
 * confidence band. Lines differ in colour and dash, so they part in greyscale; bands are light
 * enough for the lines to show through where they overlap.
 */
import type { TopLevelSpec } from "vega-lite";
import { metricLabel, parameterLabel } from "../metric-labels.js";
import { CHART_CONFIG, modelColorScale, modelDashScale, OKABE_ITO } from "./chart-theme.js";
import type { PanelTarget } from "./interval-panels.js";

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
  /** The city's target for the metric, drawn as a dashed horizontal line (charts/target-line.ts). */
  target?: PanelTarget;
}

/** Width of the plot, pixels. */
const SWEEP_WIDTH = 560;

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
      // Two lines, so the subtitle is no wider than the plot (a chart that reads on a phone).
      subtitle: options.subtitle ?? [
        `Against ${parameterLabel(options.parameter)}.`,
        `Lines: mean across replications; bands: 95% confidence intervals.${options.target ? " Dashed: the city's target." : ""}`,
      ],
    },
    config: CHART_CONFIG,
    width: SWEEP_WIDTH,
    height: 260,
    data: { values: rows.map((row) => ({ ...row })) },
    // x and colour per layer rather than shared: the target line's layer has neither.
    // Lines first: the legend takes its symbols from the first layer, and a line reads as its model.
    layer: [
      {
        mark: { type: "line", strokeWidth: 2.5 },
        encoding: {
          x,
          color,
          y: { field: "mean", type: "quantitative", title: `${metricLabel(options.metric)} (${unitLabel})`, axis: format ? { format } : {} },
          strokeDash: { field: "model", type: "nominal", sort: models, scale: modelDashScale(models, allModels), legend },
        },
      },
      { mark: { type: "point", filled: true, size: 40 }, encoding: { x, color, y: { field: "mean", type: "quantitative" } } },
      { mark: { type: "area", opacity: 0.18 }, encoding: { x, color, y: { field: "ciLow", type: "quantitative" }, y2: { field: "ciHigh" } } },
      ...(options.target ? targetLayers(options.target) : []),
    ],
  } as unknown as TopLevelSpec;
}

/** A dashed horizontal line at the target, labelled at its right end; its own data, so it draws once. */
function targetLayers(target: PanelTarget): Record<string, unknown>[] {
  const data = { values: [{ target: target.value, label: target.label }] };
  const y = { field: "target", type: "quantitative" };
  return [
    { data, mark: { type: "rule", color: OKABE_ITO.vermillion, strokeWidth: 1.5, strokeDash: [5, 3] }, encoding: { y } },
    {
      data,
      mark: { type: "text", align: "right", baseline: "bottom", dy: -3, fontSize: 11, color: OKABE_ITO.vermillion },
      encoding: { y, x: { value: SWEEP_WIDTH }, text: { field: "label" } },
    },
  ];
}
