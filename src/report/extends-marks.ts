/**
 * For a scenario that `extends` another, which values the extending file set over its base: the
 * assumptions table marks them, as it marks `--set` overrides. The built configuration keeps no
 * trace of which file gave a value, so the file the run was loaded from is read again for it (its
 * `briefing` thresholds, by contrast, come with the configuration, `--set` overrides applied).
 */
import { resolveExtends, type Origin } from "../scenario/extends.js";
import { parseScenarioText, readScenarioData } from "../scenario/load.js";
import { portableFileName } from "../scenario/provenance.js";
import type { Assumption } from "./summary-files.js";

/**
 * The file tree's origins when `file` extends another; null when it extends nothing, or cannot be
 * read again (a library caller's made-up name, or a file gone since the run: the report loses only
 * the marks).
 */
export function extendsOrigin(file: string): Origin | null {
  try {
    const tree = resolveExtends(readScenarioData(file), file, parseScenarioText);
    return tree.origin.keys ? tree.origin : null;
  } catch {
    return null;
  }
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
