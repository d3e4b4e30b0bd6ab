/**
 * Where calls eligible for an alternative went, by model: answered by the alternative (its team
 * on scene, co-responder or civilian, or the hub by phone), the phone part of that, fell back to
 * police because the alternative was busy or off duty (an abandoned call never does), and, of the
 * calls the alternative's units served, the share that requested police backup. Models with no
 * eligible calls (police-only) are left out: they would show four zeros.
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG } from "./chart-theme.js";
import { intervalPanelGrid, type IntervalPanel } from "./interval-panels.js";
import { intervalRows, type ChartContext } from "./summary-rows.js";

const MEASURES = [
  { metric: "alternativeShare", title: "Answered by the alternative", subtitle: "team on scene or hub by phone, of eligible calls" },
  { metric: "phoneResolvedRate", title: "Resolved by phone", subtitle: "of eligible calls" },
  { metric: "fallbackRate", title: "Fell back to police", subtitle: "of eligible calls" },
  { metric: "backupRate", title: "Police backup requested", subtitle: "of calls the alternative served" },
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
    rows: intervalRows(context, measure.metric, models),
    axisTitle: "share",
    axisFormat: ".0%",
  }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Where calls eligible for an alternative to police went",
      subtitle: `${context.runLabel}. Eligible: calls whose dispatch rule sends an alternative first. Black lines: 95% CIs; each panel has its own scale.`,
    },
    config: CHART_CONFIG,
    ...intervalPanelGrid([panels], models, context.models),
  } as TopLevelSpec;
}
