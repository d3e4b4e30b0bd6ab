/**
 * The import writes each call's table line straight to bytes (call-table-writer.ts): those bytes
 * must be the table's line as text, encoded as UTF-8, for every kind of value, or imported tables
 * would change; and the offsets it notes must point at the id and the export line number. The
 * text is `referenceLine` below: the string formatter the import used before it wrote bytes, kept
 * here as an independent statement of the format.
 */
import { describe, expect, it } from "vitest";
import { CALL_TABLE_COLUMNS, csvText, emptyCallTableRow, type CallTableRow } from "../../src/streams/call-table.js";
import { formatCivilDate, SECONDS_PER_DAY } from "../../src/streams/civil-time.js";
import { callTableRowBound, formatCallTableRow, writeCallTableRow, writtenRow } from "../../src/streams/call-table-writer.js";
import { createStream } from "../../src/random/streams.js";

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const minutes = (value: number) => (Number.isNaN(value) ? "" : String(Math.round(value * 1000) / 1000));

/** The table's line for `row`, as the import's string formatter wrote it (one field at a time). */
function referenceLine(row: CallTableRow): string {
  const days = Math.floor(row.receivedSec / SECONDS_PER_DAY);
  const ofDay = Math.floor(row.receivedSec - days * SECONDS_PER_DAY);
  const fields = [
    `${formatCivilDate(days)}T${pad2(Math.floor(ofDay / 3600))}:${pad2(Math.floor(ofDay / 60) % 60)}:${pad2(ofDay % 60)}`,
    row.category,
    String(row.priority),
    row.prioritySource,
    row.behavioralHealth ? "1" : "0",
    row.weapon ? "1" : "0",
    minutes(row.dispatchedMin),
    minutes(row.enrouteMin),
    minutes(row.arrivedMin),
    minutes(row.clearedMin),
    minutes(row.queuedMin),
    row.cancelled === null ? "" : row.cancelled ? "1" : "0",
    Number.isNaN(row.units) ? "" : String(row.units),
    row.initialCategory,
    Number.isNaN(row.initialPriority) ? "" : String(row.initialPriority),
    csvText(row.id),
    csvText(row.zone),
    csvText(row.type),
    csvText(row.typeDescription),
    String(row.line),
  ];
  expect(fields).toHaveLength(CALL_TABLE_COLUMNS.length);
  return fields.join(",");
}

const DAY = 86_400;

/** Text a CAD export may hold: plain codes, and every character the table must flatten, quote, guard or encode. */
const PIECES = ["", "E1", "415", "521", "5150", "MENTAL CASE", ",", '"', "\r\n", "\r", "\n", "=", "+", "-", "@", "\t", "'", " ", "ü", "火", "🚓", "\ud800", "\udc00", "é"];
/** Numbers of every shape String gives: whole, fractional, tiny, huge, negative, not a number. */
const NUMBERS = [0, -0, 1, 2, 9, 10, 99, 100, 12_345, 1 / 3, 0.0004, 0.0005, 12.5, 90.1235, -1, -0.0001, 1e15, 123_456_789_012, 1e21, 2.5e-7, NaN, Infinity, -Infinity];

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)];
}

function text(random: () => number): string {
  let value = "";
  const pieces = Math.floor(random() * 5);
  for (let i = 0; i < pieces; i++) value += pick(random, PIECES);
  return value;
}

function randomRow(random: () => number): CallTableRow {
  const receivedSec = pick(random, [
    19_388 * DAY + Math.floor(random() * DAY),
    19_388 * DAY + random() * DAY,
    -3 * DAY + 17,
    0,
    DAY - 1,
    400_000 * DAY + 5,
  ]);
  return {
    ...emptyCallTableRow(),
    receivedSec,
    category: pick(random, ["mental-health", "violent", "other", "zürich"]),
    priority: pick(random, [1, 2, 3, 4, ...NUMBERS]),
    prioritySource: pick(random, ["export", "taxonomy"] as const),
    behavioralHealth: random() < 0.5,
    weapon: random() < 0.5,
    dispatchedMin: pick(random, NUMBERS),
    enrouteMin: pick(random, NUMBERS),
    arrivedMin: pick(random, NUMBERS),
    clearedMin: pick(random, NUMBERS),
    queuedMin: pick(random, NUMBERS),
    cancelled: pick(random, [null, true, false]),
    units: pick(random, NUMBERS),
    initialCategory: pick(random, ["", "violent", "mental-health"]),
    initialPriority: pick(random, NUMBERS),
    id: text(random),
    zone: text(random),
    type: text(random),
    typeDescription: text(random),
    line: pick(random, [2, 17, 123_456_789, 1e15, 4_294_967_296]),
  };
}

/** Writes `row` into a buffer with the room the bound asks for, past some bytes already used. */
function written(row: CallTableRow): { bytes: Buffer; start: number; end: number } {
  const start = 7;
  const bytes = Buffer.alloc(start + callTableRowBound(row), 0xee);
  const end = writeCallTableRow(row, bytes, start);
  return { bytes, start, end };
}

describe("writing a call table line as bytes", () => {
  it("writes the bytes of the table's line, within the room it asks for, for 20,000 varied calls", () => {
    const random = createStream(20261201, 0, "call-table-writer");
    for (let i = 0; i < 20_000; i++) {
      const row = randomRow(random);
      const { bytes, start, end } = written(row);
      const expected = Buffer.from(referenceLine(row), "utf8");
      if (!bytes.subarray(start, end).equals(expected)) expect([i, bytes.toString("utf8", start, end)]).toEqual([i, expected.toString("utf8")]);
      expect(end).toBeLessThanOrEqual(bytes.length);
      // As text the line reads back from those bytes (a lone surrogate becomes U+FFFD, as in a file).
      if (i < 2000) expect(Buffer.from(formatCallTableRow(row), "utf8").equals(expected)).toBe(true);
    }
  });

  it("notes where the id starts and ends and where the comma before the export line number is", () => {
    const random = createStream(20261201, 1, "call-table-writer");
    for (let i = 0; i < 2000; i++) {
      const row = randomRow(random);
      const { bytes, start, end } = written(row);
      const line = bytes.toString("utf8", start, end);
      expect(bytes.toString("utf8", writtenRow.lineComma, end)).toBe(`,${String(row.line)}`);
      // The id is the 16th column; the columns before it never hold a comma.
      const beforeId = line.split(",").slice(0, 15).join(",").length + 1;
      expect(Buffer.byteLength(line.slice(0, beforeId))).toBe(writtenRow.idStart - start);
      expect(bytes[writtenRow.idEnd]).toBe(44);
    }
  });

  it("writes the received time, the flags and the empty columns of a plain call", () => {
    const row = { ...emptyCallTableRow(), receivedSec: 19_388 * DAY + 13 * 3600 + 45 * 60 + 7, category: "violent", id: "=1", zone: "521", line: 42 };
    const { bytes, start, end } = written(row);
    expect(bytes.toString("utf8", start, end)).toBe("2023-01-31T13:45:07,violent,1,export,0,0,,,,,,,,,,'=1,521,,,42");
  });
});
