/**
 * Loading a scenario: read the file, parse YAML or JSON, apply the schema (with defaults),
 * cross-check, build. Every user mistake becomes a ScenarioError listing all problems found.
 */
import { isAlias, LineCounter, parseDocument, visit, type Document } from "yaml";
import { DataFileError, describeWhere } from "../streams/data-file-error.js";
import { readTextFile } from "../streams/input-file.js";
import type { ScenarioConfig } from "../system/config.js";
import { buildScenario } from "./build.js";
import { crossCheck } from "./cross-checks.js";
import { applyAssignments, overrideNote, overrideRecord, type Assignment, type OverrideRecord } from "./assignments.js";
import { formatPath, ScenarioError } from "./errors.js";
import { attributeIssues, resolveExtends, type Origin } from "./extends.js";
import { scenarioSchema, type ScenarioInput } from "./schema.js";
import { fromZodIssues } from "./zod-issues.js";

/** A validated scenario: the file as written (with defaults) and the simulation configuration. */
export interface LoadedScenario {
  file: string;
  input: ScenarioInput;
  config: ScenarioConfig;
  /** The command line's overrides, in the order applied (see scenario/provenance.ts); absent when loaded without any. */
  overrides?: OverrideRecord[];
}

/** What a command line can change: run settings (--seed, --days, ...) and --set overrides. */
export interface RunOverrides {
  run?: { replications?: number; seed?: number; horizonDays?: number };
  /** Applied after the file is parsed, before `run` settings and validation. */
  set?: readonly Assignment[];
}

/**
 * Reads a scenario file, applies command-line overrides to the parsed data (so a bad value gets
 * the same message as in the file), validates and builds it. Throws ScenarioError for any problem.
 */
export function loadScenario(file: string, overrides: RunOverrides = {}): LoadedScenario {
  return loadScenarioData(readScenarioData(file), file, overrides);
}

/**
 * {@link loadScenario} of data already read from `file` with {@link readScenarioData} (so a caller
 * that looked at the data first does not parse the file twice). Throws ScenarioError.
 */
export function loadScenarioData(data: unknown, file: string, overrides: RunOverrides = {}): LoadedScenario {
  const tree = resolveExtends(data, file, parseScenarioText);
  return validateWithOverrides(tree.data, file, overrides, tree.origin);
}

/** The command-line flag behind each `run` override, as a result's provenance names it. */
const RUN_FLAGS: Record<string, string> = { replications: "--replications", seed: "--seed", horizonDays: "--days" };

/**
 * Applies overrides to parsed scenario data (modified in place) and validates it; problems in
 * overridden values say so, and problems in values from a base file (`origin`, see extends.ts)
 * name that file. Throws ScenarioError.
 */
export function validateWithOverrides(data: unknown, file: string, overrides: RunOverrides, origin?: Origin): LoadedScenario {
  // Each override is recorded with the value it replaces before it is applied (provenance).
  const recorded: OverrideRecord[] = [];
  for (const assignment of overrides.set ?? []) {
    recorded.push(overrideRecord(data, assignment.path, assignment.value, assignment.given ?? "--set"));
    applyAssignments(data, [assignment], file);
  }
  const run = Object.fromEntries(Object.entries(overrides.run ?? {}).filter(([, v]) => v !== undefined));
  for (const [key, value] of Object.entries(run)) recorded.push(overrideRecord(data, ["run", key], value, RUN_FLAGS[key] ?? `run.${key}`));
  if (Object.keys(run).length > 0 && isObject(data)) {
    data.run = { ...(isObject(data.run) ? data.run : {}), ...run };
  }
  try {
    const loaded = validateScenario(data, file);
    return recorded.length === 0 ? loaded : { ...loaded, overrides: recorded };
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    const set = overrides.set ?? [];
    const overridden = set.map((a) => formatPath(a.path));
    throw new ScenarioError(
      file,
      error.issues.map((issue) => {
        const where = formatPath(issue.path);
        // The last override of a path is the value validated.
        let i = overridden.length - 1;
        while (i >= 0 && !(where === overridden[i] || where.startsWith(`${overridden[i]}.`) || where.startsWith(`${overridden[i]}[`))) i--;
        if (i >= 0) return { ...issue, message: `${issue.message} (${overrideNote(set[i])})` };
        return origin === undefined ? issue : attributeIssues([issue], origin)[0];
      }),
    );
  }
}

