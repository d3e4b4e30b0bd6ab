import { printable } from "./printable.js";

/**
 * A problem in a data file the user must fix (a CAD export, a lookup, a call table): it names the
 * file, the line and the column, what was expected and what was found, like
 * `calls.csv: line 123, column 'date_time': expected a timestamp like 2023-01-31 13:45:00, got '2023-13-45'`.
 * The CLI prints it without a stack trace and exits with code 2.
 */
export class DataFileError extends Error {
  override name = "DataFileError";
  /**
   * @param file the data file, as the user named it
   * @param line 1-based line where the problem is, or null for the whole file
   * @param column the column's name, or null
   * @param problem completes the sentence, e.g. "expected ..., got '...'"
   */
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly column: string | null,
    readonly problem: string,
  ) {
    super(`${file}: ${describeWhere(line, column)}${problem}`);
  }
}

/** "line 12, column 'x': " or "line 12: " or "" */
export function describeWhere(line: number | null, column: string | null): string {
  const parts = [line === null ? null : `line ${line}`, column === null ? null : `column '${column}'`].filter((p) => p !== null);
  return parts.length === 0 ? "" : `${parts.join(", ")}: `;
}

/** Shows a found value in quotes, shortened, control characters escaped, for "got ..." parts of messages. */
export function quoteValue(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 60)}...` : value;
  return `'${printable(shown)}'`;
}

/** The error for a data file that cannot be opened: "cannot be read: no such file" (plus a hint). */
export function unreadable(file: string, error: unknown, hint = ""): DataFileError {
  const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
  return new DataFileError(file, null, null, `cannot be read: ${missing ? `no such file${hint}` : (error as Error).message}`);
}
