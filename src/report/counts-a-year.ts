/**
 * Counts a year a person can picture, from summary.json: totals there are over the measured period
 * (`horizonDays` after warm-up), and a share of some calls stands for share x the mean count of
 * those calls. The decision summary and the charts both put counts beside shares; they scale the
 * same way, so a chart's "5.7% (51 a year)" is the figure the summary table shows.
 */

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

/** "1,240 a year" (rounded to a whole count). */
export function formatCountAYear(count: number): string {
  return `${Math.round(count).toLocaleString("en-US")} a year`;
}
