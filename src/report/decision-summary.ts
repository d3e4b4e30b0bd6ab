/**
 * The decision summary: for each option against the baseline (in a comparison of two files, each
 * B model against the same model under A), the handful of measures a council decides on, as
 * counts a year a person can picture, each with its base level, its change and a verdict against
 * a practical threshold (briefing-thresholds.ts), and one plain sentence.
 *
 * A change is "clear" when its 95% interval excludes zero and its size is beyond the threshold;
 * "no meaningful change" when its whole interval lies within the threshold (so a real but tiny
 * 0.05-minute change is not a headline); otherwise "unclear". Totals over the measured period are
 * scaled to a year (x 365 / horizonDays, counts-a-year.ts, as the charts do). ED transports and
 * fallbacks are counted from their shares (share x the base count of calls), so their counts are
 * approximate ("about"); their verdicts use the shares' own paired intervals. Plain text out; the
 * page escapes it.
 */
import type { MetricSummary } from "../metrics/summarize.js";
import { describeThreshold, resolveThresholds, type Threshold } from "./briefing-thresholds.js";
import { countAYear, yearScale } from "./counts-a-year.js";
import { formatMoney } from "./format.js";
import { comparedWith, type SummaryDocument } from "./summary-files.js";

export type Verdict = "clear" | "none" | "unclear" | "n/a";

/** One judged measure of the summary. */
interface Measure {
  metric: string;
  label: (document: SummaryDocument) => string;
  /** "total": a total over the measured period, shown a year; "share" of `countOf` calls; "minutes". */
  kind: "total" | "share" | "minutes" | "money";
  /** For shares: the count the share is of, to show counts beside it. */
  countOf?: string;
  better: "higher" | "lower";
  /**
   * Clause of the option's sentence for a clear change, after "would": `amount` is already worded;
   * `fromNone`: the level it is compared with is zero (so the change is the option's whole level).
   */
  phrase: (up: boolean, amount: string, document: SummaryDocument, fromNone: boolean) => string;
  /** Name of the measure in "no meaningful change in ...". */
  noun: string;
  /**
   * For shares with counts: the clause when the share and its count move in opposite directions
   * (the calls it is a share of changed too): `shareUp` the share's direction, `points` already
   * worded, `calls` the count change already worded.
   */
  mixed?: (shareUp: boolean, points: string, calls: string) => string;
}

const target = (document: SummaryDocument) => document.targets?.priority1ResponseMin;

