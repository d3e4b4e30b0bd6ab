/**
 * The call table's line, written straight to bytes: the import makes no string per line, and the
 * byte offsets of the id and of the export line number are noted as they are written, so the
 * importer need not scan the line for them. `formatCallTableRow` gives the same line as text.
 */
import { CALL_TABLE_COLUMNS, csvText, type CallTableRow } from "./call-table.js";
import { formatCivilDate, SECONDS_PER_DAY } from "./civil-time.js";

/** Where `writeCallTableRow` put the last row's id (start and end) and the comma before its export line number: byte offsets. */
export const writtenRow = { idStart: 0, idEnd: 0, lineComma: 0 };

/** ASCII bytes the writer puts between and in fields: ",", "0", "1", "T", ":". */
const COMMA = 44;
const ZERO = 48;
const ONE = 49;
const T = 84;
const COLON = 58;

/** Characters of the longest number `String` gives ("-1.2345678901234567e-308"). */
const NUMBER_CHARS = 24;
/** The table's numeric and 0/1 columns. */
const NUMBER_COLUMNS = 12;

/** The most bytes `writeCallTableRow` writes for `row` (a UTF-16 code unit takes at most 3 bytes in UTF-8, a doubled quote 2). */
export function callTableRowBound(row: CallTableRow): number {
  const texts = row.category.length + row.prioritySource.length + row.initialCategory.length + row.id.length + row.zone.length + row.type.length + row.typeDescription.length;
  // Per quoted text column: two quotes and an apostrophe at most; the received time is its day's text and "THH:MM:SS".
  return dayText(Math.floor(row.receivedSec / SECONDS_PER_DAY)).length + 3 * NUMBER_CHARS + NUMBER_COLUMNS * NUMBER_CHARS + 3 * texts + 4 * 3 + CALL_TABLE_COLUMNS.length;
}

/** One line of the table (without its line break) as text: the bytes `writeCallTableRow` writes. */
export function formatCallTableRow(row: CallTableRow): string {
  const out = Buffer.allocUnsafe(callTableRowBound(row));
  return out.toString("utf8", 0, writeCallTableRow(row, out, 0));
}

/**
 * Writes the table line of `row` as UTF-8 into `out` at `at`, which has room for
 * `callTableRowBound(row)` bytes; returns where they end. Straight to bytes, the import makes no
 * string per line, and finds its text columns without scanning for them (`writtenRow`).
 */
export function writeCallTableRow(row: CallTableRow, out: Buffer, at: number): number {
  const days = Math.floor(row.receivedSec / SECONDS_PER_DAY);
  const ofDay = Math.floor(row.receivedSec - days * SECONDS_PER_DAY);
  let i = writeRaw(out, at, dayText(days));
  if (ofDay >= 0 && ofDay < SECONDS_PER_DAY) {
    out[i] = T;
    i = writeTwoDigits(out, i + 1, Math.floor(ofDay / 3600));
    out[i] = COLON;
    i = writeTwoDigits(out, i + 1, Math.floor(ofDay / 60) % 60);
    out[i] = COLON;
    i = writeTwoDigits(out, i + 1, ofDay % 60);
  } else {
    i = writeRaw(out, i, `T${pad2(Math.floor(ofDay / 3600))}:${pad2(Math.floor(ofDay / 60) % 60)}:${pad2(ofDay % 60)}`);
  }
  out[i++] = COMMA;
  i = writeRaw(out, i, row.category);
  out[i++] = COMMA;
  i = writeNumber(out, i, row.priority);
  out[i++] = COMMA;
  i = writeRaw(out, i, row.prioritySource);
  out[i++] = COMMA;
  out[i++] = row.behavioralHealth ? ONE : ZERO;
  out[i++] = COMMA;
  out[i++] = row.weapon ? ONE : ZERO;
  out[i++] = COMMA;
  i = writeMinutes(out, i, row.dispatchedMin);
  out[i++] = COMMA;
  i = writeMinutes(out, i, row.enrouteMin);
  out[i++] = COMMA;
  i = writeMinutes(out, i, row.arrivedMin);
  out[i++] = COMMA;
  i = writeMinutes(out, i, row.clearedMin);
  out[i++] = COMMA;
  i = writeMinutes(out, i, row.queuedMin);
  out[i++] = COMMA;
  if (row.cancelled !== null) out[i++] = row.cancelled ? ONE : ZERO;
  out[i++] = COMMA;
  if (!Number.isNaN(row.units)) i = writeNumber(out, i, row.units);
  out[i++] = COMMA;
  i = writeRaw(out, i, row.initialCategory);
  out[i++] = COMMA;
  if (!Number.isNaN(row.initialPriority)) i = writeNumber(out, i, row.initialPriority);
  out[i++] = COMMA;
  writtenRow.idStart = i;
  i = writeCsvText(out, i, row.id);
  writtenRow.idEnd = i;
  out[i++] = COMMA;
  i = writeCsvText(out, i, row.zone);
  out[i++] = COMMA;
  i = writeCsvText(out, i, row.type);
  out[i++] = COMMA;
  i = writeCsvText(out, i, row.typeDescription);
  writtenRow.lineComma = i;
  out[i++] = COMMA;
  return writeNumber(out, i, row.line);
}

