/**
 * Small hand-made exports and mappings for importer tests, written to a temporary folder.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { importCalls, type ImportResult } from "../../src/import/importer.js";
import { loadMapping, type Mapping } from "../../src/import/mapping.js";

/** The shared real extracts (read in place, never copied into the repository). */
export const SHARED_CFS = resolve("../shared/data/cfs");
export const SAN_DIEGO_EXPORT = join(SHARED_CFS, "san_diego/pd_calls_for_service_2023-01-01_to_2023-01-22_datasd.csv");
export const SAN_LUIS_OBISPO_EXPORT = join(SHARED_CFS, "san_luis_obispo/slopd_call_log_2021-09-15_to_2022-03-14.csv");

/** A scratch folder, removed by `cleanup`. */
export function scratch(): { folder: string; file: (name: string, text: string) => string; cleanup: () => void } {
  const folder = mkdtempSync(join(tmpdir(), "resim-import-test-"));
  return {
    folder,
    file: (name, text) => {
      const path = join(folder, name);
      writeFileSync(path, text);
      return path;
    },
    cleanup: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/** A mapping for the tiny test exports: id, when (YYYY-MM-DD HH:mm:ss), type, prio (A/B), beat, arrived, cleared. */
export const TINY_MAPPING = `
name: tiny
timeZone: America/Los_Angeles
taxonomy: ${JSON.stringify(resolve("data/taxonomy/resim.yaml"))}
columns:
  id: id
  received: { column: when, format: "YYYY-MM-DD HH:mm:ss" }
  type: type
  priority: prio
  zone: beat
  arrived: { column: arrived, format: "YYYY-MM-DD HH:mm:ss" }
  cleared: { column: cleared, format: "HH:mm" }
priorities: { A: 1, B: 3 }
exclude:
  - { column: type, values: [TRAFFIC STOP], reason: officer-initiated }
`;

export const TINY_HEADER = "id,when,type,prio,beat,arrived,cleared";

/** Imports `csv` (rows after the header) with the tiny mapping; returns the result and the table text. */
export function importTiny(rows: string[], options: { strict?: boolean; runSize?: number; mapping?: string } = {}): ImportResult & { table: string; file: string; mapping: Mapping } {
  const s = scratch();
  try {
    const mapping = loadMapping(s.file("tiny.yaml", options.mapping ?? TINY_MAPPING));
    const file = s.file("export.csv", `${TINY_HEADER}\n${rows.join("\n")}\n`);
    const out = join(s.folder, "table.csv");
    const result = importCalls({ file, mapping, out, strict: options.strict, runSize: options.runSize });
    return { ...result, table: readFileSync(out, "utf8"), file, mapping };
  } finally {
    s.cleanup();
  }
}
