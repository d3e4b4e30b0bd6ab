/**
 * The practical thresholds of the decision summary: the smallest change in each headline measure
 * that matters to a council, below which a change is "no meaningful change" even when its interval
 * excludes zero (a 0.05-minute change is real but not worth a line in a briefing). The defaults are
 * ours, chosen for a mid-sized city; a scenario sets its own under `briefing.thresholds`
 * (scenario/schema.ts names the same metrics and rejects others).
 *
 * Counts, hours and money are per year (the decision summary annualises them); shares are
 * fractions (0.01 = one percentage point); response times are minutes.
 */

/** What summary.json keeps of the scenario's `briefing` key (the run's config carries it, `--set` applied). */
export interface BriefingSettings {
  /** Metric -> threshold, as the scenario sets them (resim's defaults fill the rest when the report is drawn). */
  thresholds: Record<string, number>;
}

/** How a threshold is measured: what a reader is told next to it. */
export type ThresholdUnit = "calls a year" | "hours a year" | "share" | "minutes" | "currency a year";

/** A metric the decision summary judges, its default threshold and the unit the threshold is in. */
export interface ThresholdDefault {
  metric: string;
  value: number;
  unit: ThresholdUnit;
  /** Why this default, in a few words, for the page's note on thresholds. */
  why: string;
}

/** The defaults, in the order the decision summary shows its rows. */
export const THRESHOLD_DEFAULTS: readonly ThresholdDefault[] = [
  { metric: "answeredWithoutPoliceCalls", value: 12, unit: "calls a year", why: "one a month" },
  { metric: "arrests", value: 12, unit: "calls a year", why: "one a month" },
  { metric: "edRate", value: 0.01, unit: "share", why: "one percentage point" },
  { metric: "officerHoursBH", value: 100, unit: "hours a year", why: "about two and a half officer-weeks" },
  { metric: "fallbackRate", value: 0.01, unit: "share", why: "one percentage point" },
  { metric: "responseMin.p90.priority1", value: 0.5, unit: "minutes", why: "half a minute" },
  { metric: "priority1WithinTargetRate", value: 0.01, unit: "share", why: "one percentage point" },
  { metric: "responseMin.p90.behavioralHealth", value: 0.5, unit: "minutes", why: "half a minute" },
  { metric: "cost.total", value: 10000, unit: "currency a year", why: "a small line in a budget" },
];

/** A resolved threshold: its value and whether the scenario set it. */
export interface Threshold extends ThresholdDefault {
  fromScenario: boolean;
}

/** The thresholds in force: the scenario's where it sets one, else the default. */
export function resolveThresholds(fromScenario: Readonly<Record<string, number>> | undefined): Map<string, Threshold> {
  return new Map(
    THRESHOLD_DEFAULTS.map((d) => {
      const set = fromScenario?.[d.metric];
      return [d.metric, { ...d, value: set ?? d.value, fromScenario: set !== undefined }];
    }),
  );
}

/** "12 calls a year", "1 percentage point", "0.5 minutes", "$10,000 a year". */
export function describeThreshold(threshold: Pick<Threshold, "value" | "unit">): string {
  const v = threshold.value;
  switch (threshold.unit) {
    case "calls a year":
      return `${v.toLocaleString("en-US")} ${v === 1 ? "call" : "calls"} a year`;
    case "hours a year":
      return `${v.toLocaleString("en-US")} ${v === 1 ? "hour" : "hours"} a year`;
    case "share": {
      const points = Number((v * 100).toFixed(2));
      return `${points} percentage ${points === 1 ? "point" : "points"}`;
    }
    case "minutes":
      return `${v} ${v === 1 ? "minute" : "minutes"}`;
    case "currency a year":
      return `$${v.toLocaleString("en-US")} a year`;
  }
}
