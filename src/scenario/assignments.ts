/**
 * `--set PATH=VALUE` overrides: a key path in the scenario's own notation
 * (`models.co-responder.staffing.co-responder[0].units`) and a YAML value (`4`, `true`,
 * `[patrol]`, `{dist: fixed, value: 3}`). They are applied to the parsed file before validation,
 * so a bad value gets exactly the message it would get in the file.
 */
import { parse as parseYaml } from "yaml";
import { formatPath, ScenarioError, type KeyPath } from "./errors.js";

/** One override. */
export interface Assignment {
  path: KeyPath;
  value: unknown;
  /** As the user wrote it, for messages. */
  text: string;
  /** How the value was given, for messages ("--values of --param PATH"); default `--set`. */
  given?: string;
}

/** Completes "(...)" after a problem in an overridden value: "set with --set". */
export function overrideNote(assignment: Assignment): string {
  return `set with ${assignment.given ?? "--set"}`;
}

/** Names an override in a message: "--set PATH=VALUE", or how it was given and its text. */
function named(assignment: Assignment): string {
  return assignment.given === undefined ? `--set ${assignment.text}` : `${assignment.given}: ${assignment.text}`;
}

/** Raised for an override that cannot be parsed or applied (exit 2). */
export class AssignmentError extends Error {
  override name = "AssignmentError";
}

const KEY = /^[A-Za-z0-9_$-]+/;

/**
 * Parses `a.b[0].c` into ['a', 'b', 0, 'c']. Throws AssignmentError naming the problem and the
 * option the path came with (`flag`, default --set).
 */
export function parseKeyPath(text: string, flag = "--set"): KeyPath {
  const path: (string | number)[] = [];
  let rest = text;
  while (rest.length > 0) {
    const index = /^\[(\d+)\]/.exec(rest);
    if (index) {
      if (path.length === 0) throw new AssignmentError(`${flag} ${text}: a path must start with a key, not an index`);
      path.push(Number(index[1]));
      rest = rest.slice(index[0].length);
    } else {
      if (path.length > 0) {
        if (!rest.startsWith(".")) throw new AssignmentError(`${flag} ${text}: expected '.' or '[index]' at '${rest}'`);
        rest = rest.slice(1);
      }
      const key = KEY.exec(rest);
      if (!key) throw new AssignmentError(`${flag} ${text}: expected a key name at '${rest || "(end)"}'`);
      path.push(key[0]);
      rest = rest.slice(key[0].length);
    }
  }
  if (path.length === 0) throw new AssignmentError(`${flag} ${text}: the path is empty`);
  return path;
}

/** Parses `PATH=VALUE`. Throws AssignmentError. */
export function parseAssignment(text: string): Assignment {
  const equals = text.indexOf("=");
  if (equals <= 0) throw new AssignmentError(`--set ${text}: expected PATH=VALUE, like models.police-only.staffing.patrol[0].units=12`);
  const path = parseKeyPath(text.slice(0, equals).trim());
  const raw = text.slice(equals + 1).trim();
  let value: unknown;
  try {
    value = raw === "" ? null : parseYaml(raw);
  } catch (error) {
    throw new AssignmentError(`--set ${text}: the value is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  return { path, value, text };
}

/**
 * Applies overrides to parsed scenario data, in order. A missing key along the way is created as
 * a mapping (validation then says whether it is allowed); an index past the end of a list or a
 * step into a plain value is an error. Throws ScenarioError naming `file`.
 */
export function applyAssignments(data: unknown, assignments: readonly Assignment[], file: string): void {
  for (const assignment of assignments) {
    const { path, value } = assignment;
    let node: unknown = data;
    for (let i = 0; i < path.length; i++) {
      const key = path[i];
      const last = i === path.length - 1;
      const where = formatPath(path.slice(0, i + 1));
      if (typeof key === "number") {
        if (!Array.isArray(node)) fail(file, path.slice(0, i), `is not a list, so ${where} cannot be set (${named(assignment)})`);
        const list = node as unknown[];
        if (key > list.length || (key === list.length && !last)) {
          fail(file, path.slice(0, i), `has ${list.length} entries, so ${where} does not exist (${named(assignment)})`);
        }
        if (last) list[key] = value;
        else node = list[key];
      } else {
        if (typeof node !== "object" || node === null || Array.isArray(node)) {
          fail(file, path.slice(0, i), `is not a mapping, so ${where} cannot be set (${named(assignment)})`);
        }
        const mapping = node as Record<string, unknown>;
        if (last) mapping[key] = value;
        else {
          if (mapping[key] === undefined) mapping[key] = typeof path[i + 1] === "number" ? [] : {};
          node = mapping[key];
        }
      }
    }
  }
}

function fail(file: string, path: KeyPath, message: string): never {
  throw new ScenarioError(file, [{ path, message }]);
}

/** An override as a result records it (summary.json's `provenance.overrides`). */
export interface OverrideRecord {
  /** Key path in the scenario's notation: `models.co-responder.staffing.co-responder[0].units`. */
  path: string;
  value: unknown;
  /** The value it replaced (from the file, extends resolved, or an earlier override); absent when the file left it to a default. */
  was?: unknown;
  /** Where it came from: `--set`, `--seed`, `--replications`, `--days`, or a study point (`--values of --param PATH`). */
  given: string;
}

/** The value at `path` in parsed data, or undefined when any step is missing. */
export function valueAt(data: unknown, path: KeyPath): unknown {
  let node = data;
  for (const key of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/**
 * Records `assignment` against `data` before it is applied. Values are copied: a later override
 * below this path changes the data in place and must not change what was recorded.
 */
export function overrideRecord(data: unknown, path: KeyPath, value: unknown, given: string): OverrideRecord {
  const copy = (v: unknown) => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown));
  const was = copy(valueAt(data, path));
  return { path: formatPath(path), value: copy(value), ...(was === undefined ? {} : { was }), given };
}
