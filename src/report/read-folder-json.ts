/**
 * Reading a study folder's JSON document (uncertainty.json, staffing.json) for a report, with
 * messages that name the file, what was expected and what was found. Each report checks only the
 * fields it reads, by a list of (key path, expected kind) pairs.
 */
import { readRegularFile } from "../streams/input-file.js";
import { ReportInputError } from "./report-error.js";

type Kind = "string" | "number" | "array" | "object";

/** What `value` is, in a message. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? `'${value}'` : typeof value === "object" ? "an object" : String(value);
}

function isKind(value: unknown, kind: Kind): boolean {
  if (kind === "array") return Array.isArray(value);
  if (kind === "object") return typeof value === "object" && value !== null && !Array.isArray(value);
  if (kind === "number") return typeof value === "number" && Number.isFinite(value);
  return typeof value === kind;
}

/**
 * Reads `file` as JSON and checks that each key of `shape` holds a value of its kind.
 *
 * @throws {ReportInputError} naming the file, the key and what was found.
 */
export function readFolderJson(file: string, what: string, shape: Record<string, Kind>): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(readRegularFile(file, what).toString("utf8"));
  } catch (error) {
    // DataFileError messages start with the file; a syntax error does not.
    const message = (error as Error).message;
    throw new ReportInputError(error instanceof SyntaxError ? `${file} is not valid JSON: ${message}` : message);
  }
  if (!isKind(data, "object")) throw new ReportInputError(`${file} is not ${what}: expected a JSON object, got ${describeValue(data)}`);
  const record = data as Record<string, unknown>;
  for (const [key, kind] of Object.entries(shape)) {
    if (!isKind(record[key], kind)) throw new ReportInputError(`${file} is not ${what}: '${key}' must be ${kind === "array" || kind === "object" ? `an ${kind}` : `a ${kind}`}, got ${describeValue(record[key])}`);
  }
  return record;
}
