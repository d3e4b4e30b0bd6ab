/**
 * Reading a run's summary.json for a report, with messages that name the folder or file, what was
 * expected and what was found. Only the fields the report reads are checked.
 */
import { existsSync, statSync } from "node:fs";
import { readRegularFile } from "../streams/input-file.js";
import { join } from "node:path";
import { ReportInputError } from "./report-error.js";
import type { SummaryDocument } from "./summary-files.js";

/**
 * Reads `folder/summary.json`.
 *
 * @throws {ReportInputError} if the folder or the file is missing, the file is not JSON, or it is
 *   not a resim run summary.
 */
export function readSummaryDocument(folder: string): SummaryDocument {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new ReportInputError(`${folder}: no such folder (expected a run's output folder, such as reports/riverton)`);
  }
  const file = join(folder, "summary.json");
  if (!existsSync(file)) {
    throw new ReportInputError(`${folder} has no summary.json: a report is built from a run's results; run 'resim run SCENARIO --out ${folder}' first, or pass --report to resim run`);
  }
  let text: string;
  try {
    // A regular file only, of bounded size: a summary.json that is a device must not hang the report.
    text = readRegularFile(file, "a run summary").toString("utf8");
  } catch (error) {
    // DataFileError messages already start with the file.
    throw new ReportInputError((error as Error).message);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ReportInputError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const problem = shapeProblem(data);
  if (problem) throw new ReportInputError(`${file} is not a resim run summary: ${problem}`);
  return data as SummaryDocument;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? `'${value}'` : typeof value === "object" ? "an object" : String(value);
}

function shapeProblem(data: unknown): string | null {
  if (!isRecord(data)) return `expected a JSON object, got ${describe(data)}`;
  for (const key of ["scenario", "description", "scenarioFile"]) {
    if (typeof data[key] !== "string") return `'${key}' must be a string, got ${describe(data[key])}`;
  }
  for (const key of ["seed", "replications", "horizonDays", "warmupDays"]) {
    if (typeof data[key] !== "number") return `'${key}' must be a number, got ${describe(data[key])}`;
  }
  if (!isRecord(data.metrics)) return `'metrics' must be an object, got ${describe(data.metrics)}`;
  if (!isRecord(data.models) || Object.keys(data.models).length === 0) return `'models' must be an object with at least one model, got ${describe(data.models)}`;
  for (const [name, model] of Object.entries(data.models)) {
    if (!isRecord(model) || !isRecord(model.metrics)) return `models.${name}.metrics must be an object`;
  }
  return null;
}
