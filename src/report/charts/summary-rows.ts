/**
 * Reading chart rows out of summary.json: a metric's estimate per model with its interval and a
 * label formatted as the terminal table formats it. Models whose metric has no value (a unit
 * type it does not staff) are left out, never drawn as zero.
 */
import type { MetricDefinition } from "../../metrics/definitions.js";
import { countAYear, formatCountAYear } from "../counts-a-year.js";
import { formatValue } from "../format.js";
import type { SummaryDocument } from "../summary-files.js";
import type { IntervalRow } from "./interval-panels.js";

/** What every chart builder needs: the document, the models in display order and the run's description. */
export interface ChartContext {
  document: SummaryDocument;
  /** Models in display order (as summary.json lists them; the baseline first when it is first there). */
  models: string[];
  /** "riverton: 10 replications of 365 days" — repeated under every title so a lone slide says where it comes from. */
  runLabel: string;
}

/** The context for a document. */
export function chartContext(document: SummaryDocument): ChartContext {
  const runs = document.replications === 1 ? "1 replication" : `${document.replications} replications`;
  return {
    document,
    models: Object.keys(document.models),
    runLabel: `${document.scenario}: ${runs} of ${document.horizonDays} days`,
  };
}

/** The unit of a metric as summary.json defines it; "calls" if it is not defined there. */
export function metricUnit(document: SummaryDocument, metric: string): MetricDefinition["unit"] {
  const unit = document.metrics[metric]?.unit;
  return unit === "minutes" || unit === "share" || unit === "hours" || unit === "currency" ? unit : "calls";
}

/** One row per model of `models` that has a value for `metric`. */
export function intervalRows(context: ChartContext, metric: string, models: readonly string[] = context.models): IntervalRow[] {
  const unit = metricUnit(context.document, metric);
  const rows: IntervalRow[] = [];
  for (const model of models) {
    const summary = context.document.models[model]?.metrics[metric];
    if (!summary || summary.mean === null) continue;
    const [low, high] = summary.ci95 ?? [summary.mean, summary.mean];
    rows.push({ model, mean: summary.mean, low, high, label: formatValue(summary.mean, unit) });
  }
  return rows;
}

/**
 * Rows of a share with the count a year it stands for beside it: `metric` is a share of the calls
 * counted by `countOf` (e.g. `edRate` of `bhCalls`); the label reads "5.7% (51 a year)". A model
 * without that count keeps the plain share.
 */
export function shareRowsWithCounts(context: ChartContext, metric: string, countOf: string, models: readonly string[] = context.models): IntervalRow[] {
  return intervalRows(context, metric, models).map((row) => {
    const count = countAYear(row.mean, context.document.models[row.model]?.metrics[countOf]?.mean, context.document.horizonDays);
    // 9 significant digits, as summary.json rounds: no float noise in the chart files.
    return count === null ? row : { ...row, label: `${row.label} (${formatCountAYear(count)})`, countAYear: Number(count.toPrecision(9)) };
  });
}