/** The measures, in the order of the table. */
export const DECISION_MEASURES: readonly Measure[] = [
  {
    metric: "answeredWithoutPoliceCalls",
    label: () => "Behavioral-health (BH) calls answered without police, a year",
    kind: "total",
    better: "higher",
    phrase: (up, n) => `answer ${n} ${up ? "more" : "fewer"} BH calls a year without police`,
    noun: "BH calls answered without police",
  },
  {
    metric: "arrests",
    label: () => "Arrests on BH calls, a year",
    kind: "total",
    better: "lower",
    phrase: (up, n) => `lead to ${n} ${up ? "more" : "fewer"} arrests a year`,
    noun: "arrests",
  },
  {
    metric: "edRate",
    label: () => "ED transports of BH callers, a year",
    kind: "share",
    countOf: "bhCalls",
    better: "lower",
    phrase: (up, n) => `bring ${n} ${up ? "more" : "fewer"} ED transports a year`,
    noun: "ED transports",
    mixed: (up, points, calls) =>
      `take a ${up ? "larger" : "smaller"} share of BH callers to the ED (${points} ${up ? "more" : "fewer"}), though ${calls} ${up ? "fewer" : "more"} transports a year, as there are ${up ? "fewer" : "more"} BH calls`,
  },
  {
    metric: "officerHoursBH",
    label: () => "Officer-hours on BH calls, a year",
    kind: "total",
    better: "lower",
    phrase: (up, n) => (up ? `take ${n} more officer-hours a year` : `free ${n} officer-hours a year`),
    noun: "officer-hours",
  },
  {
    metric: "fallbackRate",
    label: () => "Calls meant for the alternative that fell back to police, a year",
    kind: "share",
    countOf: "eligibleCalls",
    better: "lower",
    phrase: (up, n, _d, fromNone) =>
      up
        ? `${fromNone ? `still send ${n}` : `send ${n} more`} calls a year meant for its teams back to police (none was free or on duty)`
        : `send ${n} fewer calls a year back to police`,
    noun: "calls falling back to police",
    mixed: (up, points, calls) =>
      `send a ${up ? "larger" : "smaller"} share of the calls meant for its teams back to police (${points} ${up ? "more" : "fewer"}), though ${calls} ${up ? "fewer" : "more"} such calls a year, as ${up ? "fewer" : "more"} calls are meant for its teams`,
  },
  {
    metric: "responseMin.p90.priority1",
    label: (d) => `Priority-1 response, 90th percentile, minutes${target(d) !== undefined ? ` (target ${target(d)})` : ""}`,
    kind: "minutes",
    better: "lower",
    phrase: (up, n) => `make the slowest tenth of priority-1 responses ${n} ${up ? "slower" : "faster"}`,
    noun: "priority-1 response times",
  },
  {
    metric: "priority1WithinTargetRate",
    label: (d) => `Priority-1 calls reached within ${target(d) !== undefined ? `the ${target(d)}-minute target` : "the target"}`,
    kind: "share",
    better: "higher",
    phrase: (up, n, d) => `reach ${n} ${up ? "more" : "fewer"} of priority-1 calls within ${target(d) !== undefined ? `the ${target(d)}-minute target` : "the target"}`,
    noun: "priority-1 calls within the target",
  },
  {
    metric: "responseMin.p90.behavioralHealth",
    label: () => "BH response, 90th percentile, minutes (no city target)",
    kind: "minutes",
    better: "lower",
    phrase: (up, n) => `make the slowest tenth of BH responses ${n} ${up ? "slower" : "faster"}`,
    noun: "BH response times",
  },
  {
    metric: "cost.total",
    label: () => "Total cost, a year",
    kind: "money",
    better: "lower",
    phrase: (up, n) => (up ? `cost ${n} more a year` : `save ${n} a year`),
    noun: "total cost",
  },
];

/** The extra-cost rows: key in costEffectiveness and what one outcome is. */
export const DECISION_COST_RATIOS: readonly { outcome: string; label: string; per: string }[] = [
  { outcome: "perCallAnsweredWithoutPolice", label: "Extra cost per additional BH call answered without police", per: "BH call answered without police" },
  { outcome: "perArrestAvoided", label: "Extra cost per arrest avoided", per: "arrest avoided" },
  { outcome: "perOfficerHourFreed", label: "Extra cost per officer-hour freed", per: "officer-hour freed" },
];

/** A figure with its interval, in the units the table shows (a year for totals). */
export interface Figure {
  mean: number;
  ci95: [number, number] | null;
}

/** One measure for one option. */
export interface DecisionCell {
  /** The option's level (a year for totals). */
  level: Figure | null;
  /** For shares: the approximate count a year the level stands for. */
  levelCount: number | null;
  /** Option minus base, paired (a year for totals; a share difference for shares). */
  change: Figure | null;
  /** For shares: the approximate change in count a year. */
  changeCount: number | null;
  /**
   * The level this option is measured against (its own A counterpart in a comparison of two
   * files; the baseline otherwise), in the table's units, and for shares its count a year.
   */
  base: Figure | null;
  baseCount: number | null;
  verdict: Verdict;
}

export interface DecisionRow {
  metric: string;
  label: string;
  kind: Measure["kind"];
  threshold: Threshold;
  base: Figure | null;
  baseCount: number | null;
  cells: Record<string, DecisionCell>;
}

export interface DecisionSummary {
  /** The model the options are compared with (for a comparison of two files, "A"). */
  baseline: string;
  options: string[];
  rows: DecisionRow[];
  /** One plain sentence (or two) per option. */
  sentences: Record<string, string>;
  /** Scale from the measured period to a year. */
  perYear: number;
}

