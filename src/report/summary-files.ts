/**
 * The files a run writes: summary.json (machine-readable), summary.csv (one row per model x
 * metric with its interval, and the paired difference from the baseline), replications.csv
 * (one row per model x replication x metric), both ending each row with the scenario, seed,
 * resim version and unit (analyst-columns.ts), and, when models are compared with a baseline,
 * cost-effectiveness.csv (one row per model x outcome: cost per additional outcome with its
 * Fieller interval, and the per-year totals behind it). Same run, same bytes: nothing here reads
 * a clock.
 */
import type { MetricDefinition } from "../metrics/definitions.js";
import type { MetricValues } from "../metrics/replication-recorder.js";
import { roundFigure, type MetricSummary, type ModelSummary } from "../metrics/summarize.js";
import { commitFolder } from "../output/folder-commit.js";
import type { Provenance } from "../scenario/provenance.js";
import type { BriefingSettings } from "./briefing-thresholds.js";
import type { ScenarioCaveats } from "./scenario-switches.js";
import { toCsv } from "./csv.js";
import { provenanceCsv } from "./run-provenance.js";
import { ANALYST_COLUMNS, analystValues } from "./analyst-columns.js";

/** Everything summary.json holds. */
export interface SummaryDocument {
  scenario: string;
  description: string;
  scenarioFile: string;
  seed: number;
  replications: number;
  horizonDays: number;
  warmupDays: number;
  baseline: string;
  metrics: Record<string, { unit: string; description: string }>;
  models: Record<string, ModelSummary>;
  /** The scenario's key parameters with their cited sources, for the report (absent in older files). */
  assumptions?: Assumption[];
  /** Mean units on duty in each clock hour (index 0 = 00:00-01:00), by model and staffed unit type (absent in older files). */
  unitsOnDutyByHour?: Record<string, Record<string, number[]>>;
  /** Where the results came from: resim version, input digests, overrides (absent in older files; scenario/provenance.ts). */
  provenance?: Provenance;
  /** The city's targets (absent in older files). */
  targets?: { priority1ResponseMin: number };
  /** The scenario's `briefing` settings: practical thresholds of the decision summary (absent in older files). */
  briefing?: BriefingSettings;
  /** What the scenario switches on and what the model leaves out given that (absent in older files; scenario-switches.ts). */
  caveats?: ScenarioCaveats;
  /** Present when the document compares two scenario files (resim compare; experiment/compare.ts). */
  comparison?: ComparisonInfo;
}

/** What `resim compare` adds: the two files, which A model each B model is paired with, and where their demand differs. */
export interface ComparisonInfo {
  a: { scenario: string; scenarioFile: string };
  /**
   * B's own switches, caveats and key parameters (the document's `caveats` and `assumptions` are
   * A's), so the report can say what B switches on; absent in files from before they were kept.
   */
  b: { scenario: string; scenarioFile: string; caveats?: ScenarioCaveats; assumptions?: Assumption[] };
  /** B model -> the A model its `vsBaseline` and cost-effectiveness are against. */
  pairs: Record<string, string>;
  /** By model: the scenario parts that make calls and differ between the files (empty: the same calls). */
  demandDifferences: Record<string, string[]>;
}

/** The model `model`'s differences are against: its A counterpart in a comparison, else the baseline. */
export function comparedWith(document: Pick<SummaryDocument, "baseline" | "comparison">, model: string): string {
  return document.comparison?.pairs[model] ?? document.baseline;
}

/** A scenario parameter behind the results, as the report's assumptions table shows it. */
export interface Assumption {
  /** Key path in the scenario file, e.g. `unitTypes.patrol.costPerHour`; `*` stands for every key at that level. */
  parameter: string;
  /** What it is, in words. */
  label: string;
  /** Its value, for reading (e.g. "$100", "mean 7.5 min; lognormal(median=6.5, p90=13)"). */
  value: string;
  /** The scenario's `sources` entries for this parameter or its parts, key as written in the file. */
  sources: { key: string; text: string }[];
  /** Command-line overrides of this parameter or its parts (report/run-provenance.ts): the value shown is not the file's, so neither is its source. */
  overriddenBy?: { override: string; was?: unknown }[];
  /** For a scenario that `extends` another: "set in child.yaml, over its base base.yaml" when the extending file gave this value. */
  setByExtends?: string;
}

export interface RunOutput {
  document: SummaryDocument;
  definitions: readonly MetricDefinition[];
  /** Model names in order, and replications[i][r] for model i. */
  modelNames: readonly string[];
  replications: readonly (readonly MetricValues[])[];
}

