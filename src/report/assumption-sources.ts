/**
 * Matching a scenario's `sources` (parameter path -> citation) to the rows of the assumptions
 * table. Paths are compared segment by segment, with `dispatch[0]` and `dispatch.0` the same and
 * `*` matching any one key (`demand.categories.*.share`). A citation belongs to the first row whose
 * path it equals or lies under; citations no row claims get rows of their own, so every source the
 * scenario gives appears in the report.
 */
import type { Assumption } from "./summary-files.js";

/** A row before its sources are attached. */
export type AssumptionRow = Omit<Assumption, "sources">;

function segments(path: string): string[] {
  return path.replace(/\[(\d+)\]/g, ".$1").split(".");
}

/** True when `sourceKey` names `parameter` itself or one of its parts. */
export function sourceCovers(parameter: string, sourceKey: string): boolean {
  const row = segments(parameter);
  const key = segments(sourceKey);
  return key.length >= row.length && row.every((segment, i) => segment === key[i] || segment === "*" || key[i] === "*");
}

/** Rows with their sources attached, then a row per source no row claimed (in the file's order). */
export function attachSources(rows: readonly AssumptionRow[], sources: Readonly<Record<string, string>>): Assumption[] {
  const claimed = new Set<string>();
  const out: Assumption[] = rows.map((row) => {
    const mine = Object.entries(sources).filter(([key]) => !claimed.has(key) && sourceCovers(row.parameter, key));
    mine.forEach(([key]) => claimed.add(key));
    return { ...row, sources: mine.map(([key, text]) => ({ key, text })) };
  });
  for (const [key, text] of Object.entries(sources)) {
    if (!claimed.has(key)) out.push({ parameter: key, label: key, value: "see the scenario file", sources: [{ key, text }] });
  }
  return out;
}