let lastDay = NaN;
let lastDayText = "";

/** The day's `YYYY-MM-DD`, kept for the next call (a table's calls come a day at a time). */
function dayText(days: number): string {
  if (days !== lastDay) {
    lastDay = days;
    lastDayText = formatCivilDate(days);
  }
  return lastDayText;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `text` as UTF-8 at `at`; returns where it ends. Short ASCII text is copied here, cheaper than a call into the platform. */
function writeRaw(out: Buffer, at: number, text: string): number {
  const length = text.length;
  for (let k = 0; k < length; k++) {
    const code = text.charCodeAt(k);
    if (code > 127) return at + out.write(text, at);
    out[at + k] = code;
  }
  return at + length;
}

/** An integer 0..99 as two digits (pad2). */
function writeTwoDigits(out: Buffer, at: number, n: number): number {
  const tens = Math.floor(n / 10);
  out[at] = ZERO + tens;
  out[at + 1] = ZERO + n - tens * 10;
  return at + 2;
}

/** `String(value)` as bytes: whole numbers below 10^15 digit by digit, others through String. */
function writeNumber(out: Buffer, at: number, value: number): number {
  if (!(Number.isInteger(value) && value >= 0 && value < 1e15)) return writeRaw(out, at, String(value));
  let digits = 1;
  for (let power = 10; power <= value; power *= 10) digits++;
  const end = at + digits;
  let rest = value;
  for (let k = end - 1; k >= at; k--) {
    const next = Math.floor(rest / 10);
    out[k] = ZERO + rest - next * 10;
    rest = next;
  }
  return end;
}

/** Minutes with at most 3 decimals (0.06 s), trailing zeros dropped, as bytes; nothing for NaN. */
function writeMinutes(out: Buffer, at: number, minutes: number): number {
  return Number.isNaN(minutes) ? at : writeNumber(out, at, Math.round(minutes * 1000) / 1000);
}

/** `csvText(value)` as bytes; text with nothing to flatten or quote (nearly all) is copied as it is checked, making no string. */
function writeCsvText(out: Buffer, at: number, value: string): number {
  const length = value.length;
  let i = at;
  if (length > 0) {
    const first = value.charCodeAt(0);
    // csvText's formula guard: text starting with = + - @ or a tab gets an apostrophe first.
    if (first === 61 || first === 43 || first === 45 || first === 64 || first === 9) out[i++] = 39;
  }
  for (let k = 0; k < length; k++) {
    const code = value.charCodeAt(k);
    // A quote, comma, line break or non-ASCII character: the general path (quoting, flattening,
    // UTF-8) writes over from the start.
    if (code === 34 || code === COMMA || code === 10 || code === 13 || code > 127) return writeRaw(out, at, csvText(value));
    out[i + k] = code;
  }
  return i + length;
}