/**
 * A run's files by name: summary.json, summary.csv, replications.csv and (when some model has a
 * cost-effectiveness record) cost-effectiveness.csv.
 */
export function summaryFiles(output: RunOutput): Map<string, string> {
  const files = new Map([
    ["summary.json", JSON.stringify(output.document, null, 2) + "\n"],
    ["summary.csv", summaryCsv(output)],
    ["replications.csv", replicationsCsv(output)],
  ]);
  const costEffectiveness = costEffectivenessCsv(output);
  if (costEffectiveness !== null) files.set("cost-effectiveness.csv", costEffectiveness);
  // Provenance as its own tidy table rather than a comment header or extra columns (see run-provenance.ts).
  if (output.document.provenance) files.set("provenance.csv", provenanceCsv(output.document.provenance));
  return files;
}

/**
 * Writes the run's files into `folder` as one set (output/folder-commit.ts): a failure or a kill
 * leaves the previous run whole, and the previous run's files this one does not write (its
 * cost-effectiveness.csv, its report) go with it. Returns the paths written.
 */
export function writeSummaryFiles(folder: string, output: RunOutput): string[] {
  return commitFolder(folder, summaryFiles(output), { set: "run" });
}

/** Columns of cost-effectiveness.csv, one row per model x outcome. */
export const COST_EFFECTIVENESS_CSV_HEADER = [
  "model",
  "baseline",
  "outcome",
  "metric",
  "outcome_unit",
  "ratio",
  "ratio_ci_low",
  "ratio_ci_high",
  "defined",
  "reason",
  "quadrant",
  "n",
  "incremental_cost_per_year",
  "incremental_cost_per_year_ci_low",
  "incremental_cost_per_year_ci_high",
  "additional_outcomes_per_year",
  "additional_outcomes_per_year_ci_low",
  "additional_outcomes_per_year_ci_high",
] as const;

/** cost-effectiveness.csv's text, or null when no model has a cost-effectiveness record. */
export function costEffectivenessCsv({ document, modelNames }: Pick<RunOutput, "document" | "modelNames">): string | null {
  const rows: (string | number | null)[][] = [];
  for (const model of modelNames) {
    for (const [outcome, c] of Object.entries(document.models[model]?.costEffectiveness ?? {})) {
      const cost = c.incrementalCostPerYear;
      const gain = c.additionalOutcomesPerYear;
      rows.push([
        model,
        comparedWith(document, model),
        outcome,
        c.metric,
        c.outcomeUnit,
        c.ratio,
        c.ci95?.[0] ?? null,
        c.ci95?.[1] ?? null,
        String(c.defined),
        c.reason,
        c.quadrant,
        c.n,
        cost.mean,
        cost.ci95?.[0] ?? null,
        cost.ci95?.[1] ?? null,
        gain.mean,
        gain.ci95?.[0] ?? null,
        gain.ci95?.[1] ?? null,
      ]);
    }
  }
  return rows.length === 0 ? null : toCsv(COST_EFFECTIVENESS_CSV_HEADER, rows);
}

function summaryCsv({ document, definitions, modelNames }: RunOutput): string {
  const rows: (string | number | null)[][] = [];
  const row = (model: string, comparison: string, { name, unit }: MetricDefinition, s: MetricSummary) =>
    rows.push([model, comparison, name, s.mean, s.ci95?.[0] ?? null, s.ci95?.[1] ?? null, s.n, ...analystValues(document, unit)]);
  for (const model of modelNames) {
    const summary = document.models[model];
    for (const definition of definitions) row(model, "estimate", definition, summary.metrics[definition.name]);
    if (summary.vsBaseline) {
      for (const definition of definitions) row(model, `minus ${comparedWith(document, model)}`, definition, summary.vsBaseline[definition.name]);
    }
  }
  return toCsv(["model", "comparison", "metric", "mean", "ci_low", "ci_high", "n", ...ANALYST_COLUMNS], rows);
}

function replicationsCsv({ document, definitions, modelNames, replications }: RunOutput): string {
  const rows: (string | number | null)[][] = [];
  modelNames.forEach((model, i) => {
    replications[i].forEach((values, r) => {
      for (const { name, unit } of definitions) {
        const value = values.get(name) ?? null;
        rows.push([model, r, name, value === null ? null : roundFigure(value), ...analystValues(document, unit)]);
      }
    });
  });
  return toCsv(["model", "replication", "metric", "value", ...ANALYST_COLUMNS], rows);
}
