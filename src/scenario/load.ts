/**
 * Loading a scenario: read the file, parse YAML or JSON, apply the schema (with defaults),
 * cross-check, build. Every user mistake becomes a ScenarioError listing all problems found.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import type { ScenarioConfig } from "../system/config.js";
import { buildScenario } from "./build.js";
import { crossCheck } from "./cross-checks.js";
import { applyAssignments, type Assignment } from "./assignments.js";
import { formatPath, ScenarioError } from "./errors.js";
import { scenarioSchema, type ScenarioInput } from "./schema.js";
import { fromZodIssues } from "./zod-issues.js";

/** A validated scenario: the file as written (with defaults) and the simulation configuration. */
export interface LoadedScenario {
  file: string;
  input: ScenarioInput;
  config: ScenarioConfig;
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
  const data = readScenarioFile(file);
  return validateWithOverrides(data, file, overrides);
}

/**
 * Applies overrides to parsed scenario data (modified in place) and validates it; problems in
 * overridden values say so. Throws ScenarioError.
 */
export function validateWithOverrides(data: unknown, file: string, overrides: RunOverrides): LoadedScenario {
  applyAssignments(data, overrides.set ?? [], file);
  const run = Object.fromEntries(Object.entries(overrides.run ?? {}).filter(([, v]) => v !== undefined));
  if (Object.keys(run).length > 0 && isObject(data)) {
    data.run = { ...(isObject(data.run) ? data.run : {}), ...run };
  }
  try {
    return validateScenario(data, file);
  } catch (error) {
    if (!(error instanceof ScenarioError) || !overrides.set?.length) throw error;
    const overridden = overrides.set.map((a) => formatPath(a.path));
    throw new ScenarioError(
      file,
      error.issues.map((issue) => {
        const where = formatPath(issue.path);
        const set = overridden.find((o) => where === o || where.startsWith(`${o}.`) || where.startsWith(`${o}[`));
        return set === undefined ? issue : { ...issue, message: `${issue.message} (set with --set)` };
      }),
    );
  }
}

/**
 * Reads a scenario file without validating it. A file with `extends: OTHER.yaml` (relative to
 * itself) starts from that scenario: mappings merge key by key, lists and values replace.
 * Throws ScenarioError.
 */
export function readScenarioFile(file: string, seen: readonly string[] = []): unknown {
  const data = readScenarioData(file);
  if (!isObject(data) || data.extends === undefined) return data;
  const base = data.extends;
  if (typeof base !== "string") throw new ScenarioError(file, [{ path: ["extends"], message: `must be the path of a scenario file, got ${JSON.stringify(base)}` }]);
  const baseFile = resolve(dirname(file), base);
  if (seen.includes(baseFile) || baseFile === resolve(file)) {
    throw new ScenarioError(file, [{ path: ["extends"], message: `makes a cycle: ${[...seen, file, baseFile].join(" -> ")}` }]);
  }
  const { extends: _, ...own } = data;
  return deepMerge(readScenarioFile(baseFile, [...seen, resolve(file)]), own);
}

/** `over` laid on `base`: mappings merge recursively, anything else in `over` replaces. */
function deepMerge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = key in base ? deepMerge(base[key], value) : value;
  return out;
}

/** Reads and parses one YAML or JSON file without validating it. Throws ScenarioError. */
export function readScenarioData(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new ScenarioError(file, [{ path: [], message: `cannot be read: ${reason}` }]);
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
  // YAML aliases come back as one shared object; a copy makes each use its own, so that a --set
  // on one model's roster does not change every model that reused it through an anchor.
  return JSON.parse(JSON.stringify(document.toJS())) as unknown;
}

/** Validates parsed data as a scenario and builds it. `file` is used in messages. */
export function validateScenario(data: unknown, file: string): LoadedScenario {
  const parsed = scenarioSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new ScenarioError(file, fromZodIssues(parsed.error.issues, scenarioSchema, data));
  const problems = crossCheck(parsed.data, file);
  if (problems.length > 0) throw new ScenarioError(file, problems);
  return { file, input: parsed.data, config: buildScenario(parsed.data, file) };
}
