/**
 * The import: a CAD export, streamed through csv-parse, mapped row by row to calls (row-mapper),
 * each written once as its table line in a compact binary record (compact-call),
 * sorted by received time (external-sort, bounded memory), stripped of duplicates
 * (duplicate-filter), counted (import-tally) and written as a call table (streams/call-table.ts)
 * by copying the records' bytes: no line is parsed back. The table is written to a
 * temporary file (output/atomic-write.ts: exclusive, unpredictable name, removed on any exit) and
 * renamed, so a failed import never leaves half a table; the same export and mapping always give
 * a byte-identical table.
 */
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { AtomicFile, makeFolders, outputError } from "../output/atomic-write.js";
import { CALL_TABLE_HEADER } from "../streams/call-table.js";
import { DataFileError } from "../streams/data-file-error.js";
import { readCodeLookup, type CodeLookup } from "./code-lookup.js";
import { CallCodec, exportLineOf } from "./compact-call.js";
import { CsvRecordReader } from "./csv-records.js";
import { DuplicateFilter } from "./duplicate-filter.js";
import { ExternalSorter, type RecordSink } from "./external-sort.js";
import { ImportTally } from "./import-tally.js";
import type { Mapping } from "./mapping.js";
import { BAD_RECEIVED, emptyImportedCall, RowMapper, type RowProblem } from "./row-mapper.js";
import { runawayQuote, RUNAWAY_QUOTE } from "./runaway-quote.js";

/** Rows read before deciding that a received-time format that fits none of them is wrong. */
const FORMAT_PROBE_ROWS = 100;

/** One import: the export, its mapping and the table to write. */
export interface ImportOptions {
  /** The CAD export. */
  file: string;
  mapping: Mapping;
  /** The call table to write. */
  out: string;
  /** Stop at the first bad row or value (DataFileError) instead of counting it. */
  strict?: boolean;
  /** Calls sorted in memory before spilling to disk (tests make it small). */
  runSize?: number;
}

/** What the import counted, and the code list it used (for the report). */
export interface ImportResult {
  tally: ImportTally;
  lookup: CodeLookup | null;
}

/** Imports an export into a call table. Throws DataFileError for a problem that stops the import. */
export function importCalls(options: ImportOptions): ImportResult {
  const { file, mapping } = options;
  const reader = new CsvRecordReader(file, { delimiter: mapping.delimiter, encoding: mapping.encoding });
  const sorter = new ExternalSorter(options.runSize);
  const codec = new CallCodec();
  try {
    const header = reader.next();
    if (header === null) throw new DataFileError(file, null, null, "is empty: it has no header row");
    const lookup = mapping.typeLookup === null ? null : readCodeLookup(file, mapping.typeLookup);
    const mapper = new RowMapper(mapping, header, file, lookup?.descriptions ?? null);
    reader.readOnly(mapper.readColumns, header.length);
    const onBad = (line: number, problem: RowProblem | null, reason: string): never => {
      throw new DataFileError(file, line, problem?.column ?? null, problem?.message ?? reason);
    };
    const tally = new ImportTally(options.strict ? onBad : null);
    const call = emptyImportedCall();
    let calls = 0;
    for (let fields = reader.next(); fields !== null; fields = reader.next()) {
      tally.rowsRead++;
      const line = reader.line;
      const runaway = reader.mayHoldLineBreak ? runawayQuote(fields, header, line, mapping.delimiter) : null;
      if (runaway !== null) tally.skip(RUNAWAY_QUOTE, line, true, runaway);
      else if (mapper.map(fields, line, tally, call)) {
        try {
          const at = sorter.reserve(codec.prepare(call));
          sorter.commit(codec.write(call, sorter.buffer, at), call.receivedSec, call.line);
        } catch (error) {
          // Spilling sorted runs to disk can meet a full disk: the machine's situation, named in one line.
          throw outputError(join(tmpdir(), "resim-import-*"), error, "; set TMPDIR to a folder with more room");
        }
        calls++;
      }
      if (tally.rowsRead === FORMAT_PROBE_ROWS) checkReceivedFormat(mapper, calls, tally, file);
    }
    checkReceivedFormat(mapper, calls, tally, file);
    reviewMapping(mapper, mapping, tally, file, options.strict === true);
    try {
      writeTable(options.out, sorter, codec, tally);
    } catch (error) {
      if (error instanceof DataFileError || (error as NodeJS.ErrnoException).code === undefined) throw error;
      throw outputError(options.out, error);
    }
    return { tally, lookup };
  } finally {
    reader.close();
    sorter.dispose();
  }
}

