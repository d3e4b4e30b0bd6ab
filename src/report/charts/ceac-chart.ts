/**
 * Cost-effectiveness acceptability curves: for each model against the baseline, the probability
 * that it is cost-effective against willingness to pay per outcome, one panel per outcome. The
 * x axis is logarithmic because the sensible prices span $10 (an officer-hour) to $100,000s; the
 * wtp = 0 point (the probability of a saving) is left off the log axis and stays in ceac.csv.
 */
import type { TopLevelSpec } from "vega-lite";
import { costOutcomeLabel } from "../metric-labels.js";
import { CHART_CONFIG, modelColorScale, modelDashScale } from "./chart-theme.js";

export interface CeacRow {
  model: string;
  outcome: string;
  wtp: number;
  pCostEffective: number;
}

export function ceacChartSpec(rows: readonly CeacRow[], baseline: string, allModels: readonly string[]): TopLevelSpec {
  const models = [...new Set(rows.map((row) => row.model))];
  // Panels are headed by the outcome in words, in the order the rows give them.
  const outcomes = [...new Set(rows.map((row) => costOutcomeLabel(row.outcome)))];
  const legend = { title: "model", orient: "bottom", direction: "horizontal", symbolType: "stroke", symbolStrokeWidth: 2.5, symbolSize: 400 };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Probability of being cost-effective",
      subtitle: `against ${baseline}, by willingness to pay per outcome; across draws of the uncertain inputs`,
    },
    config: CHART_CONFIG,
    data: { values: rows.filter((row) => row.wtp > 0).map((row) => ({ ...row, outcomeLabel: costOutcomeLabel(row.outcome) })) },
    facet: { field: "outcomeLabel", type: "nominal", title: null, sort: outcomes },
    columns: 2,
    spec: {
      width: 280,
      height: 180,
      mark: { type: "line", strokeWidth: 2.5, point: true },
      encoding: {
        x: { field: "wtp", type: "quantitative", scale: { type: "log" }, title: "willingness to pay per outcome ($)", axis: { format: "$,.2~s" } },
        y: { field: "pCostEffective", type: "quantitative", scale: { domain: [0, 1] }, title: "P(cost-effective)", axis: { format: ".0%" } },
        color: { field: "model", type: "nominal", sort: models, scale: modelColorScale(models, allModels), legend },
        strokeDash: { field: "model", type: "nominal", sort: models, scale: modelDashScale(models, allModels), legend },
      },
    },
  } as TopLevelSpec;
}
