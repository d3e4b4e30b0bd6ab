/**
 * Response time by model: mean and 90th percentile, for all calls, priority-1 calls (the ones a
 * response target is set for: drawn as a dashed line when the scenario states it) and
 * behavioral-health calls, each with its 95% interval. All six panels share one minute axis so
 * that bars can be compared across panels.
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG } from "./chart-theme.js";
import { intervalPanelGrid, shareDomain, type IntervalPanel } from "./interval-panels.js";
import { intervalRows, type ChartContext } from "./summary-rows.js";
import { metricTarget } from "./target-line.js";

const GROUPS = [
  { suffix: "", title: "All calls" },
  { suffix: ".priority1", title: "Priority 1" },
  { suffix: ".behavioralHealth", title: "Behavioral health" },
];
const STATISTICS = [
  { metric: "responseMin.mean", title: "mean" },
  { metric: "responseMin.p90", title: "90th percentile" },
];

/** The response-time chart's Vega-Lite spec. */
export function responseTimeChartSpec(context: ChartContext): TopLevelSpec {
  const grid: IntervalPanel[][] = STATISTICS.map((statistic) =>
    GROUPS.map((group) => {
      const metric = statistic.metric + group.suffix;
      const target = metricTarget(context.document, metric);
      return { title: group.title, subtitle: statistic.title, rows: intervalRows(context, metric), axisTitle: "minutes", ...(target ? { target } : {}) };
    }),
  );
  shareDomain(grid.flat());
  const target = metricTarget(context.document, "responseMin.p90.priority1");
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Response time by model (call received to first unit on scene, minutes)",
      subtitle: `${context.runLabel}. Bars: mean across replications; black lines: 95% confidence intervals.${target ? " Dashed: the city's priority-1 target." : ""}`,
    },
    config: CHART_CONFIG,
    ...intervalPanelGrid(grid, context.models),
  } as TopLevelSpec;
}
