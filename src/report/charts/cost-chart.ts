/**
 * Cost by model over the measured period, split into staffing (paid unit-hours, busy or not) and
 * outcomes (bookings, ED visits, holds, transports), with the total's 95% interval. Staffing is
 * dark and outcomes light, so the split reads in greyscale. (Cost per additional outcome against
 * the baseline is a table of the report, not a bar: a ratio with a Fieller interval may be
 * undefined, and total cost divided by a count is not a cost per outcome.)
 */
import type { TopLevelSpec } from "vega-lite";
import { formatMoney } from "../format.js";
import { perPeriod } from "../period.js";
import { CHART_CONFIG, OKABE_ITO } from "./chart-theme.js";
import { BAND_HEIGHT, panelDomainMax } from "./interval-panels.js";
import { intervalRows, type ChartContext } from "./summary-rows.js";

/** Width of the stacked cost panel, pixels. */
const COST_PANEL_WIDTH = 260;

/** The cost chart's Vega-Lite spec. */
export function costChartSpec(context: ChartContext): TopLevelSpec {
  const { document } = context;
  const staffing = intervalRows(context, "cost.staffing");
  const outcomes = intervalRows(context, "cost.outcomes");
  const totals = intervalRows(context, "cost.total").map((row) => ({ ...row, label: formatMoney(row.mean) }));
  const parts = [
    ...staffing.map((row) => ({ model: row.model, component: "Staffing", value: row.mean, order: 0 })),
    ...outcomes.map((row) => ({ model: row.model, component: "Outcomes", value: row.mean, order: 1 })),
  ];
  const y = { field: "model", type: "nominal", sort: context.models, scale: { domain: context.models }, title: null, axis: { labelLimit: 160, ticks: false, domain: false } };
  const period = perPeriod(document.horizonDays);
  const stacked = {
    title: { text: "Total cost", subtitle: `staffing + outcomes, ${period}`, fontSize: 13, subtitleFontSize: 12, anchor: "start" },
    width: COST_PANEL_WIDTH,
    height: { step: BAND_HEIGHT },
    layer: [
      {
        data: { values: parts },
        mark: { type: "bar", height: { band: 0.7 }, stroke: "white", strokeWidth: 1 },
        encoding: {
          y,
          x: {
            field: "value",
            type: "quantitative",
            stack: "zero",
            title: `$ ${period}`,
            scale: { domain: [0, panelDomainMax(totals, COST_PANEL_WIDTH)], nice: false },
            axis: { format: "$,.3~s", tickCount: 4 },
          },
          color: {
            field: "component",
            type: "nominal",
            scale: { domain: ["Staffing", "Outcomes"], range: [OKABE_ITO.blue, OKABE_ITO.skyBlue] },
            legend: { title: null, orient: "bottom" },
          },
          order: { field: "order", type: "quantitative" },
        },
      },
      {
        data: { values: totals },
        mark: { type: "rule", color: "black", strokeWidth: 1.5 },
        encoding: { y, x: { field: "low", type: "quantitative" }, x2: { field: "high" } },
      },
      {
        data: { values: totals },
        mark: { type: "text", align: "left", baseline: "middle", dx: 4, fontSize: 12, color: "#111111" },
        encoding: { y, x: { field: "high", type: "quantitative" }, text: { field: "label" } },
      },
    ],
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: `Cost by model, ${period}`,
      subtitle: `${context.runLabel}. Black lines: 95% confidence intervals.`,
    },
    config: CHART_CONFIG,
    hconcat: [stacked],
  } as TopLevelSpec;
}
