/**
 * The canonical call table: what `resim import` writes from a city's CAD export and what a
 * replay reads. One CSV file (UTF-8, LF, header row, one call per line, in received order):
 *
 * | column | unit / format |
 * | --- | --- |
 * | `received` | local wall-clock time `YYYY-MM-DDTHH:MM:SS` (ISO-8601 without offset, the city's own clock) |
 * | `category` | resim call category (`violent`, `mental-health`, ...) |
 * | `priority` | integer >= 1, 1 = most urgent |
 * | `priority_source` | `export` (from the export's priority column) or `taxonomy` (the taxonomy's default, when the export has none) |
 * | `behavioral_health`, `weapon` | `1` or `0`, from the taxonomy |
 * | `dispatched_min`, `enroute_min`, `arrived_min`, `cleared_min` | observed time of that event in minutes after `received` (elapsed time, DST-aware); empty when the export does not have it |
 * | `queued_min` | observed time the call was queued for dispatch, minutes after `received`; empty when not observed |
 * | `cancelled` | `1` when the call was cleared without a unit arriving (the mapping's `cancelled` rule), `0` when not, empty when the mapping does not say |
 * | `units` | units sent to the call (from the export, or the taxonomy's units per call); empty when unknown |
 * | `initial_category`, `initial_priority` | category and priority the call was first given, when the export keeps them apart from the final ones; empty otherwise |
 * | `id` | the export's call id (or its line number when it has none) |
 * | `zone` | the export's beat or zone, as written |
 * | `type` | the export's call-type text or code, as written |
 * | `type_description` | the code's description from the city's lookup, when one is used |
 * | `line` | line of the call in the export, to trace it back |
 *
 * Tables written before `queued_min` ... `initial_priority` existed (15 columns, the header
 * `LEGACY_CALL_TABLE_HEADER`) are still read: their lines are told apart by the text after
 * `cleared_min` (see `isLegacyLine`), and the fields they lack read as unknown.
 *
 * The columns a replay needs come first and never contain commas or quotes, so the replay reads
 * them with a plain split, several times faster than a general CSV parse (each replication
 * re-reads the file); the free-text columns come last and are quoted as RFC 4180 requires, so R,
 * pandas or a spreadsheet read the file as ordinary CSV. Line breaks inside text are written as
 * spaces so that one line is one call.
 */
import { daysFromCivil, daysInMonth, SECONDS_PER_DAY } from "./civil-time.js";
import { quoteValue } from "./data-file-error.js";

/** The table's columns, in file order. */
export const CALL_TABLE_COLUMNS = [
  "received",
  "category",
  "priority",
  "priority_source",
  "behavioral_health",
  "weapon",
  "dispatched_min",
  "enroute_min",
  "arrived_min",
  "cleared_min",
  "queued_min",
  "cancelled",
  "units",
  "initial_category",
  "initial_priority",
  "id",
  "zone",
  "type",
  "type_description",
  "line",
] as const;

/** The header line. */
export const CALL_TABLE_HEADER = CALL_TABLE_COLUMNS.join(",");

/** The header of tables written before the queued, cancelled, units and initial columns. */
export const LEGACY_CALL_TABLE_HEADER = CALL_TABLE_COLUMNS.filter((_, i) => i < 10 || i >= 15).join(",");

/** Leading columns both layouts share (up to `cleared_min`). */
const SHARED_COLUMNS = 10;
/** How many leading columns a replay parses (up to `initial_priority`). */
const PARSED_COLUMNS = 15;

/** One call of the table. Observed times are NaN when not observed. */
export interface CallTableRow {
  /** Civil seconds since 1970-01-01 00:00:00 on the city's clock. */
  receivedSec: number;
  category: string;
  priority: number;
  prioritySource: "export" | "taxonomy";
  behavioralHealth: boolean;
  weapon: boolean;
  dispatchedMin: number;
  enrouteMin: number;
  arrivedMin: number;
  clearedMin: number;
  /** Observed time the call was queued for dispatch (ready for a unit), minutes after received; NaN when not observed. */
  queuedMin: number;
  /** The call was cleared without a unit arriving (cancelled, gone on arrival); null when the export does not say. */
  cancelled: boolean | null;
  /** Units the city sent to the call; NaN when the export does not say. */
  units: number;
  /** The call's category as first coded at intake, when the export keeps the initial type apart from the final one; "" otherwise. */
  initialCategory: string;
  /** The priority the call was first given, when the export keeps it apart from the final one; NaN otherwise. */
  initialPriority: number;
  id: string;
  zone: string;
  type: string;
  typeDescription: string;
  /** Line in the export. */
  line: number;
}