/** Stops when no received time could be read at all: the mapping's format is not the file's. */
function checkReceivedFormat(mapper: RowMapper, calls: number, tally: ImportTally, file: string): void {
  if (calls > 0 || mapper.receivedFailed === 0 || mapper.receivedFailed < mapper.receivedTried) return;
  const example = [...tally.skipped].find(([reason]) => reason.startsWith(BAD_RECEIVED))?.[1].example;
  throw new DataFileError(
    file,
    example?.line ?? null,
    example?.problem.column ?? null,
    `${example?.problem.message ?? "no received time can be read"}; the received time of none of the first ${mapper.receivedTried} rows fits the mapping's format, so the format is probably not this file's (fix columns.received in the mapping)`,
  );
}

/**
 * Warns of what passed but is probably wrong: an exclusion rule that marked no row (a misspelt
 * value, a column of another export), and a column whose format list read some values on a
 * 12-hour clock (with AM/PM) and others on a 24-hour clock: a value that lost its AM/PM is then
 * read as morning, 12 hours off for the afternoon ones (San Antonio's 'Time' column is such a
 * case). The ambiguity changes values, so --strict stops on it.
 */
function reviewMapping(mapper: RowMapper, mapping: Mapping, tally: ImportTally, file: string, strict: boolean): void {
  mapping.exclude.forEach((rule, i) => {
    if (mapper.excludeHits[i] === 0) tally.warnings.push(`exclude[${i}] ('${rule.reason}') marked no row: check its column and values against the export`);
  });
  const received = mapping.received;
  const columns = [...("single" in received ? [received.single] : [received.date, received.time]), ...mapping.observed.values()];
  for (const spec of columns) {
    const used = spec.formats.map((format, i) => ({ format, hits: spec.hits[i] })).filter((f) => f.hits > 0);
    const twelve = used.filter((f) => f.format.clock === 12);
    const twentyFour = used.filter((f) => f.format.clock === 24);
    if (twelve.length === 0 || twentyFour.length === 0) continue;
    const list = (fs: typeof used) => fs.map((f) => `${f.hits.toLocaleString("en-US")} by '${f.format.text}'`).join(", ");
    const message =
      `column '${spec.column}' was read on both clocks: ${list(twelve)} (12-hour, with AM/PM) and ${list(twentyFour)} (24-hour). ` +
      "A 12-hour value that lost its AM/PM reads as a morning time on the 24-hour pattern, 12 hours off for afternoon calls: " +
      "check the export, or read the time from another column (an epoch or a 24-hour one)";
    if (strict) throw new DataFileError(file, null, spec.column, message);
    tally.warnings.push(message);
  }
}

/** Writes the sorted calls without duplicates (duplicate-filter.ts), counting each kept call. */
function writeTable(out: string, sorter: ExternalSorter, codec: CallCodec, tally: ImportTally): void {
  makeFolders(dirname(out));
  const table = new AtomicFile(out);
  try {
    table.write(`${CALL_TABLE_HEADER}\n`);
    const lines = new TableLines(table, codec, tally);
    sorter.sorted(lines);
    lines.flush();
    table.commit();
  } catch (error) {
    table.abort();
    throw error;
  }
}

/** Receives the sorted records (external-sort.ts's RecordSink) and writes their lines in large chunks. */
class TableLines implements RecordSink {
  private readonly call = emptyImportedCall();
  private readonly duplicates = new DuplicateFilter();
  private chunk = Buffer.allocUnsafe(1 << 20);
  private used = 0;

  constructor(
    private readonly table: AtomicFile,
    private readonly codec: CallCodec,
    private readonly tally: ImportTally,
  ) {}

  visit(record: Buffer, at: number): void {
    const { codec } = this;
    codec.locate(record, at);
    const start = codec.textAt;
    const duplicate = this.duplicates.check(codec.second, record, start, codec.idAt, codec.idEndAt, codec.contentEndAt);
    if (duplicate !== null) {
      this.tally.skip(duplicate, exportLineOf(record, at), false, null);
      return;
    }
    codec.decode(record, at, this.call);
    this.tally.keep(this.call);
    const length = codec.textEndAt - start;
    if (this.used + length + 1 > this.chunk.length) {
      this.flush();
      if (length + 1 > this.chunk.length) this.chunk = Buffer.allocUnsafe(length + 1);
    }
    this.used += record.copy(this.chunk, this.used, start, start + length);
    this.chunk[this.used++] = 10;
  }

  /** Writes the lines not yet written. */
  flush(): void {
    if (this.used > 0) this.table.write(this.chunk.subarray(0, this.used));
    this.used = 0;
  }
}
