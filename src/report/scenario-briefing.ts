/**
 * What the report needs from the scenario file as written, beyond the built configuration: the
 * `briefing` thresholds (the simulation never uses them, so they are not in ScenarioConfig), and,
 * for a scenario that `extends` another, which values the extending file set over its base (the
 * assumptions table marks them, as it marks `--set` overrides). Read again from the file the run
 * was loaded from; `--set briefing...` overrides are applied by {@link applyBriefingOverrides}.
 */
import type { OverrideRecord } from "../scenario/assignments.js";
import { resolveExtends, type Origin } from "../scenario/extends.js";
import { parseScenarioText, readScenarioData } from "../scenario/load.js";
import { portableFileName } from "../scenario/provenance.js";
import type { Assumption } from "./summary-files.js";

/** What summary.json keeps of the scenario's `briefing` key. */
export interface BriefingSettings {
  /** Metric -> threshold, as the scenario sets them (resim's defaults fill the rest when the report is drawn). */
  thresholds: Record<string, number>;
}

export interface ScenarioFileFacts {
  briefing: BriefingSettings;
  /** The file tree's origins, when the scenario extends another; null otherwise. */
  origin: Origin | null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads `file` (already validated when the run was loaded, so its `briefing` has the schema's
 * shape). A file that cannot be read again (a library caller's made-up name) has no facts.
 */
export function scenarioFileFacts(file: string): ScenarioFileFacts {
  let tree;
  try {
    tree = resolveExtends(readScenarioData(file), file, parseScenarioText);
  } catch {
    // The run was made from this file moments ago; if it is gone, the report loses only the marks.
    return { briefing: { thresholds: {} }, origin: null };
  }
  const data = isObject(tree.data) ? tree.data : {};
  const briefing = isObject(data.briefing) && isObject(data.briefing.thresholds) ? data.briefing.thresholds : {};
  const thresholds = Object.fromEntries(Object.entries(briefing).filter((entry): entry is [string, number] => typeof entry[1] === "number"));
  return { briefing: { thresholds }, origin: tree.origin.keys ? tree.origin : null };
}

/** `briefing` with the command line's `--set briefing...` overrides applied, in order. */
export function applyBriefingOverrides(briefing: BriefingSettings | undefined, overrides: readonly OverrideRecord[]): BriefingSettings | undefined {
  let out = briefing;
  for (const o of overrides) {
    const path = o.path.replace(/\[(\d+)\]/g, ".$1").split(".");
    if (path[0] !== "briefing") continue;
    const thresholds = { ...(out?.thresholds ?? {}) };
    if (path.length >= 3 && path[1] === "thresholds" && typeof o.value === "number") thresholds[path.slice(2).join(".")] = o.value;
    else if (path.length === 2 && path[1] === "thresholds" && isObject(o.value)) Object.assign(thresholds, o.value);
    else if (path.length === 1 && isObject(o.value) && isObject(o.value.thresholds)) Object.assign(thresholds, o.value.thresholds);
    out = { thresholds };
  }
  return out;
}

/** The files (other than the deepest base) that gave some value at or under `path`. */
function filesUnder(origin: Origin, path: readonly string[]): Origin[] {
  if (path.length === 0 || origin.keys === undefined) {
    if (origin.keys === undefined) return [origin];
    return [...origin.keys.values()].flatMap((child) => filesUnder(child, []));
  }
  const [head, ...rest] = path;
  if (head === "*") return [...origin.keys.values()].flatMap((child) => filesUnder(child, rest));
  const child = origin.keys.get(head);
  // A key no file holds: the value is a default, which no file set.
  return child === undefined ? [] : filesUnder(child, rest);
}

/** Rows of the assumptions table whose value an extending file set over its base carry a note saying so. */
export function markExtended(assumptions: readonly Assumption[], origin: Origin | null): Assumption[] {
  if (origin === null) return [...assumptions];
  const all = filesUnder(origin, []);
  const base = all.reduce((deepest, o) => (o.chain.length > deepest.chain.length ? o : deepest), all[0]);
  return assumptions.map((row) => {
    const path = row.parameter.replace(/\[(\d+)\]/g, ".$1").split(".");
    const setters = [...new Set(filesUnder(origin, path).filter((o) => o.file !== base.file).map((o) => portableFileName(o.file)))];
    if (setters.length === 0) return row;
    return { ...row, setByExtends: `set in ${setters.join(" and ")}, over its base ${portableFileName(base.file)}` };
  });
}
