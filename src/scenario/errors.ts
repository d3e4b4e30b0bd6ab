/**
 * User-facing scenario problems. Each names where (file and key path), what was expected and what
 * was found (esbuild's `${key} must be ${mustBe}`), so a planner can fix the file without reading
 * code. The CLI prints one line per problem and exits with code 2.
 */
import { printable } from "../streams/printable.js";

/** A path into the scenario document: keys and array indices. */
export type KeyPath = readonly (string | number)[];

/** One problem in a scenario. */
export interface ScenarioIssue {
  path: KeyPath;
  /** Completes the sentence "<path> ...", e.g. "must be an integer >= 0, got -2". */
  message: string;
  /** The file the problem is in, when not the error's own (a base file reached through `extends`). */
  file?: string;
  /** The path whose value is at fault when it is below `path` (an unknown key): it decides the file. */
  culprit?: KeyPath;
}

/** Formats a key path like `models.co-responder.staffing.co-responder[1].units`. */
export function formatPath(path: KeyPath): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? key : `.${key}`;
  }
  return out === "" ? "(top level)" : out;
}

/** Raised for a scenario the user must fix; `issues` holds every problem found. */
export class ScenarioError extends Error {
  override name = "ScenarioError";
  constructor(
    readonly file: string,
    readonly issues: readonly ScenarioIssue[],
  ) {
    super(issues.map((issue) => `${issue.file ?? file}: ${formatPath(issue.path)} ${issue.message}`).join("\n"));
  }
}

/** Shows a found value briefly, for "got ..." parts of messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return `'${printable(value.length > 40 ? `${value.slice(0, 40)}...` : value)}'`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return String(value);
}
