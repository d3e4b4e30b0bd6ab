/**
 * Compatibility: call tables written before the queued, cancelled, units and initial columns
 * still replay, and the shipped mappings (as they were before the mapping format grew) import
 * the real extracts into exactly the calls they did, column for column.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importCalls } from "../../src/import/importer.js";
import { loadMapping } from "../../src/import/mapping.js";
import { CALL_TABLE_COLUMNS, emptyCallTableRow, LEGACY_CALL_TABLE_HEADER, parseCallTableLine } from "../../src/streams/call-table.js";
import { formatCallTableRow } from "../../src/streams/call-table-writer.js";
import { scanCallTable } from "../../src/streams/call-table-scan.js";
import { SAN_DIEGO_EXPORT, SAN_LUIS_OBISPO_EXPORT, scratch } from "./helpers.js";

const s = scratch();
afterAll(s.cleanup);

/** A table line without the five columns added after cleared_min (the legacy layout). */
function legacy(line: string): string {
  const fields = line.split(",");
  return [...fields.slice(0, 10), ...fields.slice(15)].join(",");
}

describe("call tables of the 15-column layout", () => {
  it("parse, with the fields they lack unknown, even when a text column holds quoted commas", () => {
    for (const line of [
      "2023-01-31T13:45:00,mental-health,2,export,1,0,4.5,,12,,E1,521,5150,MENTAL CASE,17",
      '2023-01-31T13:45:00,mental-health,2,export,1,0,4.5,,12,,"a,b,c,d,e",521,5150,"x,y",17',
      '2023-01-31T13:45:00,other,3,taxonomy,0,0,,,,,,,"1,2,3",,9',
      "2023-01-31T13:45:00,other,3,taxonomy,0,0,,,,,,,,,9",
    ]) {
      const row = { ...emptyCallTableRow(), queuedMin: 3, cancelled: true, units: 2, initialCategory: "violent", initialPriority: 1 };
      expect(parseCallTableLine(line, row, true)).toBeNull();
      expect([row.queuedMin, row.cancelled, row.units, row.initialCategory, row.initialPriority]).toEqual([NaN, null, NaN, "", NaN]);
      expect(row.line).toBe(Number(line.slice(line.lastIndexOf(",") + 1)));
    }
    const row = emptyCallTableRow();
    parseCallTableLine('2023-01-31T13:45:00,mental-health,2,export,1,0,4.5,,12,,"a,b,c,d,e",521,5150,"x,y",17', row, true);
    expect([row.id, row.zone, row.type, row.typeDescription, row.arrivedMin]).toEqual(["a,b,c,d,e", "521", "5150", "x,y", 12]);
  });

  it("are accepted by the replay's scan under their old header", () => {
    const lines = ["2023-01-02T08:00:00,other,3,taxonomy,0,0,5,,15,,210915002,PN10,Assist Req,,4", '2023-01-02T09:00:00,violent,1,taxonomy,0,1,1,,6,,"A,1",PN1,Shots,,7'];
    const file = s.file("legacy.csv", `${LEGACY_CALL_TABLE_HEADER}\n${lines.join("\n")}\n`);
    const scan = scanCallTable(file);
    expect(scan.calls).toBe(2);
    expect(scan.arrivedCalls).toBe(2);
    expect(LEGACY_CALL_TABLE_HEADER.split(",")).toHaveLength(15);
  });

  it("and the current layout writes the new columns before id, parsed back exactly", () => {
    const row = { ...emptyCallTableRow(), receivedSec: 1_675_172_700, category: "violent", queuedMin: 0.25, cancelled: false, units: 3, initialCategory: "disturbance", initialPriority: 2, id: "x", line: 5 };
    const line = formatCallTableRow(row);
    expect(line.split(",").slice(10, 16)).toEqual(["0.25", "0", "3", "disturbance", "2", "x"]);
    expect(CALL_TABLE_COLUMNS.slice(10, 15)).toEqual(["queued_min", "cancelled", "units", "initial_category", "initial_priority"]);
    const back = emptyCallTableRow();
    expect(parseCallTableLine(line, back, true)).toBeNull();
    expect(back).toEqual(row);
    expect(parseCallTableLine(line.replace(",0,3,", ",yes,3,"), back)).toEqual(["cancelled", "expected 1, 0 or nothing, got 'yes'"]);
    expect(parseCallTableLine(line.replace(",0,3,", ",0,1.5,"), back)).toEqual(["units", "expected a whole number of units >= 0 or nothing, got '1.5'"]);
  });
});

const sha = (text: string) => createHash("sha256").update(text).digest("hex");
/** The table's text in the 15-column layout. */
const projected = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .map((line, i) => (i === 0 || line === "" ? line : legacy(line)))
    .join("\n")
    .replace(/^[^\n]*/, LEGACY_CALL_TABLE_HEADER);

// The san-luis-obispo mapping as shipped before issue 10 (one-column exclusion, no units or cancelled).
const OLD_SAN_LUIS_OBISPO = `
name: san-luis-obispo
timeZone: America/Los_Angeles
taxonomy: ${JSON.stringify(join(process.cwd(), "data/taxonomy/san-luis-obispo.yaml"))}
columns:
  id: case_number
  received:
    date: { column: date, format: "MM/DD/YY" }
    time: { column: received, format: "HH:mm" }
  type: type
  zone: grid_location
  dispatched: { column: dispatched, format: "HH:mm" }
  arrived: { column: arrived, format: "HH:mm" }
  cleared: { column: cleared, format: "HH:mm" }
exclude:
  - column: dispatched
    empty: true
    reason: no dispatch time (officer-initiated, or no unit sent)
`;

describe.skipIf(!existsSync(SAN_DIEGO_EXPORT) || !existsSync(SAN_LUIS_OBISPO_EXPORT))("the shipped mappings on the real extracts", () => {
  // SHA-256 of the tables written before the new columns existed (commit fbb3452, resim import --profile ...).
  it("san-diego writes exactly the table it wrote before, in the old columns", () => {
    const out = join(s.folder, "sd.csv");
    importCalls({ file: SAN_DIEGO_EXPORT, mapping: loadMapping("data/mappings/san-diego.yaml"), out });
    expect(sha(projected(out))).toBe("52fe2c9754115377416e16c85cffa8b4faaec08ee8c36d08c3948ab004c1215f");
  });

  it("the san-luis-obispo mapping as it was writes exactly the table it wrote before, in the old columns", () => {
    const out = join(s.folder, "slo.csv");
    importCalls({ file: SAN_LUIS_OBISPO_EXPORT, mapping: loadMapping(s.file("old-slo.yaml", OLD_SAN_LUIS_OBISPO)), out });
    expect(sha(projected(out))).toBe("851d29b5e59ec4651ea43c0395e5cbf664993b5308a4c3eb707390280a90f58f");
  });
});
