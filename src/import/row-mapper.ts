/**
 * One export row -> one call of the call table, or the reason it is not one. This is where a
 * CAD export's values are validated (with the line and column of every problem) and where its
 * timestamps become civil seconds and observed times become minutes after the call was received.
 *
 * A row is skipped when it is excluded by the mapping (not a call for service), blank, or bad
 * (wrong number of fields, an unreadable received time, an unknown priority). An observed time
 * that cannot be read, or comes before the call, is left empty and reported; the call is kept.
 */
import { SECONDS_PER_DAY } from "../streams/civil-time.js";
import { emptyCallTableRow, type CallTableRow } from "../streams/call-table.js";
import { DataFileError, quoteValue } from "../streams/data-file-error.js";
import { suggestion } from "../scenario/near-miss.js";
import type { Mapping, ObservedEvent, TimestampColumn } from "./mapping.js";
import type { TimeZone } from "./time-zone.js";

/** A call as the import carries it: a table row, and whether its type matched a taxonomy rule. */
export interface ImportedCall extends CallTableRow {
  mapped: boolean;
}

/** A fresh call to map rows into. */
export function emptyImportedCall(): ImportedCall {
  return { ...emptyCallTableRow(), mapped: true };
}

/** What is wrong with a value: its column, the value and "expected ..., got '...'". */
export interface RowProblem {
  column: string | null;
  message: string;
}

/** Where the mapper reports what it did not import. */
export interface IssueSink {
  /** A row not imported: `bad` rows are malformed; the others are excluded or blank. */
  skip(reason: string, line: number, bad: boolean, problem: RowProblem | null): void;
  /** An observed time left empty in a call that was kept. */
  dropObserved(reason: string, line: number, problem: RowProblem): void;
}

/** The skip reason of rows whose received time cannot be read (followed by the column). */
export const BAD_RECEIVED = "bad received time";

const EVENT_FIELD = { dispatched: "dispatchedMin", enRoute: "enrouteMin", arrived: "arrivedMin", cleared: "clearedMin" } as const;

/** Maps the rows of one export, once its header is known (see the file header). */
export class RowMapper {
  /** Columns of the received time: one, or the date's and the time's. */
  private readonly receivedColumns: readonly number[];
  private readonly idColumn: number;
  private readonly typeColumn: number;
  private readonly zoneColumn: number;
  private readonly priorityColumn: number;
  private readonly excludeColumns: readonly number[];
  private readonly observed: readonly { event: ObservedEvent; column: number; spec: TimestampColumn }[];
  private readonly zone: TimeZone;
  /** Rows whose received time was read, and those where it could not be: a wrong format fails them all. */
  receivedTried = 0;
  receivedFailed = 0;

  /**
   * @param header the export's header fields
   * @param lookup code -> description from the mapping's type lookup, or null
   * @throws DataFileError naming a mapped column the header lacks, and listing the header's columns
   */
  constructor(
    private readonly mapping: Mapping,
    private readonly header: readonly string[],
    private readonly file: string,
    private readonly lookup: ReadonlyMap<string, string> | null,
  ) {
    const names = header.map((h) => h.trim());
    const index = (column: string) => {
      const at = names.indexOf(column);
      if (at < 0) {
        throw new DataFileError(
          file,
          1,
          null,
          `has no column '${column}', which the mapping ${mapping.file} names${suggestion(column, names)}; the file's columns are: ${names.join(", ")}`,
        );
      }
      return at;
    };
    const received = mapping.received;
    this.receivedColumns = "single" in received ? [index(received.single.column)] : [index(received.date.column), index(received.time.column)];
    this.idColumn = mapping.id === null ? -1 : index(mapping.id);
    this.typeColumn = index(mapping.type);
    this.zoneColumn = mapping.zoneColumn === null ? -1 : index(mapping.zoneColumn);
    this.priorityColumn = mapping.priority === null ? -1 : index(mapping.priority.column);
    this.excludeColumns = mapping.exclude.map((rule) => index(rule.column));
    this.observed = [...mapping.observed].map(([event, spec]) => ({ event, column: index(spec.column), spec }));
    this.zone = mapping.zone;
  }

