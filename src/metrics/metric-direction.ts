/**
 * Which way is better for each metric, for "the probability that a model is better than the
 * baseline". Only metrics a planner wants moved one way have a direction; counts of demand
 * (calls, eligibleCalls), utilization and on-duty hours have none (more is neither good nor bad).
 */

/** "lower" is better, "higher" is better, or null: no direction. */
export type MetricDirection = "lower" | "higher" | null;

const HIGHER = new Set(["priority1WithinTargetRate", "answeredWithoutPoliceRate", "answeredWithoutPoliceCalls", "noArrestEdHoldRate", "noArrestEdHoldCalls", "alternativeShare", "repeatCallsAvoided"]);
const LOWER = new Set(["arrests", "arrestRate", "edRate", "holdRate", "fallbackRate", "backupRate", "handoverRate", "declineRate", "escalationRate", "officerHoursBH"]);
// Waits and costs of every form (mean, p90, by priority, by zone), and abandoned calls.
const LOWER_PATTERN = /(^|\.)(queueWaitMin|responseMin|hubWaitMin)\.|^cost\.|^abandonedRate/;

export function metricDirection(metric: string): MetricDirection {
  if (HIGHER.has(metric)) return "higher";
  if (LOWER.has(metric) || LOWER_PATTERN.test(metric)) return "lower";
  return null;
}

/** The outcomes the terminal table shows P(better) for, in order (those a scenario lacks are skipped). */
export const KEY_OUTCOMES = [
  "responseMin.p90.priority1",
  "responseMin.mean.behavioralHealth",
  "answeredWithoutPoliceRate",
  "noArrestEdHoldRate",
  "arrestRate",
  "edRate",
  "officerHoursBH",
  "cost.total",
] as const;
