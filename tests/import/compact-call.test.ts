/**
 * The import's compact row form and what carries it: the codec writes each call's table line
 * byte for byte as formatCallTableRow does and reads back every field the line states; the
 * external sort returns records in key order from memory and from spilled runs; the duplicate
 * filter keeps the first call of an id at a second; line numbers stay right across read chunks.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CallCodec, contentEnd, exportLineOf, idEnd, idStart, receivedSecOf, textLength, textStart } from "../../src/import/compact-call.js";
import { CsvRecordReader } from "../../src/import/csv-records.js";
import { DUPLICATE_ID, DUPLICATE_ROW, DuplicateFilter } from "../../src/import/duplicate-filter.js";
import { ExternalSorter } from "../../src/import/external-sort.js";
import { emptyImportedCall, type ImportedCall } from "../../src/import/row-mapper.js";
import { parseCallTableLine } from "../../src/streams/call-table.js";
import { formatCallTableRow } from "../../src/streams/call-table-writer.js";
import { scratch } from "./helpers.js";

const s = scratch();
afterAll(s.cleanup);

const DAY = 86_400;
const call = (over: Partial<ImportedCall>): ImportedCall => ({
  ...emptyImportedCall(),
  receivedSec: 19_388 * DAY + 13 * 3600 + 45 * 60 + 7,
  category: "mental-health",
  priority: 2,
  id: "E1",
  zone: "521",
  type: "5150",
  typeDescription: "MENTAL CASE",
  line: 17,
  ...over,
});

/** Calls with every kind of value a table line has to quote, flatten or leave empty. */
const CALLS: ImportedCall[] = [
  call({}),
  call({ receivedSec: 19_388 * DAY + 0.75, dispatchedMin: 1 / 3, enrouteMin: 0.0004, arrivedMin: 12.5, clearedMin: 90.1235, queuedMin: 0 }),
  call({ prioritySource: "taxonomy", behavioralHealth: true, weapon: true, cancelled: true, units: 3, initialCategory: "violent", initialPriority: 1 }),
  call({ cancelled: false, mapped: false, id: "", zone: "", type: "", typeDescription: "" }),
  call({ id: 'A,"b"', zone: "1\r\n2", type: "=SUM(A1)", typeDescription: "-x, +y @z\ttab" }),
  call({ id: "ünï", zone: "Zürich", type: "火事", typeDescription: "emoji 🚓, \"quoted\"\nline", line: 123_456_789 }),
  call({ id: "@lead", zone: "+1", type: "\tTAB", typeDescription: "plain", receivedSec: 2 * DAY - 1 }),
];

function encode(codec: CallCodec, c: ImportedCall): Buffer {
  const out = Buffer.alloc(codec.prepare(c));
  const length = codec.write(c, out, 0);
  return out.subarray(0, length);
}

describe("the compact row form", () => {
  it("writes each call's table line byte for byte as formatCallTableRow does", () => {
    const codec = new CallCodec();
    for (const c of CALLS) {
      const record = encode(codec, c);
      expect(record.toString("utf8", textStart(0), textStart(0) + textLength(record, 0))).toBe(formatCallTableRow(c));
      expect(record.length).toBe(textStart(0) + textLength(record, 0));
    }
  });

  it("reads back every field as the table line states it, as parsing the line would", () => {
    const codec = new CallCodec();
    for (const c of CALLS) {
      const record = encode(codec, c);
      const decoded = emptyImportedCall();
      codec.decode(record, 0, decoded);
      const parsed = emptyImportedCall();
      expect(parseCallTableLine(formatCallTableRow(c), parsed, true)).toBeNull();
      parsed.mapped = c.mapped;
      // The text columns are read back only for an unmapped call (the report lists its type).
      if (c.mapped) for (const key of ["id", "zone", "type", "typeDescription"] as const) decoded[key] = parsed[key];
      expect(decoded).toEqual(parsed);
      expect([receivedSecOf(record, 0), exportLineOf(record, 0)]).toEqual([parsed.receivedSec, c.line]);
    }
  });

  it("marks where the line's id and its content before the line number lie", () => {
    const codec = new CallCodec();
    for (const c of CALLS) {
      const record = encode(codec, c);
      const line = formatCallTableRow(c);
      const fields = line.slice(0, line.lastIndexOf(","));
      expect(record.toString("utf8", textStart(0), contentEnd(record, 0))).toBe(fields);
      const id = record.toString("utf8", idStart(record, 0), idEnd(record, 0));
      expect(id === "" ? "" : parseId(id)).toBe(c.id.replace(/\r\n|\r|\n/g, " ").replace(/^([=+\-@\t])/, "'$1"));
    }
  });

  it("locates a record's line, id, content and second as the one-field readers do", () => {
    const codec = new CallCodec();
    for (const c of CALLS) {
      const record = Buffer.concat([Buffer.alloc(5), encode(codec, c)]);
      codec.locate(record, 5);
      expect([codec.second, codec.textAt, codec.idAt, codec.idEndAt, codec.contentEndAt, codec.textEndAt]).toEqual([
        receivedSecOf(record, 5),
        textStart(5),
        idStart(record, 5),
        idEnd(record, 5),
        contentEnd(record, 5),
        textStart(5) + textLength(record, 5),
      ]);
    }
  });
});