  /**
   * Maps one record into `call` (reused from row to row: exports have millions of rows); returns
   * false when the row is skipped (reported to `sink`).
   */
  map(fields: readonly string[], line: number, sink: IssueSink, call: ImportedCall): boolean {
    if (fields.length !== this.header.length) {
      if (fields.length === 1 && fields[0].trim() === "") {
        sink.skip("blank line", line, false, null);
      } else {
        sink.skip("wrong number of fields", line, true, { column: null, message: `has ${fields.length} fields, the header has ${this.header.length}` });
      }
      return false;
    }
    const { mapping } = this;
    for (let i = 0; i < mapping.exclude.length; i++) {
      const rule = mapping.exclude[i];
      if (rule.matches(fields[this.excludeColumns[i]])) {
        sink.skip(`excluded: ${rule.reason}`, line, false, null);
        return false;
      }
    }
    this.receivedTried++;
    const receivedSec = this.received(fields, line, sink);
    if (Number.isNaN(receivedSec)) return false;
    const code = fields[this.typeColumn].trim();
    const description = this.lookup?.get(code);
    const kind = mapping.taxonomy.classify(code, description ?? code);
    let priority = kind.priority;
    if (mapping.priority !== null) {
      const value = fields[this.priorityColumn].trim();
      const mapped = mapping.priority.values.get(value);
      if (mapped === undefined) {
        const known = [...mapping.priority.values.keys()].map((k) => `'${k}'`).join(", ");
        const column = mapping.priority.column;
        sink.skip(`unknown priority (column '${column}')`, line, true, { column, message: `expected one of ${known} (the mapping's priorities), got ${quoteValue(value)}` });
        return false;
      }
      priority = mapped;
    }
    call.receivedSec = receivedSec;
    call.category = kind.category;
    call.priority = priority;
    call.prioritySource = mapping.priority === null ? "taxonomy" : "export";
    call.behavioralHealth = kind.behavioralHealth;
    call.weapon = kind.weapon;
    call.dispatchedMin = NaN;
    call.enrouteMin = NaN;
    call.arrivedMin = NaN;
    call.clearedMin = NaN;
    call.id = this.idColumn < 0 ? String(line) : fields[this.idColumn].trim();
    call.zone = this.zoneColumn < 0 ? "" : fields[this.zoneColumn].trim();
    call.type = code;
    call.typeDescription = description ?? "";
    call.line = line;
    call.mapped = kind.mapped;
    for (const { event, column, spec } of this.observed) this.observe(call, event, fields[column], spec, sink);
    return true;
  }

  /** Civil seconds of the received time, or NaN (reported) when it cannot be read. */
  private received(fields: readonly string[], line: number, sink: IssueSink): number {
    const received = this.mapping.received;
    if ("single" in received) {
      const value = fields[this.receivedColumns[0]];
      const sec = parseWith(received.single, value);
      if (Number.isNaN(sec)) this.badTime(received.single, value, line, sink);
      return sec;
    }
    const dateValue = fields[this.receivedColumns[0]];
    const date = parseWith(received.date, dateValue);
    if (Number.isNaN(date)) {
      this.badTime(received.date, dateValue, line, sink);
      return NaN;
    }
    const timeValue = fields[this.receivedColumns[1]];
    const time = parseWith(received.time, timeValue);
    if (Number.isNaN(time)) this.badTime(received.time, timeValue, line, sink);
    return date + time;
  }

  private badTime(spec: TimestampColumn, value: string, line: number, sink: IssueSink): void {
    this.receivedFailed++;
    sink.skip(`${BAD_RECEIVED} (column '${spec.column}')`, line, true, { column: spec.column, message: expectedTimestamp(spec, value) });
  }

  /** Sets an observed time as minutes after received, or reports why it is left empty. */
  private observe(call: ImportedCall, event: ObservedEvent, value: string, spec: TimestampColumn, sink: IssueSink): void {
    if (value.trim() === "") return;
    let sec = parseWith(spec, value);
    if (Number.isNaN(sec)) {
      sink.dropObserved(`bad ${event} time (column '${spec.column}')`, call.line, { column: spec.column, message: expectedTimestamp(spec, value) });
      return;
    }
    // A time of day belongs to the received date, or to the next day when earlier (calls crossing midnight).
    if (spec.formats[0].kind === "time") {
      sec += Math.floor(call.receivedSec / SECONDS_PER_DAY) * SECONDS_PER_DAY;
      if (sec < call.receivedSec) sec += SECONDS_PER_DAY;
    }
    // Elapsed time, so a call spanning a DST change is not an hour off.
    const minutes = (this.zone.utcFromCivil(sec) - this.zone.utcFromCivil(call.receivedSec)) / 60;
    if (minutes < 0) {
      sink.dropObserved(`${event} before received (column '${spec.column}')`, call.line, { column: spec.column, message: `expected a time no earlier than the received time, got ${quoteValue(value)}` });
      return;
    }
    if (event === "cleared" && minutes < call.arrivedMin) {
      sink.dropObserved(`cleared before arrived (column '${spec.column}')`, call.line, { column: spec.column, message: `expected a time no earlier than the arrival, got ${quoteValue(value)}` });
      return;
    }
    call[EVENT_FIELD[event]] = minutes;
  }
}

/** The first format that reads `value`, as civil seconds; NaN when none does. */
function parseWith(spec: TimestampColumn, value: string): number {
  for (const format of spec.formats) {
    const sec = format.parse(value);
    if (!Number.isNaN(sec)) return sec;
  }
  return NaN;
}

/** "expected a timestamp like 2023-01-31 13:45:00, got '...'" (or "a date like", "a time like"). */
export function expectedTimestamp(spec: TimestampColumn, value: string): string {
  const kind = spec.formats[0].kind;
  const noun = kind === "datetime" ? "a timestamp" : kind === "date" ? "a date" : "a time";
  return `expected ${noun} like ${spec.formats.map((f) => f.example).join(" or ")}, got ${quoteValue(value)}`;
}