/** A fresh row to parse into (the reader reuses one). */
export function emptyCallTableRow(): CallTableRow {
  return {
    receivedSec: 0,
    category: "",
    priority: 1,
    prioritySource: "export",
    behavioralHealth: false,
    weapon: false,
    dispatchedMin: NaN,
    enrouteMin: NaN,
    arrivedMin: NaN,
    clearedMin: NaN,
    queuedMin: NaN,
    cancelled: null,
    units: NaN,
    initialCategory: "",
    initialPriority: NaN,
    id: "",
    zone: "",
    type: "",
    typeDescription: "",
    line: 0,
  };
}

/** A text field as RFC 4180 CSV: line breaks become spaces; quoted when it holds a comma or quote. */
export function csvText(value: string): string {
  let flat = /[\r\n]/.test(value) ? value.replace(/\r\n|\r|\n/g, " ") : value;
  // Text a spreadsheet would run as a formula gets a leading apostrophe (OWASP "CSV injection").
  if (/^[=+\-@\t]/.test(flat)) flat = `'${flat}`;
  return /[",]/.test(flat) ? `"${flat.replace(/"/g, '""')}"` : flat;
}

/**
 * Parses one line of the table into `out`. Returns null when the line is valid, else the problem
 * as [column, message] (the caller adds file and line). Only the replay's columns are checked;
 * the text columns are left unread unless `readText` is set.
 */
export function parseCallTableLine(line: string, out: CallTableRow, readText = false): [string, string] | null {
  if (line === "") return ["received", "is missing: the line is empty, and a call table has one call per line"];
  let from = 0;
  const fields = SCRATCH;
  for (let i = 0; i < SHARED_COLUMNS; i++) {
    const comma = line.indexOf(",", from);
    if (comma < 0) return [CALL_TABLE_COLUMNS[i], `is missing: the line has ${i + 1} fields, a call table has ${CALL_TABLE_COLUMNS.length}`];
    fields[i] = line.slice(from, comma);
    from = comma + 1;
  }
  const received = parseLocalIso(fields[0]);
  if (Number.isNaN(received)) return ["received", `expected a local time like 2023-01-31T13:45:00, got ${quoteValue(fields[0])}`];
  out.receivedSec = received;
  const category = fields[1];
  if (!CATEGORY_NAME.test(category)) return ["category", `expected a category name like 'mental-health', got ${quoteValue(category)}`];
  out.category = category;
  const priority = Number(fields[2]);
  if (!Number.isInteger(priority) || priority < 1 || fields[2].trim() !== fields[2]) return ["priority", `expected an integer >= 1, got ${quoteValue(fields[2])}`];
  out.priority = priority;
  if (fields[3] !== "export" && fields[3] !== "taxonomy") return ["priority_source", `expected 'export' or 'taxonomy', got ${quoteValue(fields[3])}`];
  out.prioritySource = fields[3] as CallTableRow["prioritySource"];
  for (const [index, key] of [[4, "behavioralHealth"], [5, "weapon"]] as const) {
    if (fields[index] !== "0" && fields[index] !== "1") return [CALL_TABLE_COLUMNS[index], `expected 0 or 1, got ${quoteValue(fields[index])}`];
    out[key] = fields[index] === "1";
  }
  for (const [index, key] of [[6, "dispatchedMin"], [7, "enrouteMin"], [8, "arrivedMin"], [9, "clearedMin"]] as const) {
    const problem = readMinutes(fields[index], index, out, key);
    if (problem !== null) return problem;
  }
  const textFrom = isLegacyLine(line, from) ? from : readCalibrationColumns(line, from, out);
  if (typeof textFrom !== "number") return textFrom;
  if (textFrom === from) {
    out.queuedMin = NaN;
    out.cancelled = null;
    out.units = NaN;
    out.initialCategory = "";
    out.initialPriority = NaN;
  }
  if (readText) readTextColumns(line.slice(textFrom), out);
  return null;
}

const CATEGORY_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function readMinutes(text: string, index: number, out: CallTableRow, key: "dispatchedMin" | "enrouteMin" | "arrivedMin" | "clearedMin" | "queuedMin"): [string, string] | null {
  const value = text === "" ? NaN : Number(text);
  if (text !== "" && !(value >= 0 && value < Infinity)) return [CALL_TABLE_COLUMNS[index], `expected minutes >= 0 or nothing, got ${quoteValue(text)}`];
  out[key] = value;
  return null;
}

/**
 * Whether a line is of the 15-column layout, from the text after `cleared_min` (at `from`). A
 * current line has five more plain fields (numbers, 0/1, a name: never a quote) and then the five
 * text columns, so at least five commas follow with no quote before the fifth. A legacy line has
 * only the text columns: four commas outside quotes, so a fifth comma can only be inside a quoted
 * field, whose opening quote comes before it.
 */
function isLegacyLine(line: string, from: number): boolean {
  let at = from;
  for (let i = 0; i < 5; i++) {
    const comma = line.indexOf(",", at);
    if (comma < 0) return true;
    at = comma + 1;
  }
  const quote = line.indexOf('"', from);
  return quote >= 0 && quote < at;
}

/** Reads queued_min ... initial_priority from `from`; returns where the text columns start, or the problem. */
function readCalibrationColumns(line: string, from: number, out: CallTableRow): number | [string, string] {
  const fields = SCRATCH;
  for (let i = SHARED_COLUMNS; i < PARSED_COLUMNS; i++) {
    const comma = line.indexOf(",", from);
    fields[i] = line.slice(from, comma);
    from = comma + 1;
  }
  const problem = readMinutes(fields[10], 10, out, "queuedMin");
  if (problem !== null) return problem;
  const cancelled = fields[11];
  if (cancelled !== "" && cancelled !== "0" && cancelled !== "1") return ["cancelled", `expected 1, 0 or nothing, got ${quoteValue(cancelled)}`];
  out.cancelled = cancelled === "" ? null : cancelled === "1";
  const units = fields[12] === "" ? NaN : Number(fields[12]);
  if (fields[12] !== "" && !(Number.isInteger(units) && units >= 0)) return ["units", `expected a whole number of units >= 0 or nothing, got ${quoteValue(fields[12])}`];
  out.units = units;
  if (fields[13] !== "" && !CATEGORY_NAME.test(fields[13])) return ["initial_category", `expected a category name like 'mental-health' or nothing, got ${quoteValue(fields[13])}`];
  out.initialCategory = fields[13];
  const initialPriority = fields[14] === "" ? NaN : Number(fields[14]);
  if (fields[14] !== "" && !(Number.isInteger(initialPriority) && initialPriority >= 1)) return ["initial_priority", `expected an integer >= 1 or nothing, got ${quoteValue(fields[14])}`];
  out.initialPriority = initialPriority;
  return from;
}

const SCRATCH: string[] = new Array<string>(PARSED_COLUMNS).fill("");

/** The text columns (id, zone, type, type_description, line), quoted as CSV. */
function readTextColumns(rest: string, out: CallTableRow): void {
  const values: string[] = [];
  let i = 0;
  while (i <= rest.length) {
    if (rest[i] === '"') {
      let value = "";
      let j = i + 1;
      for (;;) {
        const quote = rest.indexOf('"', j);
        if (quote < 0) {
          value += rest.slice(j);
          j = rest.length;
          break;
        }
        value += rest.slice(j, quote);
        if (rest[quote + 1] === '"') {
          value += '"';
          j = quote + 2;
        } else {
          j = quote + 1;
          break;
        }
      }
      values.push(value);
      i = j + 1;
    } else {
      const comma = rest.indexOf(",", i);
      const stop = comma < 0 ? rest.length : comma;
      values.push(rest.slice(i, stop));
      i = stop + 1;
    }
  }
  out.id = values[0] ?? "";
  out.zone = values[1] ?? "";
  out.type = values[2] ?? "";
  out.typeDescription = values[3] ?? "";
  out.line = Number(values[4] ?? 0);
}

let lastDateText = "";
let lastDateDays = 0;

/**
 * Civil seconds of `YYYY-MM-DDTHH:MM:SS`, or NaN if the text is not exactly that (with a real
 * date and time). The day number of the last date seen is cached: a table's calls come in order.
 */
export function parseLocalIso(text: string): number {
  if (text.length !== 19 || text[4] !== "-" || text[7] !== "-" || text[10] !== "T" || text[13] !== ":" || text[16] !== ":") return NaN;
  let days: number;
  if (text.startsWith(lastDateText) && lastDateText !== "") {
    days = lastDateDays;
  } else {
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 7);
    const day = digits(text, 8, 10);
    if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return NaN;
    days = daysFromCivil(year, month, day);
    lastDateText = text.slice(0, 10);
    lastDateDays = days;
  }
  const hour = digits(text, 11, 13);
  const minute = digits(text, 14, 16);
  const second = digits(text, 17, 19);
  if (!(hour <= 23 && minute <= 59 && second <= 59)) return NaN;
  return days * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
}

/** The decimal number in text[from, to), or NaN if any character is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return NaN;
    value = value * 10 + code;
  }
  return value;
}