/** A CSV field as written back to its text. */
function parseId(field: string): string {
  return field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
}

describe("sorting compact records", () => {
  const records = Array.from({ length: 50 }, (_, i) => ({ primary: (i * 37) % 11, secondary: i, bytes: Buffer.from(`record ${i} ${"x".repeat(i * 7)}`) }));
  const expected = [...records].sort((a, b) => a.primary - b.primary || a.secondary - b.secondary).map((r) => r.bytes.toString());

  for (const runSize of [1000, 3]) {
    it(`visits the records in key order with their bytes intact (run size ${runSize}${runSize === 3 ? ", spilled and merged" : ", in memory"})`, () => {
      const sorter = new ExternalSorter(runSize);
      for (const r of records) sorter.add(r.bytes, r.primary, r.secondary);
      const seen: string[] = [];
      sorter.sorted({ visit: (buffer, start, end) => seen.push(buffer.toString("utf8", start, end)) });
      expect(seen).toEqual(expected);
    });
  }

  it("merges records larger than a run file's read buffer", () => {
    const sorter = new ExternalSorter(1);
    const big = [Buffer.alloc(600_000, 97), Buffer.alloc(300_000, 98), Buffer.from("c")];
    big.forEach((bytes, i) => sorter.add(bytes, 3 - i, 0));
    const seen: number[] = [];
    sorter.sorted({ visit: (buffer, start, end) => seen.push(end - start, buffer[start]) });
    expect(seen).toEqual([1, 99, 300_000, 98, 600_000, 97]);
  });
});

describe("finding duplicate calls", () => {
  const codec = new CallCodec();
  const check = (filter: DuplicateFilter, c: ImportedCall) => {
    const record = encode(codec, c);
    return filter.check(receivedSecOf(record, 0), record, textStart(0), idStart(record, 0), idEnd(record, 0), contentEnd(record, 0));
  };

  it("keeps the first call of an id at a second and tells a repeated row from a changed one", () => {
    const filter = new DuplicateFilter();
    expect(check(filter, call({ line: 2 }))).toBeNull();
    expect(check(filter, call({ line: 9 }))).toBe(DUPLICATE_ROW);
    expect(check(filter, call({ line: 12, zone: "999" }))).toBe(DUPLICATE_ID);
    expect(check(filter, call({ line: 13, id: "E2" }))).toBeNull();
    expect(check(filter, call({ line: 14, id: 'A,"b"' }))).toBeNull();
    expect(check(filter, call({ line: 15, id: 'A,"b"' }))).toBe(DUPLICATE_ROW);
  });

  it("forgets the calls of a second once the next second starts, and never matches calls without an id", () => {
    const filter = new DuplicateFilter();
    expect(check(filter, call({ line: 2 }))).toBeNull();
    expect(check(filter, call({ line: 3, receivedSec: call({}).receivedSec + 1 }))).toBeNull();
    expect(check(filter, call({ line: 4, receivedSec: call({}).receivedSec + 1 }))).toBe(DUPLICATE_ROW);
    expect(check(filter, call({ line: 5, id: "" }))).toBeNull();
    expect(check(filter, call({ line: 6, id: "" }))).toBeNull();
  });
});

describe("reading records with their line numbers", () => {
  for (const [name, end] of [["LF", "\n"], ["CRLF", "\r\n"], ["CR", "\r"]] as const) {
    it(`numbers the lines of a file larger than a read chunk, with ${name} line ends and a quoted line break`, () => {
      const rows = ["id,text"];
      for (let i = 0, size = 0; size < 300_000; i++) {
        rows.push(i % 97 === 5 ? `${i},"two${end}lines"` : `${i},${"y".repeat(i % 13)}`);
        size += rows[rows.length - 1].length + end.length;
      }
      const file = join(s.folder, `lines-${name}.csv`);
      writeFileSync(file, rows.join(end) + end);
      const reader = new CsvRecordReader(file, { delimiter: ",", encoding: "utf8" });
      let line = 1;
      const wrong: number[] = [];
      for (let fields = reader.next(); fields !== null; fields = reader.next()) {
        if (reader.line !== line) wrong.push(line);
        line += fields[1].startsWith("two") ? 2 : 1;
      }
      expect([wrong.slice(0, 3), line]).toEqual([[], 1 + rows.length + rows.filter((r) => r.includes('"two')).length]);
    });
  }

  for (const encoding of ["utf8", "latin1"] as const) {
    it(`decodes every field as csv-parse alone does (${encoding}, characters split across read chunks)`, () => {
      const rows = ["id,text,more"];
      for (let i = 0; i < 12_000; i++) rows.push(`${i},"Zürich, ${"ü火🚓".repeat(i % 5)}",${i % 7 === 0 ? "" : "x\u00e9"}`);
      const file = join(s.folder, `fields-${encoding}.csv`);
      writeFileSync(file, rows.join("\n") + "\n");
      const reader = new CsvRecordReader(file, { delimiter: ",", encoding });
      const read: string[][] = [];
      for (let fields = reader.next(); fields !== null; fields = reader.next()) read.push(fields);
      expect(read).toEqual(parse(readFileSync(file), { encoding, relax_quotes: true, relax_column_count: true }));
    });
  }
});
