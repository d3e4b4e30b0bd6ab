/**
 * How behavioral-health calls ended, by model: answered without arrest, ED transport or
 * involuntary hold, arrest, ED transport, involuntary hold; each a share of all behavioral-health
 * calls with its 95% interval (abandoned calls are in none of them). Each outcome has its own
 * axis: a 3% arrest share would be invisible on the axis of an 85% share.
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG } from "./chart-theme.js";
import { intervalPanelGrid, type IntervalPanel } from "./interval-panels.js";
import { intervalRows, type ChartContext } from "./summary-rows.js";

const OUTCOMES = [
  { metric: "noArrestEdHoldRate", title: "No arrest, ED or hold", subtitle: "answered, none of the three" },
  { metric: "arrestRate", title: "Arrest", subtitle: "booked" },
  { metric: "edRate", title: "ED transport", subtitle: "emergency department" },
  { metric: "holdRate", title: "Involuntary hold", subtitle: "psychiatric" },
];

/** The BH-outcome chart's Vega-Lite spec, or null when the run had no behavioral-health calls. */
export function diversionChartSpec(context: ChartContext): TopLevelSpec | null {
  const panels: IntervalPanel[] = OUTCOMES.map((outcome) => ({
    title: outcome.title,
    subtitle: outcome.subtitle,
    rows: intervalRows(context, outcome.metric),
    axisTitle: "share of BH calls",
    axisFormat: ".0%",
  }));
  if (panels.every((panel) => panel.rows.length === 0)) return null;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "How behavioral-health (BH) calls ended, by model",
      subtitle: `${context.runLabel}. Share of BH calls; black lines: 95% confidence intervals. Each panel has its own scale.`,
    },
    config: CHART_CONFIG,
    ...intervalPanelGrid([panels], context.models),
  } as TopLevelSpec;
}
