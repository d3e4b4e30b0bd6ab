/**
 * A city's code list (e.g. San Diego's pd_cfs_calltypes_datasd.csv: code -> description), read
 * from where the city published it, next to the export, at import time; resim does not copy it.
 * Code lists are small, so they are read whole. A code listed twice with two descriptions keeps
 * the first, and the import summary says so.
 */
import { dirname, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { DataFileError } from "../streams/data-file-error.js";
import { checkNotBinary, checkRegularFile, readRegularFile } from "../streams/input-file.js";
import { suggestion } from "../scenario/near-miss.js";

/** A code list and what was odd about it. */
export interface CodeLookup {
  file: string;
  descriptions: ReadonlyMap<string, string>;
  /** One sentence per code listed twice with different descriptions. */
  notes: readonly string[];
}

/**
 * Reads the code list `file` (relative to the export's folder) with columns `code` and
 * `description`. Throws DataFileError when it cannot be read or lacks a column.
 */
export function readCodeLookup(exportFile: string, spec: { file: string; code: string; description: string }): CodeLookup {
  const file = resolve(dirname(exportFile), spec.file);
  // A regular file of at most 16 MiB: code lists are small, and a device would be read forever.
  checkRegularFile(file, "a code list (a CSV file)", " (typeLookup.file is relative to the export's folder)");
  const text = readRegularFile(file, "a code list (a CSV file)");
  checkNotBinary(text, file, "a code list (a CSV file)");
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
  } catch (error) {
    throw new DataFileError(file, null, null, `is not valid CSV: ${(error as Error).message}`);
  }
  const header = (rows[0] ?? []).map((h) => h.trim());
  const column = (name: string) => {
    const at = header.indexOf(name);
    if (at < 0) throw new DataFileError(file, 1, null, `has no column '${name}'${suggestion(name, header)}; its columns are: ${header.filter((h) => h !== "").join(", ")}`);
    return at;
  };
  const codeAt = column(spec.code);
  const descriptionAt = column(spec.description);
  const descriptions = new Map<string, string>();
  const notes: string[] = [];
  for (const row of rows.slice(1)) {
    const code = (row[codeAt] ?? "").trim();
    const description = (row[descriptionAt] ?? "").trim();
    if (code === "") continue;
    const known = descriptions.get(code);
    if (known === undefined) descriptions.set(code, description);
    else if (known !== description) notes.push(`code '${code}' is listed twice: '${known}' kept, '${description}' ignored`);
  }
  return { file, descriptions, notes };
}
