/**
 * A tornado chart (Vega-Lite): for each uncertain parameter, a bar from the metric at its low
 * value to the metric at its high value, largest swing on top, with the base value as a rule.
 */
import { metricLabel, parameterLabel } from "./metric-labels.js";
import type { SensitivityRow } from "./study-files.js";

/** A bar: the metric at the parameter's low and high end (`low`/`high` say what was set, for the tooltip). */
export type TornadoRow = Pick<SensitivityRow, "parameter" | "low" | "high" | "lowMean" | "highMean">;

export interface TornadoData {
  model: string;
  metric: string;
  base: number | null;
  rows: readonly TornadoRow[];
  /** Replaces the one-at-a-time title, subtitle and axis title (an uncertainty analysis's tornado of differences). */
  words?: { title: string; subtitle: string; axis: string; ends?: [string, string] };
}

/** The Vega-Lite spec of a tornado chart; data inline, no clock, no network. */
export function tornadoChartSpec(data: TornadoData): Record<string, unknown> {
  // Two parameters that read alike (two shifts' units) keep their key paths, so bars never merge.
  const labels = data.rows.map((row) => parameterLabel(row.parameter));
  const name = (i: number) => (labels.indexOf(labels[i]) === labels.lastIndexOf(labels[i]) ? labels[i] : data.rows[i].parameter);
  const values = data.rows.flatMap((row, rank) => [
    { parameter: name(rank), path: row.parameter, rank, end: "low", setting: String(row.low), value: row.lowMean, base: data.base },
    { parameter: name(rank), path: row.parameter, rank, end: "high", setting: String(row.high), value: row.highMean, base: data.base },
  ]);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: data.words
      ? { text: data.words.title, subtitle: data.words.subtitle }
      : { text: `Sensitivity of ${metricLabel(data.metric).toLowerCase().replace(/^bh/, "BH")} (${data.model})`, subtitle: `${data.metric}: one parameter at a time, low and high; the line is the base scenario` },
    width: 560,
    height: { step: 28 },
    data: { values },
    layer: [
      {
        mark: { type: "bar", height: { band: 0.7 } },
        encoding: {
          y: { field: "parameter", type: "nominal", sort: { field: "rank", order: "ascending" }, title: null, axis: { labelLimit: 260 } },
          x: { field: "value", type: "quantitative", title: data.words?.axis ?? metricLabel(data.metric), scale: { zero: false } },
          x2: { field: "base" },
          color: { field: "end", type: "nominal", title: data.words?.ends ? "input in" : "parameter at", scale: { domain: ["low", "high"], range: ["#0072B2", "#E69F00"] }, ...(data.words?.ends ? { legend: { labelExpr: `datum.label === 'low' ? ${JSON.stringify(data.words.ends[0])} : ${JSON.stringify(data.words.ends[1])}` } } : {}) },
          tooltip: [{ field: "parameter" }, { field: "end" }, { field: "setting", title: "value set" }, { field: "path", title: "key path" }, { field: "value", title: data.metric }],
        },
      },
      { mark: { type: "rule", color: "black" }, encoding: { x: { datum: data.base } } },
    ],
  };
}
