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
import type { TimeEvent } from "./mapping-schema.js";
import type { Exclusion, Mapping, ObservedEvent, TimestampColumn } from "./mapping.js";
import type { Classification } from "./taxonomy.js";
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

/** Distinct type codes whose classification the mapper keeps. */
const TYPE_CACHE_LIMIT = 100_000;

const EVENT_FIELD = { dispatched: "dispatchedMin", enRoute: "enrouteMin", arrived: "arrivedMin", cleared: "clearedMin", queued: "queuedMin" } as const;

/** Minutes after received of an event of `call` (0 for received itself; NaN when not observed). */
function eventMinutes(call: CallTableRow, event: TimeEvent): number {
  return event === "received" ? 0 : call[EVENT_FIELD[event]];
}

/** Maps the rows of one export, once its header is known (see the file header). */
export class RowMapper {
  /** Columns of the received time: one, or the date's and the time's. */
  private readonly receivedColumns: readonly number[];
  private readonly idColumn: number;
  private readonly typeColumn: number;
  private readonly zoneColumn: number;
  private readonly priorityColumn: number;
  /** Per exclusion rule, the column index of each condition (-1 for a comparison of times). */
  private readonly excludeColumns: readonly (readonly number[])[];
  private readonly unitsColumn: number;
  private readonly initialTypeColumn: number;
  private readonly initialPriorityColumn: number;
  private readonly cancelledColumn: number;
  /** Observed-time problems of the current row, reported once the row is known not to be excluded. */
  private readonly pending: { reason: string; problem: RowProblem }[] = [];
  /** Rows each exclusion rule marked (a rule that marks none is reported). */
  readonly excludeHits: number[];
  /** Each exclusion rule's skip reason, made once: a row's reason is a map key in the tally. */
  private readonly excludeReasons: readonly string[];
  /** Type code -> its description and classification (a few hundred codes in a city's export). */
  private readonly types = new Map<string, { description: string | undefined; kind: Classification }>();
  private readonly observed: readonly { event: ObservedEvent; column: number; spec: TimestampColumn }[];
  private readonly zone: TimeZone;
  /** The current row's received time as a UTC instant, once an observed time needs it (NaN before). */
  private receivedUtc = NaN;
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
    this.excludeColumns = mapping.exclude.map((rule) => rule.conditions.map((c) => (c.kind === "column" ? index(c.column) : -1)));
    this.excludeHits = mapping.exclude.map(() => 0);
    this.excludeReasons = mapping.exclude.map((rule) => `excluded: ${rule.reason}`);
    this.observed = [...mapping.observed].map(([event, spec]) => ({ event, column: index(spec.column), spec }));
    this.unitsColumn = mapping.units === null ? -1 : index(mapping.units.column);
    this.initialTypeColumn = mapping.initialType === null ? -1 : index(mapping.initialType);
    this.initialPriorityColumn = mapping.initialPriority === null ? -1 : index(mapping.initialPriority);
    this.cancelledColumn = mapping.cancelled?.column ? index(mapping.cancelled.column.column) : -1;
    this.zone = mapping.zone;
    // Format hits count this import's values (a mapping may be loaded once and used twice).
    for (const spec of [...("single" in received ? [received.single] : [received.date, received.time]), ...mapping.observed.values()]) spec.hits.fill(0);
  }

  /** The columns whose values `map` reads (the reader need not decode the others). */
  get readColumns(): number[] {
    return [
      ...this.receivedColumns,
      this.idColumn,
      this.typeColumn,
      this.zoneColumn,
      this.priorityColumn,
      ...this.excludeColumns.flat(),
      ...this.observed.map((o) => o.column),
      this.unitsColumn,
      this.initialTypeColumn,
      this.initialPriorityColumn,
      this.cancelledColumn,
    ].filter((column) => column >= 0);
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
    // Rules on column values first: a row they mark is not read further.
    for (let i = 0; i < mapping.exclude.length; i++) {
      const rule = mapping.exclude[i];
      if (!rule.usesTimes && this.marks(rule, this.excludeColumns[i], fields, call)) {
        this.excludeHits[i]++;
        sink.skip(this.excludeReasons[i], line, false, null);
        return false;
      }
    }
    this.receivedTried++;
    const receivedSec = this.received(fields, line, sink);
    if (Number.isNaN(receivedSec)) return false;
    const code = fields[this.typeColumn].trim();
    const { description, kind } = this.typeOf(code);
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
    call.queuedMin = NaN;
    call.id = this.idColumn < 0 ? String(line) : fields[this.idColumn].trim();
    call.zone = this.zoneColumn < 0 ? "" : fields[this.zoneColumn].trim();
    call.type = code;
    call.typeDescription = description ?? "";
    call.line = line;
    call.mapped = kind.mapped;
    // Setting an array's length is a call into the runtime, even to the length it has.
    if (this.pending.length > 0) this.pending.length = 0;
    this.receivedUtc = NaN;
    for (const { event, column, spec } of this.observed) this.observe(call, event, fields[column], spec);
    for (let i = 0; i < mapping.exclude.length; i++) {
      const rule = mapping.exclude[i];
      if (rule.usesTimes && this.marks(rule, this.excludeColumns[i], fields, call)) {
        this.excludeHits[i]++;
        sink.skip(this.excludeReasons[i], line, false, null);
        return false;
      }
    }
    for (const { reason, problem } of this.pending) sink.dropObserved(reason, line, problem);
    call.units = this.units(fields, call, sink);
    this.initial(fields, call, sink);
    const cancelled = mapping.cancelled;
    call.cancelled =
      cancelled === null ? null : (this.cancelledColumn >= 0 && cancelled.column!.matches(fields[this.cancelledColumn])) || (cancelled.withoutArrival && !(call.arrivedMin >= 0));
    return true;
  }

  /** A type code's description from the lookup and its classification, looked up once per code. */
  private typeOf(code: string): { description: string | undefined; kind: Classification } {
    let type = this.types.get(code);
    if (type === undefined) {
      const description = this.lookup?.get(code);
      type = { description, kind: this.mapping.taxonomy.classify(code, description ?? code) };
      // Free-text types can be as many as the rows: those past the limit are classified each time.
      if (this.types.size < TYPE_CACHE_LIMIT) this.types.set(code, type);
    }
    return type;
  }

  /** Whether an exclusion rule marks the row (`call` holds its times when the rule compares them). */
  private marks(rule: Exclusion, columns: readonly number[], fields: readonly string[], call: CallTableRow): boolean {
    const all = rule.mode === "all";
    for (let c = 0; c < rule.conditions.length; c++) {
      const condition = rule.conditions[c];
      let holds: boolean;
      if (condition.kind === "column") {
        holds = condition.matches(fields[columns[c]]);
      } else {
        const gap = eventMinutes(call, condition.to) - eventMinutes(call, condition.from);
        // Minutes are kept to 0.06 s in the table: a tolerance of a millisecond absorbs rounding.
        holds = gap >= -1e-6 && gap <= condition.withinMin + 1e-6;
      }
      if (holds !== all) return holds;
    }
    return all;
  }

  /** Units sent to the call: the export's, else the taxonomy's for its category and priority, else NaN. */
  private units(fields: readonly string[], call: ImportedCall, sink: IssueSink): number {
    const spec = this.mapping.units;
    if (spec === null) return this.mapping.taxonomy.hasUnits ? this.mapping.taxonomy.unitsFor(call.category, call.priority) : NaN;
    const value = fields[this.unitsColumn];
    if (spec.count === "ids") return countIds(value, spec.separator);
    const text = value.trim();
    if (text === "") return NaN;
    const units = Number(text);
    if (!(Number.isInteger(units) && units >= 0)) {
      sink.dropObserved(`bad units (column '${spec.column}')`, call.line, { column: spec.column, message: `expected a whole number of units, got ${quoteValue(value)}` });
      return NaN;
    }
    return units;
  }

  /** The call's initial category and priority, where the export keeps them. */
  private initial(fields: readonly string[], call: ImportedCall, sink: IssueSink): void {
    const { mapping } = this;
    call.initialCategory = "";
    call.initialPriority = NaN;
    if (this.initialTypeColumn >= 0) {
      const code = fields[this.initialTypeColumn].trim();
      if (code !== "") call.initialCategory = this.typeOf(code).kind.category;
    }
    if (this.initialPriorityColumn >= 0 && mapping.priority !== null) {
      const value = fields[this.initialPriorityColumn].trim();
      if (value === "") return;
      const mapped = mapping.priority.values.get(value);
      if (mapped !== undefined) call.initialPriority = mapped;
      else {
        const column = mapping.initialPriority!;
        sink.dropObserved(`unknown initial priority (column '${column}')`, call.line, { column, message: `expected one of ${[...mapping.priority.values.keys()].map((k) => `'${k}'`).join(", ")} (the mapping's priorities), got ${quoteValue(value)}` });
      }
    }
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

  /** Sets an observed time as minutes after received, or notes (in `pending`) why it is left empty. */
  private observe(call: ImportedCall, event: ObservedEvent, value: string, spec: TimestampColumn): void {
    if (value.trim() === "") return;
    let sec = parseWith(spec, value);
    if (Number.isNaN(sec)) {
      this.pending.push({ reason: `bad ${event} time (column '${spec.column}')`, problem: { column: spec.column, message: expectedTimestamp(spec, value) } });
      return;
    }
    // A time of day belongs to the received date, or to the next day when earlier (calls crossing midnight).
    if (spec.formats[0].kind === "time") {
      sec += Math.floor(call.receivedSec / SECONDS_PER_DAY) * SECONDS_PER_DAY;
      if (sec < call.receivedSec) sec += SECONDS_PER_DAY;
    }
    // Elapsed time, so a call spanning a DST change is not an hour off.
    if (Number.isNaN(this.receivedUtc)) this.receivedUtc = this.zone.utcFromCivil(call.receivedSec);
    const minutes = (this.zone.utcFromCivil(sec) - this.receivedUtc) / 60;
    if (minutes < 0) {
      this.pending.push({ reason: `${event} before received (column '${spec.column}')`, problem: { column: spec.column, message: `expected a time no earlier than the received time, got ${quoteValue(value)}` } });
      return;
    }
    if (event === "cleared" && minutes < call.arrivedMin) {
      this.pending.push({ reason: `cleared before arrived (column '${spec.column}')`, problem: { column: spec.column, message: `expected a time no earlier than the arrival, got ${quoteValue(value)}` } });
      return;
    }
    call[EVENT_FIELD[event]] = minutes;
  }
}

/** The first format that reads `value`, as civil seconds (counted in `spec.hits`); NaN when none does. */
function parseWith(spec: TimestampColumn, value: string): number {
  const { formats } = spec;
  for (let i = 0; i < formats.length; i++) {
    const sec = formats[i].parse(value);
    if (!Number.isNaN(sec)) {
      spec.hits[i]++;
      return sec;
    }
  }
  return NaN;
}

/** How many non-blank ids `value` lists between separators (San Luis Obispo's "4267,4265\r\n" is 2). */
export function countIds(value: string, separator: string): number {
  const sep = separator.charCodeAt(0);
  let count = 0;
  let filled = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === sep) {
      if (filled) count++;
      filled = false;
    } else if (code > 32) {
      filled = true;
    }
  }
  return filled ? count + 1 : count;
}

/** "expected a timestamp like 2023-01-31 13:45:00, got '...'" (or "a date like", "a time like"). */
export function expectedTimestamp(spec: TimestampColumn, value: string): string {
  const kind = spec.formats[0].kind;
  const noun = kind === "datetime" ? "a timestamp" : kind === "date" ? "a date" : "a time";
  return `expected ${noun} like ${spec.formats.map((f) => f.example).join(" or ")}, got ${quoteValue(value)}`;
}
