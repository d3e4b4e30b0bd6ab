/**
 * Timestamp formats of CAD exports, as a mapping file writes them: `YYYY-MM-DD HH:mm:ss`,
 * `MM/DD/YY`, `HH:mm`, `h:mm:ss A`, or one of `iso`, `epoch-ms`, `epoch-s`. A format compiles
 * once into a small parser that walks the value character by character (no regular expression,
 * no allocation), because it runs on every row of exports with millions of rows.
 *
 * Parsed values are civil seconds on the city's wall clock (see streams/civil-time.ts): since
 * 1970-01-01 00:00 for a date and time, for midnight of a date, or since midnight for a time of
 * day. Formats that carry an instant (epoch, ISO with an offset) are turned into the city's wall
 * clock with its time zone. Every value is checked: a 31 February or a 25:00 is not a time.
 */
import { daysFromCivil, daysInMonth, SECONDS_PER_DAY } from "../streams/civil-time.js";
import type { TimeZone } from "./time-zone.js";

/** What a format holds: a date and a time, a date only, or a time of day only. */
export type FormatKind = "datetime" | "date" | "time";

/** A compiled timestamp format. */
export interface TimestampFormat {
  /** As written in the mapping. */
  text: string;
  kind: FormatKind;
  /** 2023-01-31 13:45:00 written in this format, for messages. */
  example: string;
  /** The clock its hours are on: 12 (h or hh with AM/PM), 24, or null for a date only. */
  clock: 12 | 24 | null;
  /** Civil seconds (see the file header), or NaN when the value does not match. */
  parse(value: string): number;
}

/** The tokens a format may use, as listed in messages. */
export const FORMAT_TOKENS = "YYYY, YY, MM, M, DD, D, HH, H, hh, h, mm, ss, S (fraction of a second), A (AM/PM)";

type Field = "year" | "year2" | "month" | "day" | "hour" | "hour12" | "minute" | "second" | "fraction";
type Op = { field: Field; min: number; max: number } | { literal: number } | { ampm: true };

const TOKENS: Record<string, { field: Field; min: number; max: number } | { ampm: true }> = {
  YYYY: { field: "year", min: 4, max: 4 },
  YY: { field: "year2", min: 2, max: 2 },
  MM: { field: "month", min: 2, max: 2 },
  M: { field: "month", min: 1, max: 2 },
  DD: { field: "day", min: 2, max: 2 },
  D: { field: "day", min: 1, max: 2 },
  HH: { field: "hour", min: 2, max: 2 },
  H: { field: "hour", min: 1, max: 2 },
  hh: { field: "hour12", min: 2, max: 2 },
  h: { field: "hour12", min: 1, max: 2 },
  mm: { field: "minute", min: 2, max: 2 },
  ss: { field: "second", min: 2, max: 2 },
  A: { ampm: true },
};

/** Raised for a format that cannot be compiled; the message completes "<format> ...". */
export class FormatError extends Error {
  override name = "FormatError";
}

/** Compiles a format. `zone` converts instants (epoch, ISO with offset) to the city's clock. */
export function compileFormat(text: string, zone: TimeZone): TimestampFormat {
  if (text === "epoch-ms" || text === "epoch-s") return epochFormat(text, zone);
  if (text === "iso") return isoFormat(zone);
  const ops = tokenize(text);
  const fields = new Set(ops.flatMap((op) => ("field" in op ? [op.field] : "ampm" in op ? ["ampm"] : [])));
  const hasDate = fields.has("year") || fields.has("year2") || fields.has("month") || fields.has("day");
  const hasTime = fields.has("hour") || fields.has("hour12") || fields.has("minute");
  const fullDate = (fields.has("year") || fields.has("year2")) && fields.has("month") && fields.has("day");
  const fullTime = (fields.has("hour") || fields.has("hour12")) && fields.has("minute");
  if (hasDate && !fullDate) throw new FormatError("must give a whole date (year, month and day) or none");
  if (hasTime && !fullTime) throw new FormatError("must give hours and minutes (HH:mm) or no time");
  if (!hasDate && !hasTime) throw new FormatError(`holds neither a date nor a time (use ${FORMAT_TOKENS}, or 'iso', 'epoch-ms', 'epoch-s')`);
  if (fields.has("hour12") !== fields.has("ampm")) throw new FormatError("must use h or hh (12-hour clock) together with A (AM/PM), and HH or H without it");
  const kind: FormatKind = hasDate && hasTime ? "datetime" : hasDate ? "date" : "time";
  const clock = fields.has("hour12") ? 12 : hasTime ? 24 : null;
  return new PatternFormat(text, kind, render(ops), clock, ops);
}

/**
 * A format of tokens. `parse` is one method for every mapping loaded: a closure per format would
 * be a new call target at each load, and the row mapper's optimised code, made for one import's
 * formats, would be thrown away at the next import.
 */
