/**
 * The shipped profiles on the real CAD extracts in ../shared/data/cfs (read in place, never copied
 * into the repository); their READMEs give the facts checked here.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importCalls } from "../../src/import/importer.js";
import { loadMapping } from "../../src/import/mapping.js";
import { emptyCallTableRow, parseCallTableLine } from "../../src/streams/call-table.js";
import { SAN_DIEGO_EXPORT, SAN_LUIS_OBISPO_EXPORT, scratch, SHARED_CFS } from "./helpers.js";

const s = scratch();
afterAll(s.cleanup);
const present = existsSync(SAN_DIEGO_EXPORT) && existsSync(SAN_LUIS_OBISPO_EXPORT);
const count = (tally: { skipped: Map<string, { count: number }> }, reason: string) => tally.skipped.get(reason)?.count ?? 0;

function rows(table: string) {
  return table
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const row = emptyCallTableRow();
      expect(parseCallTableLine(line, row, true)).toBeNull();
      return row;
    });
}

describe.skipIf(!present)("the San Diego extract with the san-diego profile", () => {
  const out = join(s.folder, "san-diego.csv");
  const { tally, lookup } = importCalls({ file: SAN_DIEGO_EXPORT, mapping: loadMapping("data/mappings/san-diego.yaml"), out });
  const table = readFileSync(out, "utf8");

  it("reads all 28,970 rows and accounts for every one: kept, or skipped for a named reason", () => {
    expect(tally.rowsRead).toBe(28_970);
    const skipped = [...tally.skipped.values()].reduce((sum, t) => sum + t.count, 0);
    expect(tally.kept + skipped).toBe(28_970);
    expect(tally.kept).toBe(17_399);
    expect(count(tally, "excluded: all-units information broadcast (AU codes), not a dispatch")).toBe(1_207);
    expect(count(tally, "excluded: no unit dispatched (disposition W: cancelled before dispatch)")).toBe(873);
  });

  it("writes the calls in received order over the 22 days of the extract, one line each", () => {
    const calls = rows(table);
    expect(calls.length).toBe(17_399);
    expect(calls.every((c, i) => i === 0 || c.receivedSec >= calls[i - 1].receivedSec)).toBe(true);
    expect(table.split("\n")[1]).toBe("2023-01-01T00:05:00,other,3,export,0,0,,,,,,0,,,,E23010000010,124,459A,BURGLARY ALARM,11");
    expect(tally.callsByDay.size).toBe(22);
  });

  it("marks the calls cancelled by disposition CAN or X, as counted independently (Python csv, the same exclusions)", () => {
    expect(tally.measures.cancelled).toBe(1_824);
    expect(rows(table).filter((c) => c.cancelled === true).length).toBe(1_824);
  });

  it("maps SDPD priorities 0-4 and 9 onto 1-4 and describes codes with the city's code list", () => {
    expect(tally.exportPriorities).toBe(17_399);
    expect([...tally.categories.values()].every((c) => c.byPriority.length <= 4)).toBe(true);
    expect(lookup?.notes).toEqual(["code 'FP' is listed twice: 'FOOT PURSUIT' kept, 'WARRANT' ignored"]);
  });

  it("leaves few call types unmapped, and lists them", () => {
    expect(tally.unmappedCalls / tally.kept).toBeLessThan(0.01);
    expect(tally.unmapped.size).toBeGreaterThan(0);
  });

  it("finds no observed times: the export has only the call's creation time", () => {
    expect(tally.observed.arrivedMin.count + tally.observed.dispatchedMin.count).toBe(0);
  });
});

describe.skipIf(!present)("the San Luis Obispo extract with the san-luis-obispo profile", () => {
  const out = join(s.folder, "slo.csv");
  const { tally } = importCalls({ file: SAN_LUIS_OBISPO_EXPORT, mapping: loadMapping("data/mappings/san-luis-obispo.yaml"), out });
  const table = readFileSync(out, "utf8");

  it("reads all 19,961 records although quoted fields hold line breaks, and numbers lines as an editor does", () => {
    expect(tally.rowsRead).toBe(19_961);
    // Case 210915099 is the 100th record and starts on line 198 of the file (grep -n agrees).
    expect(table).toContain(",210915099,PN3,9-1-1 ABANDON,,198\n");
  });

  it("leaves out on-view calls, recognised across columns, calls no unit was sent to, and calls the scraper read twice, counting each", () => {
    // Counted independently (Python csv): no dispatch time and arrived 0 minutes (1,616) or 1 minute (1,391) after received.
    expect(count(tally, "excluded: officer-initiated (on view) - no dispatch time, a unit on scene within a minute of the call")).toBe(1_616 + 1_391);
    expect(count(tally, "excluded: no unit sent (neither a dispatch nor an arrival time)")).toBe(245);
    const duplicates = count(tally, "duplicate row (same id and received time as an earlier row)") + count(tally, "duplicate id with different values (same id and received time; the first row is kept)");
    expect(duplicates).toBe(833);
    expect(tally.kept).toBe(19_961 - 3_007 - 245 - 833);
    expect(tally.warnings).toEqual([]);
  });

  it("counts the units of each call from its list of unit ids, and marks cancelled calls", () => {
    const calls = rows(table);
    expect(calls.every((c) => Number.isInteger(c.units) && c.units >= 0 && c.units <= 4)).toBe(true);
    expect(tally.measures.unitsTotal / tally.measures.unitsCalls).toBeGreaterThan(1.5);
    expect(tally.measures.unitsTotal / tally.measures.unitsCalls).toBeLessThan(1.7);
    expect(calls.filter((c) => c.cancelled === true).length).toBe(tally.measures.cancelled);
    expect(calls.filter((c) => !(c.arrivedMin >= 0)).every((c) => c.cancelled === true)).toBe(true);
    expect(calls.filter((c) => c.arrivedMin >= 0 && c.cancelled).length).toBeGreaterThan(0); // "Call Cancelled" after an arrival
  });

  it("takes priorities from the taxonomy, since the log has none", () => {
    expect(tally.exportPriorities).toBe(0);
    expect(rows(table).every((c) => c.prioritySource === "taxonomy")).toBe(true);
  });

  it("measures dispatch delay and response time, with arrivals after midnight on the next day", () => {
    expect(tally.observedDropped.size).toBe(0);
    expect(tally.observed.dispatchedMin.count).toBe(13_236 - 678);
    expect(tally.observed.arrivedMin.quantile(0.5)).toBeGreaterThan(10);
    expect(tally.observed.arrivedMin.quantile(0.5)).toBeLessThan(20);
    expect(tally.observed.onSceneMin.count).toBe(0);
  });
});

describe.skipIf(!present)("the whole San Luis Obispo log, with no exclusions", () => {
  it("finds exactly the README's 1,013 repeated case numbers, and its 151 arrivals after midnight less 7 repeats", () => {
    const text = readFileSync("data/mappings/san-luis-obispo.yaml", "utf8").replace("taxonomy: ../taxonomy/", `taxonomy: ${process.cwd()}/data/taxonomy/`);
    const mapping = loadMapping(s.file("all.yaml", text.slice(0, text.indexOf("\nexclude:"))));
    const out = join(s.folder, "all.csv");
    const { tally } = importCalls({ file: SAN_LUIS_OBISPO_EXPORT, mapping, out });
    // 1,010 rows repeat exactly; 3 differ in some column, 2 of them only in columns the table does not keep.
    expect(count(tally, "duplicate row (same id and received time as an earlier row)")).toBe(1_012);
    expect(count(tally, "duplicate id with different values (same id and received time; the first row is kept)")).toBe(1);
    const afterMidnight = rows(readFileSync(out, "utf8")).filter((c) => c.receivedSec % 86_400 + c.arrivedMin * 60 >= 86_400);
    expect(afterMidnight.length).toBe(144);
  });
});

const MINNEAPOLIS_EXPORT = join(SHARED_CFS, "minneapolis/mpls_911_police_calls_2020-06-21_to_2020-07-13.csv");

describe.skipIf(!existsSync(MINNEAPOLIS_EXPORT))("the Minneapolis extract with the minneapolis profile", () => {
  const out = join(s.folder, "mpls.csv");
  const mapping = loadMapping("data/mappings/minneapolis.yaml");
  const { tally } = importCalls({ file: MINNEAPOLIS_EXPORT, mapping, out });
  const measures = tally.measures;

  // Every count below was computed independently from the CSV (Python csv and datetime).
  it("leaves out on-view calls recognised across columns: not a 911 call, a unit assigned 0 to 30 seconds after the pickup", () => {
    expect(tally.rowsRead).toBe(14_199);
    expect(count(tally, "excluded: officer-initiated (on view) - not a 911 call, a unit assigned within 30 seconds of the pickup")).toBe(1_838);
    expect(tally.kept).toBe(12_361);
    expect(tally.warnings).toEqual([]);
  });

  it("measures the processing delay from the queued time, and cancellations from the CNL disposition", () => {
    expect(measures.processingMethod).toBe("queued");
    expect(measures.processingSamples().all.count).toBe(12_350);
    expect(measures.cancelled).toBe(618);
  });

  it("imports the initial type and priority beside the final ones, and measures intake recoding", () => {
    // Priorities 0 and 1 both map to resim 1, so a change between them is no change.
    expect(measures.initialPriorityCalls).toBe(12_361);
    expect(measures.priorityChanged).toBe(1_240);
    const codedAs = measures.codedAs();
    expect(Object.keys(codedAs)).toContain("welfare-check");
    for (const row of Object.values(codedAs)) expect(Object.values(row).reduce((a, b) => a + b, 0)).toBeLessThan(1);
    expect(tally.unmappedCalls / tally.kept).toBeLessThan(0.01);
  });
});
