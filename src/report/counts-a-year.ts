/**
 * Counts a year a person can picture, from summary.json: totals there are over the measured period
 * (`horizonDays` after warm-up), and a share of some calls stands for share x the mean count of
 * those calls. The decision summary, the charts and the key-numbers tables all put counts beside
 * shares; they scale the same way, so a chart's "5.7% (51 a year)" is the figure the tables show.
 */
import type { MetricSummary } from "../metrics/summarize.js";
import { groupedNumber } from "../output/grouped-number.js";

/** Factor from the measured period to a year. */
export function yearScale(horizonDays: number): number {
  return 365 / horizonDays;
}

/**
 * The count a year a share stands for: `share` of `of` calls (the mean count over the measured
 * period), scaled to a year; null when either is unknown.
 */
export function countAYear(share: number | null | undefined, of: number | null | undefined, horizonDays: number): number | null {
  if (share === null || share === undefined || of === null || of === undefined) return null;
  return share * of * yearScale(horizonDays);
}

/** "1,240 a year" (rounded to a whole count); `signed` shows a change as "+12 a year" or "-12 a year". */
export function formatCountAYear(count: number, signed = false): string {
  const rounded = Math.round(count) || 0; // no "-0 a year"
  return `${signed && rounded > 0 ? "+" : ""}${groupedNumber(rounded)} a year`;
}

/**
 * The calls each share in the key-numbers tables is a share of (its denominator in
 * src/metrics/definitions.ts, as a count metric of summary.json). A share not listed here (a
 * utilization, priority-1 calls within the target) has no count beside it.
 */
export const COUNT_OF_SHARE: Readonly<Record<string, string>> = {
  answeredWithoutPoliceRate: "bhCalls",
  noArrestEdHoldRate: "bhCalls",
  arrestRate: "bhCalls",
  edRate: "bhCalls",
  holdRate: "bhCalls",
  escalationRate: "bhCalls",
  "abandonedRate.behavioralHealth": "bhCalls",
  "cancelledRate.behavioralHealth": "bhCalls",
  abandonedRate: "calls",
  cancelledRate: "calls",
  alternativeShare: "eligibleCalls",
  phoneResolvedRate: "eligibleCalls",
  fallbackRate: "eligibleCalls",
  declineRate: "eligibleCalls",
};

/**
 * The count a year a model's share `metric` stands for (share x mean count of its calls, a year),
 * or null when the share has no count in COUNT_OF_SHARE or either mean is unknown.
 */
export function shareCountAYear(metrics: Readonly<Record<string, MetricSummary | undefined>>, metric: string, horizonDays: number): number | null {
  const of = COUNT_OF_SHARE[metric];
  return of === undefined ? null : countAYear(metrics[metric]?.mean, metrics[of]?.mean, horizonDays);
}

/**
 * The change in count a year between a model's share and the one it is compared with: the
 * difference of the two counts (as the decision summary's changes), null when either is unknown.
 */
export function shareCountChangeAYear(
  metrics: Readonly<Record<string, MetricSummary | undefined>>,
  comparedWith: Readonly<Record<string, MetricSummary | undefined>>,
  metric: string,
  horizonDays: number,
): number | null {
  const level = shareCountAYear(metrics, metric, horizonDays);
  const base = shareCountAYear(comparedWith, metric, horizonDays);
  return level === null || base === null ? null : level - base;
}