class PatternFormat implements TimestampFormat {
  constructor(
    readonly text: string,
    readonly kind: FormatKind,
    readonly example: string,
    readonly clock: 12 | 24 | null,
    private readonly ops: readonly Op[],
  ) {}

  parse(value: string): number {
    return parseWith(this.ops, value.trim(), this.kind);
  }
}

function tokenize(text: string): Op[] {
  const ops: Op[] = [];
  let seenFields = new Set<Field>();
  for (let i = 0; i < text.length; ) {
    const char = text[i];
    if (/[A-Za-z]/.test(char) && char !== "T") {
      let j = i;
      while (j < text.length && text[j] === char) j++;
      const run = text.slice(i, j);
      const token = char === "S" ? { field: "fraction" as const, min: run.length, max: run.length } : TOKENS[run];
      if (token === undefined) throw new FormatError(`has an unknown token '${run}' (use ${FORMAT_TOKENS})`);
      if ("field" in token) {
        if (seenFields.has(token.field)) throw new FormatError(`gives '${run}' twice`);
        seenFields = new Set([...seenFields, token.field]);
      }
      ops.push(token);
      i = j;
    } else {
      ops.push({ literal: text.charCodeAt(i) });
      i++;
    }
  }
  return ops;
}

/** The example timestamp, 2023-01-31 13:45:00, in this format. */
function render(ops: readonly Op[]): string {
  const sample: Record<Field, string> = { year: "2023", year2: "23", month: "01", day: "31", hour: "13", hour12: "01", minute: "45", second: "00", fraction: "0" };
  return ops
    .map((op) => {
      if ("literal" in op) return String.fromCharCode(op.literal);
      if ("ampm" in op) return "PM";
      if (op.field === "fraction") return "0".repeat(op.min);
      const value = sample[op.field];
      return op.min === 1 && value.startsWith("0") ? value.slice(1) : value;
    })
    .join("");
}

function parseWith(ops: readonly Op[], value: string, kind: FormatKind): number {
  let year = 1970;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let fraction = 0;
  let pm = -1;
  let i = 0;
  for (const op of ops) {
    if ("literal" in op) {
      if (value.charCodeAt(i) !== op.literal) return NaN;
      i++;
    } else if ("ampm" in op) {
      const marker = value.slice(i, i + 2).toUpperCase();
      if (marker !== "AM" && marker !== "PM") return NaN;
      pm = marker === "PM" ? 1 : 0;
      i += 2;
    } else {
      let number = 0;
      let count = 0;
      while (count < op.max) {
        const digit = value.charCodeAt(i) - 48;
        if (!(digit >= 0 && digit <= 9)) break;
        number = number * 10 + digit;
        count++;
        i++;
      }
      if (count < op.min) return NaN;
      switch (op.field) {
        case "year": year = number; break;
        case "year2": year = number < 70 ? 2000 + number : 1900 + number; break;
        case "month": month = number; break;
        case "day": day = number; break;
        case "hour": hour = number; break;
        case "hour12": hour = number; if (number < 1 || number > 12) return NaN; break;
        case "minute": minute = number; break;
        case "second": second = number; break;
        case "fraction": fraction = number / 10 ** count; break;
      }
    }
  }
  if (i !== value.length) return NaN;
  if (pm >= 0) hour = (hour % 12) + (pm === 1 ? 12 : 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return NaN;
  const ofDay = hour * 3600 + minute * 60 + second + fraction;
  if (kind === "time") return ofDay;
  return daysFromCivil(year, month, day) * SECONDS_PER_DAY + (kind === "date" ? 0 : ofDay);
}

function epochFormat(text: "epoch-ms" | "epoch-s", zone: TimeZone): TimestampFormat {
  const scale = text === "epoch-ms" ? 1000 : 1;
  return {
    clock: 24,
    text,
    kind: "datetime",
    example: text === "epoch-ms" ? "1675172700000" : "1675172700",
    parse: (value) => {
      const trimmed = value.trim();
      if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return NaN;
      return zone.civilFromUtc(Number(trimmed) / scale);
    },
  };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** ISO-8601: local wall-clock time without an offset, or an instant with `Z` or `+HH:MM`. */
function isoFormat(zone: TimeZone): TimestampFormat {
  return {
    clock: 24,
    text: "iso",
    kind: "datetime",
    example: "2023-01-31T13:45:00",
    parse: (value) => {
      const match = ISO.exec(value.trim());
      if (match === null) return NaN;
      const [year, month, day, hour, minute] = match.slice(1, 6).map(Number);
      const second = Number(match[6] ?? 0) + Number(match[7] ?? 0);
      if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second >= 60) return NaN;
      const civil = daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
      const offset = match[8];
      if (offset === undefined) return civil;
      if (offset === "Z") return zone.civilFromUtc(civil);
      const sign = offset[0] === "-" ? -1 : 1;
      const digits = offset.slice(1).replace(":", "");
      return zone.civilFromUtc(civil - sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2)) * 60));
    },
  };
}
