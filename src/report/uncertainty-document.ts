/**
 * An uncertainty analysis's uncertainty.json as a report reads it (uncertainty-files.ts writes it):
 * the inputs and their ranges, each model's ranges, P(better) and CEAC, the tornadoes, and the
 * willingness-to-pay list asked for. Only the fields the report reads are checked.
 */
import { join } from "node:path";
import type { MetricDefinition } from "../metrics/definitions.js";
import type { ModelUncertainty } from "../metrics/uncertainty-summary.js";
import type { InputDescription } from "../experiment/uncertainty-analysis.js";
import { readFolderJson } from "./read-folder-json.js";
import { ReportInputError } from "./report-error.js";
import type { UncertaintyTornado } from "./uncertainty-tornado.js";

export const UNCERTAINTY_FILE = "uncertainty.json";

export interface UncertaintyDocument {
  scenario: string;
  scenarioFile: string;
  scenarioDigest?: string;
  overrides: string[];
  seed: number;
  horizonDays: number;
  draws: number;
  baseline: string;
  models: string[];
  units: Record<string, MetricDefinition["unit"]>;
  /** ceac.csv's grid, and the prices asked for (--wtp; absent in files of older versions). */
  wtp: number[];
  wtpShown?: number[];
  inputs: InputDescription[];
  summary: Record<string, ModelUncertainty>;
  /** Absent in files of older versions. */
  tornado?: UncertaintyTornado[];
}

/**
 * Reads `folder/uncertainty.json`.
 *
 * @throws {ReportInputError} naming the file and the first field that is not as written by resim.
 */
export function readUncertaintyDocument(folder: string): UncertaintyDocument {
  const file = join(folder, UNCERTAINTY_FILE);
  const data = readFolderJson(file, "a resim uncertainty analysis", {
    kind: "string",
    scenario: "string",
    scenarioFile: "string",
    seed: "number",
    horizonDays: "number",
    draws: "number",
    baseline: "string",
    models: "array",
    units: "object",
    wtp: "array",
    inputs: "array",
    summary: "object",
  });
  if (data.kind !== "uncertainty") throw new ReportInputError(`${file} is not a resim uncertainty analysis: 'kind' must be 'uncertainty', got '${String(data.kind)}'`);
  const document = data as unknown as UncertaintyDocument;
  for (const model of document.models) {
    if (typeof document.summary[model] !== "object" || document.summary[model] === null) {
      throw new ReportInputError(`${file} is not a resim uncertainty analysis: 'summary' has no entry for the model '${model}' that 'models' lists`);
    }
  }
  if (!document.models.includes(document.baseline)) throw new ReportInputError(`${file} is not a resim uncertainty analysis: the baseline '${document.baseline}' is not in 'models'`);
  return { ...document, overrides: Array.isArray(document.overrides) ? document.overrides : [] };
}

/** The models compared with the baseline, in the file's order. */
export function uncertaintyOptions(document: UncertaintyDocument): string[] {
  return document.models.filter((model) => model !== document.baseline);
}

/** The chart specs the analysis wrote that a report draws: the CEAC (when some option has one), then each tornado. */
export function uncertaintyChartFiles(document: UncertaintyDocument): { file: string; id: string; tornado: UncertaintyTornado | null }[] {
  const charts: { file: string; id: string; tornado: UncertaintyTornado | null }[] = [];
  if (uncertaintyOptions(document).some((model) => (document.summary[model].ceac ?? []).length > 0)) charts.push({ file: "ceac.vl.json", id: "uncertainty-ceac", tornado: null });
  for (const tornado of document.tornado ?? []) {
    if (tornado.chart !== null) charts.push({ file: tornado.chart, id: `uncertainty-${tornado.chart.replace(/\.vl\.json$/, "")}`, tornado });
  }
  return charts;
}
