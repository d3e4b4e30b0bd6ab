/**
 * One validating pass over a call table, before a replay: every row is checked (with its line
 * number), and what a scenario needs to know is collected: the time span (to align the clock and
 * bound the horizon), the categories used (they must be the scenario's), the highest priority,
 * and which observed times exist. Memory stays flat: nothing per call is kept.
 *
 * The result is cached per file (path, size, modification time), because validation, building
 * and every worker thread ask for the same table.
 */
import { resolve } from "node:path";
import { CALL_TABLE_HEADER, emptyCallTableRow, LEGACY_CALL_TABLE_HEADER, parseCallTableLine } from "./call-table.js";
import { SECONDS_PER_DAY, weekday } from "./civil-time.js";
import { DataFileError, quoteValue } from "./data-file-error.js";
import { checkRegularFile } from "./input-file.js";
import { LineReader } from "./line-reader.js";

/** What a scan of a call table found. Times are civil seconds (see civil-time.ts). */
export interface CallTableScan {
  /** Absolute path of the table. */
  file: string;
  calls: number;
  firstReceivedSec: number;
  lastReceivedSec: number;
  /** Calls by category name, in order of first appearance. */
  categories: ReadonlyMap<string, CategoryTally>;
  /** Calls by hour of the week on the city's clock (168 entries, Monday 00:00-01:00 first). */
  hourOfWeekCalls: readonly number[];
  maxPriority: number;
  /** Calls with an observed arrival time (so a response time). */
  arrivedCalls: number;
  /** Calls with observed arrival and clear times (so a time on scene). */
  onSceneCalls: number;
  /** Calls whose priority came from the export (not from the taxonomy's default). */
  exportPriorityCalls: number;
}

/** The calls of one category in a table. */
export interface CategoryTally {
  /** Table line of its first call. */
  firstLine: number;
  calls: number;
  /** Calls by priority: byPriority[p - 1] for priority p. */
  byPriority: number[];
  behavioralHealth: number;
  weapon: number;
}

const cache = new Map<string, CallTableScan>();

/** Scans `file` (or returns the cached scan). Throws DataFileError for any problem. */
export function scanCallTable(file: string): CallTableScan {
  const path = resolve(file);
  // Only a regular file: a folder or a device (/dev/zero) is refused before it is read.
  const stats = checkRegularFile(file, "a call table (a CSV file written by 'resim import')");
  const stamp = `${path}|${stats.size}|${stats.mtimeMs}`;
  const cached = cache.get(stamp);
  if (cached) return cached;
  const scan = scan_(file, path);
  cache.set(stamp, scan);
  return scan;
}

function scan_(file: string, path: string): CallTableScan {
  const reader = new LineReader(path);
  try {
    checkHeader(reader, file);
    const row = emptyCallTableRow();
    const categories = new Map<string, CategoryTally>();
    const hourOfWeekCalls = new Array<number>(168).fill(0);
    let calls = 0;
    let first = NaN;
    let last = -Infinity;
    let maxPriority = 0;
    let arrivedCalls = 0;
    let onSceneCalls = 0;
    let exportPriorityCalls = 0;
    for (let line = reader.next(); line !== null; line = reader.next()) {
      readRow(line, row, file, reader.lineNumber, last);
      calls++;
      if (calls === 1) first = row.receivedSec;
      last = row.receivedSec;
      let tally = categories.get(row.category);
      if (tally === undefined) {
        tally = { firstLine: reader.lineNumber, calls: 0, byPriority: [], behavioralHealth: 0, weapon: 0 };
        categories.set(row.category, tally);
      }
      tally.calls++;
      while (tally.byPriority.length < row.priority) tally.byPriority.push(0);
      tally.byPriority[row.priority - 1]++;
      if (row.behavioralHealth) tally.behavioralHealth++;
      if (row.weapon) tally.weapon++;
      const day = Math.floor(row.receivedSec / SECONDS_PER_DAY);
      hourOfWeekCalls[weekday(day) * 24 + Math.floor((row.receivedSec - day * SECONDS_PER_DAY) / 3600)]++;
      if (row.priority > maxPriority) maxPriority = row.priority;
      if (row.arrivedMin >= 0) arrivedCalls++;
      if (row.arrivedMin >= 0 && row.clearedMin >= 0) onSceneCalls++;
      if (row.prioritySource === "export") exportPriorityCalls++;
    }
    if (calls === 0) throw new DataFileError(file, null, null, "has no calls (only a header)");
    return { file: path, calls, firstReceivedSec: first, lastReceivedSec: last, categories, hourOfWeekCalls, maxPriority, arrivedCalls, onSceneCalls, exportPriorityCalls };
  } finally {
    reader.close();
  }
}

/** Reads the header line and checks it is a call table's (of today's layout, or the 15-column one before it). */
export function checkHeader(reader: LineReader, file: string): void {
  const header = reader.next();
  const text = header?.replace(/^\uFEFF/, "") ?? "";
  if (text !== CALL_TABLE_HEADER && text !== LEGACY_CALL_TABLE_HEADER) {
    throw new DataFileError(
      file,
      1,
      null,
      `expected a call table written by 'resim import', whose header is '${CALL_TABLE_HEADER}', got ${header === null ? "an empty file" : quoteValue(text)}`,
    );
  }
}

/**
 * Parses a table line into `row`, checking it comes no earlier than the previous call
 * (`previousSec`, civil seconds). Throws DataFileError naming the line and column.
 */
export function readRow(line: string, row: ReturnType<typeof emptyCallTableRow>, file: string, lineNumber: number, previousSec: number, readText = false): void {
  const problem = parseCallTableLine(line, row, readText);
  if (problem !== null) throw new DataFileError(file, lineNumber, problem[0], problem[1]);
  if (row.receivedSec < previousSec) {
    throw new DataFileError(file, lineNumber, "received", "comes before the previous call: a call table must be in received order (write it with 'resim import')");
  }
  if (row.clearedMin < row.arrivedMin) {
    throw new DataFileError(file, lineNumber, "cleared_min", `must be >= arrived_min (${row.arrivedMin}), got ${row.clearedMin}`);
  }
}
