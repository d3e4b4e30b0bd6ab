/**
 * How behavioral-health calls ended, by model: answered without arrest, ED transport or
 * involuntary hold, arrest, ED transport, involuntary hold; each a share of all behavioral-health
 * calls with its 95% interval and the count a year it stands for (abandoned calls are in none of
 * them). The common outcome has its own axis; the three rare ones share one, so they can be
 * compared with each other (a 3% arrest share would be invisible on the axis of an 85% share).
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG } from "./chart-theme.js";
import { intervalPanelGrid, shareDomain, type IntervalPanel } from "./interval-panels.js";
import { shareRowsWithCounts, type ChartContext } from "./summary-rows.js";

const OUTCOMES = [
  { metric: "noArrestEdHoldRate", title: "No arrest, ED or hold", subtitle: "answered, none of the three" },
  { metric: "arrestRate", title: "Arrest", subtitle: "booked" },
  { metric: "edRate", title: "ED transport", subtitle: "emergency department" },
  { metric: "holdRate", title: "Involuntary hold", subtitle: "psychiatric" },
];

/** Width of a panel: room for a share and its count a year past the bar. */
export const SHARE_PANEL_WIDTH = 230;

/** The BH-outcome chart's Vega-Lite spec, or null when the run had no behavioral-health calls. */
export function diversionChartSpec(context: ChartContext): TopLevelSpec | null {
  const panels: IntervalPanel[] = OUTCOMES.map((outcome) => ({
    title: outcome.title,
    subtitle: outcome.subtitle,
    rows: shareRowsWithCounts(context, outcome.metric, "bhCalls"),
    axisTitle: "share of BH calls",
    axisFormat: ".0%",
    upperBound: 1,
    width: SHARE_PANEL_WIDTH,
  }));
  if (panels.every((panel) => panel.rows.length === 0)) return null;
  shareDomain(panels.slice(1));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "How behavioral-health (BH) calls ended, by model",
      subtitle: [
        `${context.runLabel}. Share of BH calls (count a year); black lines: 95% confidence intervals.`,
        "Arrest, ED transport and involuntary hold share one scale; the first panel has its own.",
      ],
    },
    config: CHART_CONFIG,
    ...intervalPanelGrid([panels.slice(0, 2), panels.slice(2)], context.models),
  } as TopLevelSpec;
}
