/**
 * The importer on small hand-made exports: one test per way a row can go wrong, and the
 * guarantees (order, duplicates, determinism, bounded-memory sorting).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importCalls } from "../../src/import/importer.js";
import { loadMapping } from "../../src/import/mapping.js";
import { CALL_TABLE_HEADER } from "../../src/streams/call-table.js";
import { DataFileError } from "../../src/streams/data-file-error.js";
import { importTiny, scratch, TINY_HEADER, TINY_MAPPING } from "./helpers.js";

const s = scratch();
afterAll(s.cleanup);
const body = (table: string) => table.split("\n").slice(1, -1);
const reasons = (tally: { skipped: Map<string, { count: number; lines: number[] }> }) =>
  Object.fromEntries([...tally.skipped].map(([reason, t]) => [reason, [t.count, t.lines]]));

describe("importing an export", () => {
  it("writes the calls in received order, with observed times in minutes after received", () => {
    const { table, tally } = importTiny([
      "E2,2023-01-01 10:00:00,Welfare Check,B,521,2023-01-01 10:12:30,10:40",
      "E1,2023-01-01 09:00:00,Shooting,A,522,,",
    ]);
    expect(table.split("\n")[0]).toBe(CALL_TABLE_HEADER);
    expect(body(table)).toEqual([
      "2023-01-01T09:00:00,violent,1,export,0,1,,,,,,,,,,E1,522,Shooting,,3",
      "2023-01-01T10:00:00,welfare-check,3,export,1,0,,,12.5,40,,,,,,E2,521,Welfare Check,,2",
    ]);
    expect(tally).toMatchObject({ rowsRead: 2, kept: 2 });
  });

  it("counts every skipped row by reason with its line numbers: excluded, bad time, unknown priority, wrong field count, blank", () => {
    const { tally, table } = importTiny([
      "E1,2023-01-01 09:00:00,TRAFFIC STOP,B,1,,",
      "E2,2023-13-45 00:00:00,Noise,B,1,,",
      "E3,2023-01-01 09:05:00,Noise,C,1,,",
      "E4,2023-01-01 09:06:00,Noise,B,1",
      "",
      "E5,2023-01-01 09:07:00,Noise,B,1,,",
    ]);
    expect(reasons(tally)).toEqual({
      "excluded: officer-initiated": [1, [2]],
      "bad received time (column 'when')": [1, [3]],
      "unknown priority (column 'prio')": [1, [4]],
      "wrong number of fields": [1, [5]],
      "blank line": [1, [6]],
    });
    expect(tally.skipped.get("bad received time (column 'when')")?.example).toEqual({ line: 3, problem: { column: "when", message: "expected a timestamp like 2023-01-31 13:45:00, got '2023-13-45 00:00:00'" } });
    expect(tally.skipped.get("unknown priority (column 'prio')")?.example?.problem.message).toBe("expected one of 'A', 'B' (the mapping's priorities), got 'C'");
    expect(tally).toMatchObject({ rowsRead: 6, kept: 1 });
    expect(body(table).length).toBe(1);
  });

  it("keeps a call whose observed time is unreadable or impossible, leaving that time empty and reporting it", () => {
    const { tally, table } = importTiny([
      "E1,2023-01-01 09:00:00,Noise,B,1,soon,",
      "E2,2023-01-01 09:00:00,Noise,B,1,2023-01-01 08:59:00,",
      "E3,2023-01-01 09:00:00,Noise,B,1,2023-01-01 09:30:00,09:10",
    ]);
    expect(Object.fromEntries([...tally.observedDropped].map(([r, t]) => [r, t.lines]))).toEqual({
      "bad arrived time (column 'arrived')": [2],
      "arrived before received (column 'arrived')": [3],
      "cleared before arrived (column 'cleared')": [4],
    });
    expect(body(table).map((line) => line.split(",").slice(6, 10).join(","))).toEqual([",,,", ",,,", ",,30,"]);
  });

  it("reads a time of day earlier than the received time as the next day (a call crossing midnight)", () => {
    const { table } = importTiny(["E1,2023-01-01 23:50:00,Noise,B,1,2023-01-01 23:58:00,00:20"]);
    expect(body(table)[0].split(",").slice(8, 10)).toEqual(["8", "30"]);
  });

  it("drops a call read twice (same id and received time), keeps the first row, and says whether the rows differed", () => {
    const { tally, table } = importTiny([
      "E1,2023-01-01 09:00:00,Noise,B,1,,",
      "E2,2023-01-01 09:00:00,Theft,B,1,,",
      "E1,2023-01-01 09:00:00,Noise,B,1,,",
      "E2,2023-01-01 09:00:00,Theft,B,1,2023-01-01 09:20:00,",
    ]);
    expect(reasons(tally)).toEqual({
      "duplicate row (same id and received time as an earlier row)": [1, [4]],
      "duplicate id with different values (same id and received time; the first row is kept)": [1, [5]],
    });
    expect(body(table).map((line) => line.split(",").at(-1))).toEqual(["2", "3"]);
  });

  it("with strict, stops at the first bad row naming the file, line, column and value", () => {
    expect(() => importTiny(["E1,2023-01-01 09:00:00,Noise,B,1,,", "E2,2023-13-45,Noise,B,1,,"], { strict: true })).toThrow(
      /export\.csv: line 3, column 'when': expected a timestamp like 2023-01-31 13:45:00, got '2023-13-45'$/,
    );
    expect(() => importTiny(["E1,2023-01-01 09:00:00,Noise,B,1,late,"], { strict: true })).toThrow(/line 2, column 'arrived': expected a timestamp like/);
    // Excluded rows are not bad rows.
    expect(importTiny(["E1,2023-01-01 09:00:00,TRAFFIC STOP,B,1,,"], { strict: true }).tally.kept).toBe(0);
  });

  it("names a missing column, suggests the near miss and lists the columns the file has", () => {
    const mapping = loadMapping(s.file("priority.yaml", TINY_MAPPING.replace("priority: prio", "priority: prior")));
    const file = s.file("export.csv", `${TINY_HEADER}\nE1,2023-01-01 09:00:00,Noise,B,1,,\n`);
    expect(() => importCalls({ file, mapping, out: join(s.folder, "out.csv") })).toThrow(
      `${file}: line 1: has no column 'prior', which the mapping ${join(s.folder, "priority.yaml")} names, did you mean 'prio'?; the file's columns are: id, when, type, prio, beat, arrived, cleared`,
    );
  });

  it("stops when the received-time format fits none of the rows, instead of skipping them all", () => {
    expect(() => importTiny(["E1,01/01/2023 09:00,Noise,B,1,,", "E2,01/01/2023 09:01,Noise,B,1,,"])).toThrow(
      /line 2, column 'when': expected a timestamp like 2023-01-31 13:45:00, got '01\/01\/2023 09:00'; the received time of none of the first 2 rows fits the mapping's format/,
    );
  });

  it("reports a quoted field that is never closed at the line where its record starts", () => {
    expect(() => importTiny(["E1,2023-01-01 09:00:00,Noise,B,1,,", 'E2,2023-01-01 09:01:00,"Noise,B,1,,', "E3,2023-01-01 09:02:00,Noise,B,1,,"])).toThrow(
      /export\.csv: line 3: is not valid CSV: a quoted field that starts in this record is never closed/,
    );
  });

  it("counts lines as an editor does when quoted fields hold line breaks (CRLF, LF or CR)", () => {
    const { tally } = importTiny(['E1,2023-01-01 09:00:00,"Noise\r\nparty",B,1,,', 'E2,2023-01-01 09:01:00,"Noise\rX",B,1,,', "E3,bad,Noise,B,1,,"]);
    expect(tally.skipped.get("bad received time (column 'when')")?.lines).toEqual([6]);
  });

  it("refuses an empty file", () => {
    const mapping = loadMapping(s.file("tiny.yaml", TINY_MAPPING));
    const file = s.file("empty.csv", "");
    expect(() => importCalls({ file, mapping, out: join(s.folder, "out.csv") })).toThrow(new DataFileError(file, null, null, "is empty: it has no header row"));
  });

  it("gives the same table whether it sorts in memory or spills runs to disk and merges them", () => {
    const rows = Array.from({ length: 60 }, (_, i) => `E${i},2023-01-0${1 + (i % 3)} ${String(23 - (i % 24)).padStart(2, "0")}:00:00,Noise,B,1,,`);
    rows.push(rows[5], rows[17]);
    const inMemory = importTiny(rows);
    const spilled = importTiny(rows, { runSize: 7 });
    expect(spilled.table).toBe(inMemory.table);
    expect(spilled.tally.kept).toBe(60);
  });

  it("writes byte-identical tables for the same export", () => {
    const rows = ["E2,2023-01-01 10:00:00,Welfare Check,B,521,2023-01-01 10:12:30,10:40", "E1,2023-01-01 09:00:00,Mystery,A,522,,"];
    expect(importTiny(rows).table).toBe(importTiny(rows).table);
  });

  it("describes type codes with the city's code list, read next to the export, and notes codes listed twice", () => {
    const mapping = loadMapping(s.file("coded.yaml", `${TINY_MAPPING}typeLookup: { file: codes.csv, code: code, description: text }\n`));
    s.file("codes.csv", "\uFEFFcode,text,,\nW1,CHECK THE WELFARE,,\nW1,WARRANT,,\n");
    const file = s.file("coded-export.csv", `${TINY_HEADER}\nE1,2023-01-01 09:00:00,W1,B,1,,`);
    const { lookup } = importCalls({ file, mapping, out: join(s.folder, "coded.csv") });
    expect(readFileSync(join(s.folder, "coded.csv"), "utf8").split("\n")[1]).toBe("2023-01-01T09:00:00,welfare-check,3,export,1,0,,,,,,,,,,E1,1,W1,CHECK THE WELFARE,2");
    expect(lookup?.notes).toEqual(["code 'W1' is listed twice: 'CHECK THE WELFARE' kept, 'WARRANT' ignored"]);
  });
});
