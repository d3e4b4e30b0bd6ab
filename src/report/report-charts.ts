/**
 * The report's charts, in reading order, each with a file name and a one-sentence caption: the
 * list both the chart files and the HTML page are made from. Charts that have nothing to show
 * (no alternative to police in the run, no sweep) are left out rather than drawn empty.
 */
import type { TopLevelSpec } from "vega-lite";
import { costChartSpec } from "./charts/cost-chart.js";
import { diversionChartSpec } from "./charts/diversion-chart.js";
import { responseTimeChartSpec } from "./charts/response-time-chart.js";
import { routingChartSpec } from "./charts/routing-chart.js";
import { chartContext, metricUnit } from "./charts/summary-rows.js";
import { sweepChartSpec } from "./charts/sweep-chart.js";
import { utilizationChartSpec } from "./charts/utilization-chart.js";
import { zoneChartSpec } from "./charts/zone-chart.js";
import { metricTarget } from "./charts/target-line.js";
import { metricLabel, parameterLabel } from "./metric-labels.js";
import { perPeriod } from "./period.js";
import type { SummaryDocument } from "./summary-files.js";
import type { SweepSection } from "./sweep-csv.js";

/** One chart of the report. */
export interface ReportChart {
  /** File stem under charts/, e.g. "response-time" (charts/response-time.vl.json, .svg, .png). */
  id: string;
  /** Short name, used as the image's alternative text with the caption. */
  title: string;
  caption: string;
  spec: TopLevelSpec;
  /** "sweep" charts go in their own section. */
  section: "main" | "sweep";
}

/** The charts for a run, and its sweep if it has one. */
export function reportCharts(document: SummaryDocument, sweep: SweepSection): ReportChart[] {
  const context = chartContext(document);
  // A chart whose builder returned null (nothing to show) is left out.
  const main = (id: string, title: string, caption: string, spec: TopLevelSpec | null): ReportChart[] =>
    spec ? [{ id, title, caption, spec, section: "main" }] : [];
  const charts = [
    ...main(
      "response-time",
      "Response time by model",
      `Time from call received to the first unit on scene, as the mean and the 90th percentile (one call in ten waits longer), for all calls, priority-1 calls and behavioral-health calls; longer bars mean slower responses.${document.targets ? ` The dashed line is the city's target for priority-1 calls, ${document.targets.priority1ResponseMin} minutes.` : ""}`,
      responseTimeChartSpec(context),
    ),
    ...main(
      "zones",
      "Response time and utilization by zone",
      "Response time of the calls from each zone (the mean over all calls, and the 90th percentile of priority-1 calls against the city's target) and the busy share of the units based in each zone, for each model; panels of one quantity share a scale.",
      zoneChartSpec(context),
    ),
    ...main(
      "bh-outcomes",
      "How behavioral-health calls ended",
      "Share of behavioral-health calls that ended without arrest, ED transport or involuntary hold, and the shares that ended in each of those, each with the count a year it stands for; arrest, ED transport and hold share one scale.",
      diversionChartSpec(context),
    ),
    ...main(
      "routing",
      "Where eligible calls went",
      "Of the calls whose dispatch rule sends an alternative to police first: the share the alternative served, the share resolved by phone and the share that fell back to police because no team was free or on duty, each with the count a year it stands for, and how often the alternative called police for backup.",
      routingChartSpec(context),
    ),
    ...main(
      "cost",
      "Cost by model",
      `Staffing (paid unit-hours, busy or not) and outcome costs (bookings, ED visits, holds, transports) ${perPeriod(document.horizonDays)}, with the 95% interval of the total.`,
      costChartSpec(context),
    ),
    ...main(
      "utilization-by-hour",
      "Utilization by hour of day",
      "Share of on-duty unit time spent on calls in each hour of the day, for each unit type and each model that staffs it; the higher the share, the more often a call waits for a free unit.",
      utilizationChartSpec(context),
    ),
  ];
  if (sweep.status !== "charted") return charts;
  return [
    ...charts,
    ...sweep.curves.map(
      (curve): ReportChart => ({
        id: `sweep-${curve.metric.replace(/[^A-Za-z0-9]+/g, "-")}`,
        title: `${metricLabel(curve.metric)} across the sweep`,
        caption: `${capitalize(document.metrics[curve.metric]?.description ?? metricLabel(curve.metric))} as the ${parameterLabel(sweep.parameter)} varies, each model with its 95% confidence band.`,
        spec: sweepChartSpec(curve.rows, {
          parameter: sweep.parameter,
          metric: curve.metric,
          unit: metricUnit(document, curve.metric),
          allModels: context.models,
          ...targetOption(metricTarget(document, curve.metric)),
        }),
        section: "sweep",
      }),
    ),
  ];
}

function targetOption<T>(target: T | undefined): { target?: T } {
  return target ? { target } : {};
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
