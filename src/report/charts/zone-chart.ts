/**
 * Response time and utilization by zone, for scenarios with geography: one panel per zone, one bar
 * per model with its 95% interval, so a reader sees which part of the city waits longest under
 * each model. Response times are by the incident's zone (mean over all calls, and the priority-1
 * 90th percentile against the city's target); utilization is of the units based in the zone. The
 * panels of one quantity share one axis: they are there to be compared.
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG } from "./chart-theme.js";
import { intervalPanelGrid, shareDomain, type IntervalPanel } from "./interval-panels.js";
import { intervalRows, type ChartContext } from "./summary-rows.js";
import { metricTarget } from "./target-line.js";

/** Zones side by side in one row; more wrap to the next row. */
const ZONES_PER_ROW = 3;

const RESPONSE = [
  { metric: "responseMin.mean", heading: "Response time, mean, all calls (minutes)" },
  { metric: "responseMin.p90.priority1", heading: "Response time of priority-1 calls, 90th percentile (minutes)" },
];

/** The zones of the document, in the scenario's order (from its `zone.<name>.calls` metrics). */
export function documentZones(context: ChartContext): string[] {
  return Object.keys(context.document.metrics)
    .map((name) => /^zone\.([^.]+)\.calls$/.exec(name)?.[1])
    .filter((zone): zone is string => zone !== undefined);
}

/** The by-zone chart's Vega-Lite spec, or null when the scenario has no geography. */
export function zoneChartSpec(context: ChartContext): TopLevelSpec | null {
  const zones = documentZones(context);
  if (zones.length === 0) return null;
  const panelsOf = (metric: string, heading: string, axisTitle: string, axisFormat?: string): { heading: string; panels: IntervalPanel[] } => ({
    heading,
    panels: zones.map((zone) => {
      const target = metricTarget(context.document, metric);
      return {
        title: zone,
        rows: intervalRows(context, `zone.${zone}.${metric}`),
        axisTitle,
        ...(axisFormat ? { axisFormat } : {}),
        ...(target ? { target } : {}),
      };
    }),
  });
  const shown = (quantity: { panels: IntervalPanel[] }) => quantity.panels.some((panel) => panel.rows.length > 0);
  const response = RESPONSE.map((r) => panelsOf(r.metric, r.heading, "minutes")).filter(shown);
  const unitTypes = [...new Set(Object.keys(context.document.metrics).map((name) => /^zone\.[^.]+\.utilization\.(.+)$/.exec(name)?.[1]).filter((t): t is string => t !== undefined))];
  const utilization = unitTypes
    .map((type) => panelsOf(`utilization.${type}`, `Utilization of the ${type} units based in the zone (busy share of on-duty time)`, "busy share", ".0%"))
    .filter(shown);
  if (response.length + utilization.length === 0) return null;
  if (response.length > 0) shareDomain(response.flatMap((q) => q.panels));
  if (utilization.length > 0) shareDomain(utilization.flatMap((q) => q.panels));
  const rows: IntervalPanel[][] = [];
  const headings: string[] = [];
  for (const quantity of [...response, ...utilization]) {
    chunk(quantity.panels, ZONES_PER_ROW).forEach((panels, i) => {
      rows.push(panels);
      headings.push(i === 0 ? quantity.heading : `${quantity.heading}, continued`);
    });
  }
  const target = metricTarget(context.document, "responseMin.p90.priority1");
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Response time and utilization by zone, by model",
      subtitle: [
        `${context.runLabel}. Bars: mean across replications; black lines: 95% confidence intervals.`,
        `Response times by the zone of the call.${target ? " Dashed: the city's priority-1 target." : ""} Panels of one quantity share a scale.`,
      ],
    },
    config: CHART_CONFIG,
    ...intervalPanelGrid(rows, context.models, context.models, headings),
  } as TopLevelSpec;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