/** The summary, or null when there is nothing to compare (no baseline, or only one model). */
export function decisionSummary(document: SummaryDocument): DecisionSummary | null {
  const baseline = document.baseline !== undefined && document.models[document.baseline] ? document.baseline : null;
  if (baseline === null) return null;
  const options = Object.keys(document.models).filter((m) => m !== baseline && document.models[m].vsBaseline && (!document.comparison || document.comparison.pairs[m]));
  if (options.length === 0) return null;
  const perYear = yearScale(document.horizonDays);
  const thresholds = resolveThresholds(document.briefing?.thresholds);
  const rows: DecisionRow[] = [];
  for (const measure of DECISION_MEASURES) {
    if (!document.metrics[measure.metric]) continue;
    const threshold = thresholds.get(measure.metric)!;
    const baseOf = (model: string) => document.models[comparedWith(document, model)];
    const first = baseOf(options[0]);
    const scale = measure.kind === "total" || measure.kind === "money" ? perYear : 1;
    const base = figure(first.metrics[measure.metric], scale);
    // A missing count of calls counts as none here, as before: the base row still shows "0 a year".
    const baseCountOf = (summary: { metrics: Record<string, MetricSummary> }, share: Figure | null) =>
      measure.countOf && share ? countAYear(share.mean, summary.metrics[measure.countOf]?.mean ?? 0, document.horizonDays) : null;
    const cells: Record<string, DecisionCell> = {};
    for (const option of options) {
      const model = document.models[option];
      const level = figure(model.metrics[measure.metric], scale);
      const change = figure(model.vsBaseline?.[measure.metric], scale);
      const count = (summary: { metrics: Record<string, MetricSummary> }, share: number | undefined) =>
        measure.countOf ? countAYear(share, summary.metrics[measure.countOf]?.mean, document.horizonDays) : null;
      const levelCount = count(model, level?.mean);
      const baseCount = count(baseOf(option), figure(baseOf(option).metrics[measure.metric], 1)?.mean);
      cells[option] = {
        level,
        levelCount,
        change,
        changeCount: levelCount !== null && baseCount !== null ? levelCount - baseCount : null,
        base: figure(baseOf(option).metrics[measure.metric], scale),
        baseCount: baseCountOf(baseOf(option), figure(baseOf(option).metrics[measure.metric], scale)),
        verdict: judge(change, threshold.value),
      };
    }
    rows.push({
      metric: measure.metric,
      label: measure.label(document),
      kind: measure.kind,
      threshold,
      base,
      baseCount: baseCountOf(first, base),
      cells,
    });
  }
  const sentences = Object.fromEntries(options.map((option) => [option, optionSentence(document, comparedWith(document, option), option, rows)]));
  return { baseline: document.comparison ? "A" : baseline, options, rows, sentences, perYear };
}

function figure(summary: MetricSummary | undefined, scale: number): Figure | null {
  if (!summary || summary.mean === null) return null;
  return { mean: summary.mean * scale, ci95: summary.ci95 ? [summary.ci95[0] * scale, summary.ci95[1] * scale] : null };
}

/**
 * "clear": the interval excludes zero and the change is beyond the threshold; "none": the whole
 * interval lies within the threshold; "unclear": anything else (the interval reaches past the
 * threshold but cannot rule out zero, or the change is real but about the threshold's size).
 * Without an interval (one replication) only a change within the threshold can be judged.
 */
export function judge(change: Figure | null, threshold: number): Verdict {
  if (change === null) return "n/a";
  const [low, high] = change.ci95 ?? [change.mean, change.mean];
  if (Math.abs(low) <= threshold && Math.abs(high) <= threshold) return "none";
  if (change.ci95 === null) return "unclear";
  if ((low > 0 || high < 0) && Math.abs(change.mean) > threshold) return "clear";
  return "unclear";
}

