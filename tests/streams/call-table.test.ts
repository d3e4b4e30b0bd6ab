import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CALL_TABLE_COLUMNS, CALL_TABLE_HEADER, emptyCallTableRow, parseCallTableLine, parseLocalIso, type CallTableRow } from "../../src/streams/call-table.js";
import { formatCallTableRow } from "../../src/streams/call-table-writer.js";
import { daysFromCivil } from "../../src/streams/civil-time.js";

const call = (extra: Partial<CallTableRow> = {}): CallTableRow => ({
  ...emptyCallTableRow(),
  receivedSec: daysFromCivil(2023, 1, 31) * 86_400 + 13 * 3600 + 45 * 60,
  category: "mental-health",
  priority: 2,
  behavioralHealth: true,
  dispatchedMin: 4.5,
  arrivedMin: 12,
  id: "E1",
  zone: "521",
  type: "5150",
  typeDescription: "MENTAL CASE",
  line: 17,
  ...extra,
});

describe("the call table", () => {
  it("writes a call on one line that parses back to the same call", () => {
    const original = call({ id: 'A "quoted", id', type: "line\r\nbreak", typeDescription: "x,y" });
    const line = formatCallTableRow(original);
    expect(line).toBe('2023-01-31T13:45:00,mental-health,2,export,1,0,4.5,,12,,,,,,,"A ""quoted"", id",521,line break,"x,y",17');
    const back = emptyCallTableRow();
    expect(parseCallTableLine(line, back, true)).toBeNull();
    expect(back).toEqual({ ...original, type: "line break" });
  });

  it("is ordinary CSV: csv-parse reads the header and the same values", () => {
    const text = `${CALL_TABLE_HEADER}\n${formatCallTableRow(call({ typeDescription: 'a "b", c' }))}\n`;
    const [header, row] = parse(text) as string[][];
    expect(header).toEqual([...CALL_TABLE_COLUMNS]);
    expect(row[CALL_TABLE_COLUMNS.indexOf("type_description")]).toBe('a "b", c');
    expect(row[CALL_TABLE_COLUMNS.indexOf("arrived_min")]).toBe("12");
  });

  it("rounds observed minutes to 3 decimals and writes nothing for a time not observed", () => {
    expect(formatCallTableRow(call({ dispatchedMin: 5 / 60, arrivedMin: NaN })).split(",").slice(6, 10)).toEqual(["0.083", "", "", ""]);
  });

  it("reads local times exactly, and nothing that is not a real date and time", () => {
    expect(parseLocalIso("2024-02-29T23:59:59")).toBe(daysFromCivil(2024, 2, 29) * 86_400 + 86_399);
    for (const text of ["2023-02-29T00:00:00", "2023-01-01T24:00:00", "2023-01-01 00:00:00", "2023-1-01T00:00:00", "2023-01-01T00:00"]) {
      expect(parseLocalIso(text)).toBeNaN();
    }
  });

  it("names the column of a bad value and says what it expected", () => {
    const line = formatCallTableRow(call());
    const row = emptyCallTableRow();
    expect(parseCallTableLine(line.replace(",2,export,", ",0,export,"), row)).toEqual(["priority", "expected an integer >= 1, got '0'"]);
    expect(parseCallTableLine(line.replace("mental-health", "Mental Health"), row)?.[0]).toBe("category");
    expect(parseCallTableLine(line.replace(",12,", ",-1,"), row)).toEqual(["arrived_min", "expected minutes >= 0 or nothing, got '-1'"]);
    expect(parseCallTableLine("2023-01-31T13:45:00,other,1", row)?.[1]).toMatch(/^is missing: the line has 3 fields, a call table has 20/);
  });
});