/**
 * Reads a scenario file without validating it. A file with `extends: OTHER.yaml` (relative to
 * itself) starts from that scenario: mappings merge key by key, lists and values replace (see
 * extends.ts). Throws ScenarioError.
 */
export function readScenarioFile(file: string): unknown {
  return resolveExtends(readScenarioData(file), file, parseScenarioText).data;
}

/**
 * Reads and parses one YAML or JSON file without validating it: a regular text file of at most
 * 16 MiB (see streams/input-file.ts). Throws ScenarioError.
 */
export function readScenarioData(file: string): unknown {
  let text: string;
  try {
    text = readTextFile(file, "a YAML or JSON file");
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error;
    throw new ScenarioError(file, [{ path: [], message: `${describeWhere(error.line, error.column)}${error.problem}` }]);
  }
  return parseScenarioText(text, file);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses YAML (a superset of JSON) text into plain data. Throws ScenarioError with line numbers. */
export function parseScenarioText(text: string, file: string): unknown {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  if (document.errors.length > 0) {
    throw new ScenarioError(
      file,
      document.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        const where = `line ${line}, column ${col}`;
        return { path: [], message: `is not valid YAML at ${where}: ${error.message.split("\n")[0]}` };
      }),
    );
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw new ScenarioError(file, [{ path: [], message: aliasProblem(document, lineCounter, error) }]);
  }
  // YAML aliases come back as one shared object; a copy makes each use its own, so that a --set
  // on one model's roster does not change every model that reused it through an anchor.
  return JSON.parse(JSON.stringify(data)) as unknown;
}

/** Alias expansions allowed (the yaml library's default), so an alias bomb stops at once. */
const MAX_ALIAS_COUNT = 100;

/** Why the document's aliases could not be resolved: an alias with no anchor, or too many expansions. */
function aliasProblem(document: Document, lineCounter: LineCounter, error: unknown): string {
  const at = (offset: number | undefined) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return `line ${line}, column ${col}`;
  };
  let unresolved: { source: string; offset?: number } | undefined;
  let firstAlias: number | undefined;
  visit(document, {
    Alias(_, node) {
      firstAlias ??= node.range?.[0];
      if (unresolved === undefined && isAlias(node) && node.resolve(document) === undefined) unresolved = { source: node.source, offset: node.range?.[0] };
    },
  });
  if (unresolved !== undefined) {
    return `is not valid YAML at ${at(unresolved.offset)}: the alias '*${unresolved.source}' names no anchor '&${unresolved.source}' defined before it`;
  }
  if (/alias/i.test((error as Error).message)) {
    return `is not valid YAML at ${at(firstAlias)}: its aliases expand to more than ${MAX_ALIAS_COUNT} copies (an alias bomb?); write the values out or use fewer aliases`;
  }
  throw error;
}

/** Validates parsed data as a scenario and builds it. `file` is used in messages. */
export function validateScenario(data: unknown, file: string): LoadedScenario {
  // Parsed once per file: zod's compiled fast path costs more to build than it saves here.
  const parsed = scenarioSchema.safeParse(data, { reportInput: true, jitless: true });
  if (!parsed.success) throw new ScenarioError(file, fromZodIssues(parsed.error.issues, scenarioSchema, data));
  const problems = crossCheck(parsed.data, file);
  if (problems.length > 0) throw new ScenarioError(file, problems);
  return { file, input: parsed.data, config: buildScenario(parsed.data, file) };
}