/** "about 1,230": rounded to what a reader would say aloud. */
export function about(value: number): string {
  const abs = Math.abs(value);
  const step = abs >= 10000 ? 100 : abs >= 1000 ? 10 : 1;
  return `about ${(Math.round(abs / step) * step).toLocaleString("en-US")}`;
}

function worded(row: DecisionRow, cell: DecisionCell): string {
  const change = cell.change!;
  switch (row.kind) {
    case "total":
      return about(change.mean);
    case "money":
      return `about ${formatMoney(Math.abs(change.mean))}`;
    case "minutes": {
      const m = Math.abs(change.mean);
      return `${m.toFixed(1)} ${m.toFixed(1) === "1.0" ? "minute" : "minutes"}`;
    }
    case "share":
      // Counts a person can picture where there is one; percentage points otherwise.
      return cell.changeCount !== null ? about(cell.changeCount) : `${(Math.abs(change.mean) * 100).toFixed(1)} percentage points`;
  }
}

function optionSentence(document: SummaryDocument, baseline: string, option: string, rows: readonly DecisionRow[]): string {
  const clear: string[] = [];
  const none: string[] = [];
  const unclear: string[] = [];
  let cost = "";
  for (const row of rows) {
    const cell = row.cells[option];
    const measure = DECISION_MEASURES.find((m) => m.metric === row.metric)!;
    if (cell.verdict === "n/a") continue;
    // A baseline with no alternative has no fallbacks: the option's fallbacks are its own level, told as such.
    if (cell.verdict === "clear") {
      const up = cell.change!.mean > 0;
      const text = shareAgainstCount(cell) && measure.mixed
        ? measure.mixed(up, `${(Math.abs(cell.change!.mean) * 100).toFixed(1)} percentage points`, about(cell.changeCount!))
        : measure.phrase(up, worded(row, cell), document, cell.baseCount === null || Math.round(cell.baseCount) === 0);
      if (row.metric === "cost.total") cost = text;
      else clear.push(text);
    } else if (cell.verdict === "none") none.push(measure.noun);
    else unclear.push(measure.noun);
  }
  const ratio = costPerOutcome(document, option);
  const lead = `Compared with ${baseline}, ${option} would`;
  const parts: string[] = [];
  const doing = [...clear, ...(cost ? [`${cost}${ratio ? ` (${ratio})` : ""}`] : [])];
  parts.push(doing.length > 0 ? `${lead} ${list(doing)}.` : `${lead} make no clear difference to the measures below.`);
  if (none.length > 0) parts.push(`No meaningful change in ${list(none)}.`);
  if (unclear.length > 0) parts.push(`Too uncertain to call: ${list(unclear)}.`);
  return parts.join(" ");
}

/** "$10,141 per arrest avoided": the first defined ratio, in DECISION_COST_RATIOS order. */
function costPerOutcome(document: SummaryDocument, option: string): string {
  const records = document.models[option].costEffectiveness ?? {};
  for (const { outcome, per } of DECISION_COST_RATIOS) {
    const c = records[outcome];
    if (c && c.defined && c.ratio !== null && c.quadrant !== "dominant") return `${formatMoney(c.ratio)} per ${per}`;
  }
  return "";
}

/**
 * A share whose clear change and count change point opposite ways: the calls it is a share of
 * changed more than the share did (say, a larger share of fewer calls), so the count alone would
 * misstate the share's direction.
 */
export function shareAgainstCount(cell: DecisionCell): boolean {
  return cell.change !== null && cell.changeCount !== null && Math.round(cell.changeCount) !== 0 && Number((cell.change.mean * 100).toFixed(1)) !== 0 && Math.sign(cell.changeCount) !== Math.sign(cell.change.mean);
}

/** "the thresholds used": one phrase per measure, for the note under the table. */
export function thresholdNotes(summary: DecisionSummary): string[] {
  return summary.rows.map((row) => `${row.label.replace(/, a year$|, minutes.*$/, "")}: ${describeThreshold(row.threshold)}${row.threshold.fromScenario ? " (set in the scenario)" : ""}`);
}

/** "a", "a and b", "a, b and c". */
export function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
