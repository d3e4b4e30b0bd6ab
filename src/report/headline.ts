/**
 * The report's opening paragraph, written from the numbers: for each model, what changed compared
 * with the baseline, in plain words, with the 95% interval of each change. A change is claimed only
 * when its paired interval excludes zero; the others are named as too small to tell from chance.
 * Plain text out (the page escapes it), so a model named `<script>` stays text.
 */
import type { MetricSummary } from "../metrics/summarize.js";
import { formatMoney } from "./format.js";
import { periodPhrase } from "./period.js";
import { comparedWith, type SummaryDocument } from "./summary-files.js";

type Amount = "minutes" | "points" | "hours";

interface Effect {
  metric: string;
  /** What changed, as the object of the verb: "the 90th-percentile response for ...". */
  noun: string;
  amount: Amount;
  /** Verbs for a decrease and an increase. */
  lower: string;
  higher: string;
}

/** The changes a briefing leads with, in the order they are told. Cost is told separately, last. */
export const HEADLINE_EFFECTS: readonly Effect[] = [
  { metric: "responseMin.p90.behavioralHealth", noun: "the 90th-percentile response for behavioral-health calls", amount: "minutes", lower: "cut", higher: "lengthened" },
  { metric: "noArrestEdHoldRate", noun: "the share of behavioral-health calls answered and ended without arrest, ED transport or involuntary hold", amount: "points", lower: "lowered", higher: "raised" },
  { metric: "arrestRate", noun: "the share of behavioral-health calls ending in arrest", amount: "points", lower: "lowered", higher: "raised" },
  { metric: "officerHoursBH", noun: "officer time on behavioral-health calls", amount: "hours", lower: "cut", higher: "added to" },
  { metric: "responseMin.p90.priority1", noun: "the 90th-percentile response for priority-1 calls", amount: "minutes", lower: "cut", higher: "lengthened" },
];

/** True when the difference's 95% interval lies wholly above or below zero. */
export function excludesZero(summary: MetricSummary | undefined): boolean {
  return summary?.ci95 != null && (summary.ci95[0] > 0 || summary.ci95[1] < 0);
}

/** The paragraphs of the headline, plain text: one per model compared with the baseline. */
export function headlineParagraphs(document: SummaryDocument): string[] {
  const models = Object.keys(document.models);
  const baseline = document.baseline !== undefined && document.models[document.baseline] ? document.baseline : null;
  // In a comparison of two files (resim compare) only B's models have differences, each from its A counterpart.
  const others = models.filter((model) => model !== baseline && (!document.comparison || document.comparison.pairs[model]));
  if (baseline === null || others.length === 0) {
    return [
      baseline === null
        ? "This run has no baseline model, so the report shows each model's estimates without comparing them."
        : `Only the ${baseline} model was run, so there is nothing to compare it with; the tables and charts show its estimates.`,
    ];
  }
  return others.map((model) => modelParagraph(document, comparedWith(document, model), model));
}

function modelParagraph(document: SummaryDocument, baseline: string, model: string): string {
  const differences = document.models[model].vsBaseline ?? {};
  const period = periodPhrase(document.horizonDays);
  const clear: string[] = [];
  const unclear: string[] = [];
  for (const effect of HEADLINE_EFFECTS) {
    const difference = differences[effect.metric];
    if (!difference || difference.mean === null) continue;
    if (excludesZero(difference)) clear.push(describeChange(effect, difference, period));
    else unclear.push(effect.noun);
  }
  const cost = costClause(differences["cost.total"], period);
  const lead = `Compared with ${baseline}, the ${model} model`;
  const sentences: string[] = [];
  if (clear.length === 0) {
    sentences.push(`${lead} made no clear difference to the measures below${cost ? `, ${cost}` : ""}.`);
  } else {
    sentences.push(`${lead} ${list(clear.slice(0, 2))}${cost ? `, ${cost}` : ""}.`);
    if (clear.length > 2) sentences.push(`It also ${list(clear.slice(2))}.`);
  }
  if (unclear.length > 0) {
    sentences.push(`Its effect on ${list(unclear)} is too small to tell apart from chance (the 95% interval includes zero).`);
  }
  return sentences.join(" ");
}

/** "cut the ... by 6.1 minutes (95% CI 4.8 to 7.4)": magnitudes, the verb carries the sign. */
function describeChange(effect: Effect, difference: MetricSummary, period: string): string {
  const mean = difference.mean!;
  const [low, high] = difference.ci95!;
  const verb = mean < 0 ? effect.lower : effect.higher;
  const bounds = mean < 0 ? [-high, -low] : [low, high];
  const perPeriod = effect.amount === "hours" ? ` ${period}` : "";
  return `${verb} ${effect.noun} by ${amount(Math.abs(mean), effect.amount)}${perPeriod} (95% CI ${number(bounds[0], effect.amount)} to ${number(bounds[1], effect.amount)})`;
}

function costClause(difference: MetricSummary | undefined, period: string): string {
  if (!difference || difference.mean === null) return "";
  const interval = difference.ci95 ? ` (95% CI ${formatMoney(difference.ci95[0])} to ${formatMoney(difference.ci95[1])})` : "";
  if (!excludesZero(difference)) return `with no clear difference in total cost${interval}`;
  const mean = difference.mean;
  const [low, high] = difference.ci95!;
  return mean > 0
    ? `at an added cost of ${formatMoney(mean)} ${period} (95% CI ${formatMoney(low)} to ${formatMoney(high)})`
    : `while saving ${formatMoney(-mean)} ${period} (95% CI ${formatMoney(-high)} to ${formatMoney(-low)})`;
}

/** A number with enough decimals to show small differences (0.03 min reads "0.03", not "0.0"). */
function number(value: number, kind: Amount): string {
  switch (kind) {
    case "minutes":
      return value.toFixed(Math.abs(value) < 1 ? 2 : 1);
    case "points":
      return (value * 100).toFixed(Math.abs(value) < 0.01 ? 2 : 1);
    case "hours":
      return Math.round(value).toLocaleString("en-US");
  }
}

function amount(value: number, kind: Amount): string {
  const text = number(value, kind);
  const unit = { minutes: text === "1.0" ? "minute" : "minutes", points: "percentage points", hours: text === "1" ? "hour" : "hours" }[kind];
  return `${text} ${unit}`;
}

/** "a", "a and b", "a, b and c". */
function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
