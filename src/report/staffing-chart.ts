/**
 * The staffing search's chart: each roster simulated, its planned cost a day against its figure on
 * one target (mean and 95% interval), rosters that met every target told apart from those that
 * failed one by colour and by shape, the roster chosen ringed, and the target as a dashed line.
 */
import { CHART_CONFIG, OKABE_ITO } from "./charts/chart-theme.js";

export interface StaffingPoint {
  roster: string;
  costPerDay: number;
  mean: number;
  low: number;
  high: number;
  meetsAll: boolean;
  chosen: boolean;
}

export interface StaffingChartWords {
  /** The target's metric, in words, and its unit ("share", "minutes", ...). */
  label: string;
  unit: string;
  target: number;
  targetText: string;
}

const MET = "met every target";
const FAILED = "failed a target";

export function staffingChartSpec(points: readonly StaffingPoint[], words: StaffingChartWords): Record<string, unknown> {
  const values = points.map((p) => ({ ...p, result: p.meetsAll ? MET : FAILED }));
  const format = words.unit === "share" ? ".0%" : words.unit === "currency" ? "$,.0f" : ",.1~f";
  const y = { field: "mean", type: "quantitative", title: `${words.label} (mean, 95% interval)`, axis: { format }, scale: { zero: false } };
  const x = { field: "costPerDay", type: "quantitative", title: "planned staffing cost of the searched blocks, a day ($)", axis: { format: "$,.0f" }, scale: { zero: false } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: `Rosters simulated: cost against ${words.label.charAt(0).toLowerCase()}${words.label.slice(1)}`.replace(/against bh /i, "against BH "), subtitle: `the dashed line is the target (${words.targetText}); the ringed roster is the one chosen` },
    config: CHART_CONFIG,
    width: 520,
    height: 300,
    data: { values },
    layer: [
      { mark: { type: "rule", strokeWidth: 1.5 }, encoding: { x, y: { field: "low", type: "quantitative" }, y2: { field: "high" }, color: { field: "result", type: "nominal", title: null, scale: { domain: [MET, FAILED], range: [OKABE_ITO.bluishGreen, OKABE_ITO.vermillion] } } } },
      {
        mark: { type: "point", filled: true, size: 70 },
        encoding: {
          x,
          y,
          color: { field: "result", type: "nominal", title: null, scale: { domain: [MET, FAILED], range: [OKABE_ITO.bluishGreen, OKABE_ITO.vermillion] }, legend: { orient: "bottom", direction: "horizontal" } },
          shape: { field: "result", type: "nominal", title: null, scale: { domain: [MET, FAILED], range: ["circle", "cross"] }, legend: { orient: "bottom", direction: "horizontal" } },
          tooltip: [{ field: "roster", title: "units per block" }, { field: "costPerDay", title: "cost a day", format: "$,.0f" }, { field: "mean", title: words.label, format }, { field: "result" }],
        },
      },
      { transform: [{ filter: "datum.chosen" }], mark: { type: "point", size: 320, strokeWidth: 2, color: OKABE_ITO.black }, encoding: { x, y } },
      { mark: { type: "rule", strokeDash: [6, 4], color: OKABE_ITO.black }, encoding: { y: { datum: words.target } } },
    ],
  };
}
