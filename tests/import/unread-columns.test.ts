/**
 * The import decodes only the columns its mapping reads (csv-records.ts `readOnly`): the other
 * columns' values come as "" once the header is known. What the import reports about a record must
 * not change: a line break in any column (runaway quotes), a record with one field, and the
 * record-size limit, which counts characters.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CHUNK_BYTES, CsvRecordReader } from "../../src/import/csv-records.js";
import { importCalls } from "../../src/import/importer.js";
import { loadMapping } from "../../src/import/mapping.js";
import { DataFileError } from "../../src/streams/data-file-error.js";
import { MAX_LINE_BYTES } from "../../src/streams/input-file.js";
import { scratch, TINY_MAPPING } from "./helpers.js";

const s = scratch();
afterAll(s.cleanup);

/** The tiny export's columns between three the tiny mapping does not read: `note` (first), `remark` and `more`. */
const HEADER = "note,id,when,type,prio,beat,arrived,cleared,remark,more";
/** Rows enough to fill the first read chunk, whose records are parsed before the header is known. */
const FILLER = Array.from({ length: Math.ceil((2 * CHUNK_BYTES) / 50) }, (_, i) => `n,F${i},2023-01-01 08:00:00,Noise,B,1,,,x,y`);
const FIRST_LINE_AFTER_FILLER = FILLER.length + 2;

function importRows(rows: string[], strict = false) {
  const mapping = loadMapping(s.file("tiny.yaml", TINY_MAPPING));
  const file = s.file("export.csv", `${HEADER}\n${[...FILLER, ...rows].join("\n")}\n`);
  const out = join(s.folder, "table.csv");
  const { tally } = importCalls({ file, mapping, out, strict });
  return { tally, table: readFileSync(out, "utf8") };
}

describe("reading only the columns a mapping reads", () => {
  it("gives other columns' values as empty text, but keeps the first column and any value with a line break or a non-ASCII character", () => {
    const filler = Array.from({ length: Math.ceil((2 * CHUNK_BYTES) / "skip,read,skip,skip\n".length) }, () => "skip,read,skip,skip");
    const file = s.file("records.csv", `a,b,c,d\n${[...filler, 'one,two,"three\nlines",four', "üh,2,3,ß"].join("\n")}\n`);
    const reader = new CsvRecordReader(file, { delimiter: ",", encoding: "utf8" });
    reader.next();
    reader.readOnly([1], 4);
    const records: string[][] = [];
    for (let fields = reader.next(); fields !== null; fields = reader.next()) records.push(fields);
    // Records parsed with the header, from the first chunk, keep every value.
    expect(records[0]).toEqual(["skip", "read", "skip", "skip"]);
    expect(records[filler.length - 1]).toEqual(["skip", "read", "", ""]);
    expect(records[filler.length]).toEqual(["one", "two", "three\nlines", ""]);
    expect(records[filler.length + 1]).toEqual(["üh", "2", "", "ß"]);
  });

  it("writes the same calls as when every column is decoded", () => {
    const { table, tally } = importRows(["n,E1,2023-01-01 09:00:00,Shooting,A,522,,,free text,more text"]);
    expect(tally.kept).toBe(FILLER.length + 1);
    expect(table.split("\n").at(-2)).toBe(`2023-01-01T09:00:00,violent,1,export,0,1,,,,,,,,,,E1,522,Shooting,,${FIRST_LINE_AFTER_FILLER}`);
  });

  it("still reports a quoted field of an unread column that takes in whole rows, naming that column", () => {
    const { tally } = importRows([`n,E1,2023-01-01 09:00:00,Noise,B,1,,,"opens\nn,E2,2023-01-01 09:01:00,Noise,B,1,,,x,y\nand closes",y`]);
    const runaway = [...tally.skipped].find(([reason]) => reason.startsWith("quoted field runs on"))?.[1];
    expect(runaway?.lines).toEqual([FIRST_LINE_AFTER_FILLER]);
    expect(runaway?.example?.problem.message).toBe(
      `a quoted field in column 'remark' opens on this line and runs on to line ${FIRST_LINE_AFTER_FILLER + 2}, taking in 1 line(s) that look like whole rows: a quote is probably not closed`,
    );
  });

  it("still tells a record of one non-blank field from a blank line when the first column is not mapped", () => {
    const { tally } = importRows(["", "lonely"]);
    expect(tally.skipped.get("blank line")?.lines).toEqual([FIRST_LINE_AFTER_FILLER]);
    expect(tally.skipped.get("wrong number of fields")?.lines).toEqual([FIRST_LINE_AFTER_FILLER + 1]);
  });

  it("stops at a record whose unread values together pass the record-size limit, at that record's line", () => {
    const third = "x".repeat(Math.ceil(MAX_LINE_BYTES / 3) + 10);
    expect(() => importRows([`${third},E1,2023-01-01 09:00:00,Noise,B,1,,,${third},${third}`])).toThrow(
      new DataFileError(join(s.folder, "export.csv"), FIRST_LINE_AFTER_FILLER, null, "is not valid CSV: the record that starts here is longer than 1 MiB, the most resim reads as one row (a quoted field that is never closed?)"),
    );
  });

  it("counts an unread non-ASCII value's characters, not its bytes, towards that limit", () => {
    // Each value is 0.3 MB of characters but 0.6 MB of bytes: together under the limit in characters.
    const value = "é".repeat(Math.floor(0.3 * MAX_LINE_BYTES));
    const { tally } = importRows([`n,E1,2023-01-01 09:00:00,Noise,B,1,,,${value},${value}`]);
    expect(tally.kept).toBe(FILLER.length + 1);
  });
});
