/**
 * Money and counts in summary.json are totals over the measured period (`horizonDays` after
 * warm-up), which is a year only when the scenario measures 365 days. These phrases say which.
 */

/** "a year" for 365 measured days, else "over 90 days" (as in "an added cost of $1.2M a year"). */
export function periodPhrase(horizonDays: number): string {
  return horizonDays === 365 ? "a year" : `over ${formatDays(horizonDays)}`;
}

/** "per year" for 365 measured days, else "per 90 days" (for axis titles). */
export function perPeriod(horizonDays: number): string {
  return horizonDays === 365 ? "per year" : `per ${formatDays(horizonDays)}`;
}

function formatDays(days: number): string {
  return days === 1 ? "1 day" : `${Number(days.toFixed(2))} days`;
}
