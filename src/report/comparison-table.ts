/**
 * The comparison a planner reads in the terminal: key metrics for each model with 95% intervals,
 * then each model's paired difference from the baseline, starred where the interval excludes 0,
 * then its extra cost per additional outcome (the ICER) with Fieller's interval. A share of calls
 * is followed by the count a year it stands for, and its difference by the change in that count.
 */
import type { MetricDefinition } from "../metrics/definitions.js";
import type { MetricSummary } from "../metrics/summarize.js";
import type { SummaryDocument } from "./summary-files.js";
import { formatCountAYear, shareCountAYear, shareCountChangeAYear } from "./counts-a-year.js";
import { formatValue, unitLabel } from "./format.js";
import { COST_EFFECTIVENESS_ROWS } from "./report-tables.js";
import { provenanceLines } from "./run-provenance.js";

/** Metrics shown in the table, in order; utilization rows are added per unit type. */
export const TABLE_METRICS = [
  "calls",
  "bhCalls",
  "responseMin.mean",
  "responseMin.p90",
  "responseMin.p90.priority1",
  "responseMin.p90.behavioralHealth",
  "queueWaitMin.mean",
  "answeredWithoutPoliceRate",
  "noArrestEdHoldRate",
  "arrestRate",
  "edRate",
  "alternativeShare",
  "fallbackRate",
  "officerHoursBH",
  "hubWaitMin.mean",
  "hubUtilization",
  "cost.total",
  "cost.perCall",
];

/** Renders the comparison tables as text. */
export function comparisonTable(document: SummaryDocument, definitions: readonly MetricDefinition[], modelNames: readonly string[]): string {
  const shown = definitions.filter((d) => TABLE_METRICS.includes(d.name) || d.name.startsWith("utilization."));
  shown.sort((a, b) => tableOrder(a.name) - tableOrder(b.name));
  const label = (d: MetricDefinition) => `${d.name} (${unitLabel(d.unit)})`;
  const interval = (s: MetricSummary, unit: MetricDefinition["unit"], signed: boolean, count: number | null) => withCount(intervalText(s, unit, signed), s, count, signed);
  const estimates = [
    ["metric", ...modelNames],
    ...shown.map((d) => [label(d), ...modelNames.map((m) => interval(document.models[m].metrics[d.name], d.unit, false, shareCountAYear(document.models[m].metrics, d.name, document.horizonDays)))]),
  ];
  const others = modelNames.filter((m) => m !== document.baseline);
  const lines = [
    `${document.scenario}: ${document.replications} replications of ${document.horizonDays} days (after ${document.warmupDays} days warm-up), seed ${document.seed}`,
    ...provenanceLines(document.provenance),
    "",
    "Estimates (mean [95% CI] across replications)",
    ...align(estimates),
  ];
  if (others.length > 0) {
    const differences = [
      ["metric", ...others.map((m) => `${m} - ${document.baseline}`)],
      ...shown.map((d) => [
        label(d),
        ...others.map((m) => {
          const s = document.models[m].vsBaseline![d.name];
          const excludesZero = s.ci95 !== null && (s.ci95[0] > 0 || s.ci95[1] < 0);
          const count = shareCountChangeAYear(document.models[m].metrics, document.models[document.baseline!].metrics, d.name, document.horizonDays);
          return `${interval(s, d.unit, true, count)}${excludesZero ? " *" : ""}`;
        }),
      ]),
    ];
    lines.push("", `Difference from ${document.baseline} (paired by replication; * = the 95% CI excludes 0)`, ...align(differences));
    const withRatios = others.filter((m) => document.models[m].costEffectiveness);
    if (withRatios.length > 0) {
      const ratios = [
        ["extra cost", ...withRatios.map((m) => `${m} vs ${document.baseline}`)],
        ...COST_EFFECTIVENESS_ROWS.map((row) => [
          row.outcome,
          ...withRatios.map((m) => {
            const c = document.models[m].costEffectiveness![row.outcome];
            if (!c) return "n/a";
            if (!c.defined || c.ratio === null) return `not defined (${c.quadrant ?? "no clear difference"})`;
            const interval = c.ci95 === null ? "" : ` [${formatValue(c.ci95[0], "currency", false)}, ${formatValue(c.ci95[1], "currency", false)}]`;
            return `${formatValue(c.ratio, "currency", false)}${interval}${c.quadrant === "dominant" ? " dominant" : ""}`;
          }),
        ]),
      ];
      lines.push("", `Extra cost per additional outcome against ${document.baseline} (paired; Fieller 95% CI; reasons in cost-effectiveness.csv)`, ...align(ratios));
    }
  }
  return lines.join("\n") + "\n";
}

/** "mean [low, high]" of a metric in its unit, or "n/a". */
export function intervalText(s: MetricSummary | undefined, unit: MetricDefinition["unit"], signed: boolean): string {
  if (!s || s.mean === null) return "n/a";
  if (s.ci95 === null) return formatValue(s.mean, unit, signed);
  return `${formatValue(s.mean, unit, signed)} [${formatValue(s.ci95[0], unit, signed)}, ${formatValue(s.ci95[1], unit, signed)}]`;
}

/** The text followed by the count a year a share stands for, "(51 a year)", when that count is known. */
export function withCount(text: string, s: MetricSummary | undefined, count: number | null, signed: boolean): string {
  return count === null || !s || s.mean === null ? text : `${text} (${formatCountAYear(count, signed)})`;
}

/** Where a metric comes in the tables: TABLE_METRICS order, the rest after. */
export function tableOrder(name: string): number {
  const index = TABLE_METRICS.indexOf(name);
  return index >= 0 ? index : TABLE_METRICS.length;
}

/** Rows as aligned text columns: the first left-aligned, the rest right-aligned. */
export function align(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ").trimEnd());
}
