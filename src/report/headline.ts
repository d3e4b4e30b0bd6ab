/**
 * Whether a paired difference is clear of chance: its 95% interval excludes zero. The key-numbers
 * tables bold such differences; the decision summary (decision-summary.ts) asks more of a change,
 * that it also exceed a practical threshold, before a briefing leads with it.
 */
import type { MetricSummary } from "../metrics/summarize.js";

/** True when the difference's 95% interval lies wholly above or below zero. */
export function excludesZero(summary: MetricSummary | undefined): boolean {
  return summary?.ci95 != null && (summary.ci95[0] > 0 || summary.ci95[1] < 0);
}
