/**
 * Where calls eligible for an alternative went, by model: answered by the alternative (its team
 * on scene, co-responder or civilian, or the hub by phone), the phone part of that, fell back to
 * police because the alternative was busy or off duty (an abandoned call never does), and, of the
 * calls the alternative's units served, the share that requested police backup. Shares of eligible
 * calls carry the count a year they stand for; the backup share does not (no count of the calls
 * the alternative's units served is recorded to scale it by). Models with no eligible calls
 * (police-only) are left out: they would show four zeros. The three shares of eligible calls
 * share one axis; the backup share, of other calls, has its own.
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG } from "./chart-theme.js";
import { SHARE_PANEL_WIDTH } from "./diversion-chart.js";
import { intervalPanelGrid, shareDomain, type IntervalPanel } from "./interval-panels.js";
import { intervalRows, shareRowsWithCounts, type ChartContext } from "./summary-rows.js";

const MEASURES = [
  { metric: "alternativeShare", title: "Answered by the alternative", subtitle: "team on scene or hub by phone, of eligible calls", countOf: "eligibleCalls" },
  { metric: "phoneResolvedRate", title: "Resolved by phone", subtitle: "of eligible calls", countOf: "eligibleCalls" },
  { metric: "fallbackRate", title: "Fell back to police", subtitle: "of eligible calls", countOf: "eligibleCalls" },
  { metric: "backupRate", title: "Police backup requested", subtitle: "of calls the alternative served", countOf: null },
];

/** Models that routed at least some calls to an alternative, in display order. */
export function modelsWithAlternative(context: ChartContext): string[] {
  return context.models.filter((model) => (context.document.models[model]?.metrics["eligibleCalls"]?.mean ?? 0) > 0);
}

/** The routing chart's Vega-Lite spec, or null when no model has an alternative to police. */
export function routingChartSpec(context: ChartContext): TopLevelSpec | null {
  const models = modelsWithAlternative(context);
  if (models.length === 0) return null;
  const panels: IntervalPanel[] = MEASURES.map((measure) => ({
    title: measure.title,
    subtitle: measure.subtitle,
    rows: measure.countOf ? shareRowsWithCounts(context, measure.metric, measure.countOf, models) : intervalRows(context, measure.metric, models),
    axisTitle: "share",
    axisFormat: ".0%",
    upperBound: 1,
    width: SHARE_PANEL_WIDTH,
  }));
  // The three shares of eligible calls are parts of one whole: one scale, so they compare.
  shareDomain(panels.slice(0, 3));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Where calls eligible for an alternative to police went",
      subtitle: [
        `${context.runLabel}. Eligible: calls whose dispatch rule sends an alternative first.`,
        "Share (count a year); black lines: 95% CIs. Shares of eligible calls share one scale; backup has its own.",
      ],
    },
    config: CHART_CONFIG,
    ...intervalPanelGrid([panels.slice(0, 2), panels.slice(2)], models, context.models),
  } as TopLevelSpec;
}
