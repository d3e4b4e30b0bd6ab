/**
 * `extends: BASE.yaml`: a scenario that starts from another (relative to itself), mappings merged
 * key by key, lists and values replaced. The merge remembers which file gave each value, so a
 * mistake inside a base file is reported against that file (and says it was reached through
 * `extends`), not against the file that extends it; and a base that cannot be read, or is not a
 * scenario at all, is an error at the child's `extends` key, never silently skipped.
 */
import { dirname, isAbsolute, join, resolve } from "node:path";
import { DataFileError, describeWhere } from "../streams/data-file-error.js";
import { readTextFile } from "../streams/input-file.js";
import { describeValue, ScenarioError, type KeyPath, type ScenarioIssue } from "./errors.js";
import { scenarioSchema } from "./schema.js";

/** Which file gave a value: `keys` below it when a mapping merges values of several files. */
export interface Origin {
  /** The file as the user would name it (relative to the first file's folder when reached through extends). */
  file: string;
  /** The extends chain from the file first read down to this one. */
  chain: readonly string[];
  keys?: Map<string, Origin>;
}

/** Parsed scenario data (extends resolved) and where each value came from. */
export interface ScenarioTree {
  data: unknown;
  origin: Origin;
}

/** Reads and parses one file; throws ScenarioError for the file's own problems. */
export type ParseFile = (text: string, file: string) => unknown;

/** Keys that make a mapping a scenario (a name alone does not: mapping and taxonomy files have one too). */
const SCENARIO_KEYS = new Set(Object.keys(scenarioSchema.shape).filter((key) => !["$schema", "name", "description"].includes(key)));

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads `data` (parsed from `file`) and the bases it extends. `chain` lists the files that
 * extend this one (outermost first). Throws ScenarioError.
 */
export function resolveExtends(data: unknown, file: string, parse: ParseFile, chain: readonly string[] = []): ScenarioTree {
  const origin: Origin = { file, chain: [...chain, file] };
  if (!isObject(data) || data.extends === undefined) return { data, origin };
  const base = data.extends;
  const fail = (message: string): never => {
    throw new ScenarioError(file, [{ path: ["extends"], message: `${message}${via(origin.chain)}` }]);
  };
  if (typeof base !== "string" || base === "") fail(`must be the path of a scenario file, got ${describeValue(base)}`);
  const baseFile = isAbsolute(base as string) ? (base as string) : join(dirname(file), base as string);
  const seen = origin.chain.map((f) => resolve(f));
  if (seen.includes(resolve(baseFile))) fail(`makes a cycle: ${[...origin.chain, baseFile].join(" -> ")}`);
  let text = "";
  try {
    text = readTextFile(baseFile, "a scenario file");
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error;
    fail(`names ${describeValue(base)}, which cannot be used: ${baseFile}: ${describeWhere(error.line, error.column)}${error.problem}`);
  }
  let baseData: unknown;
  try {
    baseData = parse(text, baseFile);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    throw new ScenarioError(baseFile, error.issues.map((issue) => ({ ...issue, message: `${issue.message}${via([...origin.chain, baseFile])}` })));
  }
  if (!isObject(baseData) || !Object.keys(baseData).some((key) => SCENARIO_KEYS.has(key))) {
    const keys = isObject(baseData) ? Object.keys(baseData) : [];
    const found = isObject(baseData) ? `a mapping with ${keys.length === 0 ? "no keys" : `no scenario keys (${keys.slice(0, 5).map((k) => describeValue(k)).join(", ")}${keys.length > 5 ? ", ..." : ""})`}` : describeValue(baseData);
    fail(`names ${describeValue(base)}, which is not a scenario: ${baseFile} holds ${found}, expected a mapping with scenario keys (demand, unitTypes, models, run, ...)`);
  }
  const { extends: _, ...own } = data;
  return merge(resolveExtends(baseData, baseFile, parse, origin.chain), own, origin);
}

/** `over` (from the file of `origin`) laid on `base`: mappings merge recursively, anything else replaces. */
function merge(base: ScenarioTree, over: unknown, origin: Origin): ScenarioTree {
  if (!isObject(base.data) || !isObject(over)) return { data: over, origin: { file: origin.file, chain: origin.chain } };
  const data: Record<string, unknown> = { ...base.data };
  const keys = new Map<string, Origin>();
  for (const key of Object.keys(base.data)) keys.set(key, childOrigin(base.origin, key));
  for (const [key, value] of Object.entries(over)) {
    if (key in base.data) {
      const merged = merge({ data: base.data[key], origin: childOrigin(base.origin, key) }, value, origin);
      data[key] = merged.data;
      keys.set(key, merged.origin);
    } else {
      data[key] = value;
      keys.set(key, { file: origin.file, chain: origin.chain });
    }
  }
  return { data, origin: { file: origin.file, chain: origin.chain, keys } };
}

/** The origin of `key` under a node: its own, or the node's when one file gave the whole mapping. */
function childOrigin(origin: Origin, key: string): Origin {
  return origin.keys?.get(key) ?? { file: origin.file, chain: origin.chain };
}

/** The file that gave the value at `path` (lists are replaced whole, so an index stops the walk). */
export function originOf(origin: Origin, path: KeyPath): Origin {
  let node = origin;
  for (const key of path) {
    const next = typeof key === "string" ? node.keys?.get(key) : undefined;
    if (next === undefined) break;
    node = next;
  }
  return node;
}

/** " (reached through extends: a.yaml -> b.yaml)" for a file below the first, else "". */
export function via(chain: readonly string[]): string {
  return chain.length > 1 ? ` (reached through extends: ${chain.join(" -> ")})` : "";
}

/** Issues of the merged data moved to the base files their values came from. */
export function attributeIssues(issues: readonly ScenarioIssue[], origin: Origin): ScenarioIssue[] {
  return issues.map((issue) => {
    const from = originOf(origin, issue.culprit ?? issue.path);
    if (from.chain.length <= 1) return issue;
    return { ...issue, file: from.file, message: `${issue.message}${via(from.chain)}` };
  });
}
