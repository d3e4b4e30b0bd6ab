/**
 * The mapping format's conditions across columns, the queued, units, initial-type and cancelled
 * columns, the warnings for rules that mark nothing and for time formats on two clocks, and the
 * taxonomy extended by name: on small hand-made exports whose figures are computed by hand.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatImportReport } from "../../src/import/import-report.js";
import { importCalls } from "../../src/import/importer.js";
import { loadMapping } from "../../src/import/mapping.js";
import { countIds } from "../../src/import/row-mapper.js";
import { loadTaxonomy } from "../../src/import/taxonomy.js";
import { ScenarioError } from "../../src/scenario/errors.js";
import { emptyCallTableRow, parseCallTableLine, type CallTableRow } from "../../src/streams/call-table.js";
import { DataFileError } from "../../src/streams/data-file-error.js";
import { scratch } from "./helpers.js";

const s = scratch();
afterAll(s.cleanup);

const RESIM_TAXONOMY = JSON.stringify(resolve("data/taxonomy/resim.yaml"));
const HEADER = "id,when,queued,dispatched,arrived,cleared,type,itype,prio,iprio,units,outcome";

/** A mapping of the rich test export, with `extra` YAML appended (exclude, cancelled, ...). */
function richMapping(extra = "", columns = ""): string {
  return `
name: rich
timeZone: America/Los_Angeles
taxonomy: ${RESIM_TAXONOMY}
columns:
  id: id
  received: { column: when, format: "YYYY-MM-DD HH:mm:ss" }
  queued: { column: queued, format: "HH:mm:ss" }
  dispatched: { column: dispatched, format: "HH:mm:ss" }
  arrived: { column: arrived, format: "HH:mm:ss" }
  cleared: { column: cleared, format: "HH:mm:ss" }
  type: type
  priority: prio
${columns}
priorities: { "1": 1, "2": 2, "3": 3 }
${extra}
`;
}

let imports = 0;
/** Imports rows (after HEADER) with a mapping's text; returns the tally, the calls and the summary. */
function run(mappingText: string, rows: string[], options: { strict?: boolean; header?: string } = {}) {
  const n = imports++;
  const mapping = loadMapping(s.file(`m${n}.yaml`, mappingText));
  const file = s.file(`e${n}.csv`, `${options.header ?? HEADER}\n${rows.join("\n")}\n`);
  const out = join(s.folder, `t${n}.csv`);
  const result = importCalls({ file, mapping, out, strict: options.strict });
  const calls = readFileSync(out, "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const row = emptyCallTableRow();
      expect(parseCallTableLine(line, row, true)).toBeNull();
      return row;
    });
  return { ...result, calls, mapping, summary: formatImportReport(file, mapping, result.tally, result.lookup) };
}

const ids = (calls: CallTableRow[]) => calls.map((c) => c.id);

describe("exclusion rules across columns", () => {
  // A: no dispatch, on scene the same minute (on view). B: no dispatch, on scene 5 minutes later.
  // C: dispatched and on scene at once. D: no dispatch, on scene 50 s after the call.
  const rows = [
    "A,2023-01-01 09:00:00,,,09:00:30,,Noise,,3,,,",
    "B,2023-01-01 09:10:00,,,09:15:00,,Noise,,3,,,",
    "C,2023-01-01 09:20:00,,09:20:00,09:20:00,,Noise,,3,,,",
    "D,2023-01-01 09:30:00,,,09:30:50,,Noise,,3,,,",
  ];

  it("an all-of rule marks a row only when every condition holds, comparing two of its times", () => {
    const { calls, tally } = run(
      richMapping(`exclude:
  - all:
      - { column: dispatched, empty: true }
      - { compare: [received, arrived], withinMin: 1 }
    reason: on view`),
      rows,
    );
    expect(ids(calls)).toEqual(["B", "C"]);
    expect(tally.skipped.get("excluded: on view")?.count).toBe(2);
  });

  it("an any-of rule marks a row when one condition holds; 'not' inverts a test", () => {
    const { calls } = run(
      richMapping(`exclude:
  - any:
      - { compare: [dispatched, arrived], withinMin: 0 }
      - { column: id, values: [b], ignoreCase: true }
    reason: either
  - all: [{ column: id, pattern: "^[A-C]$", not: true }]
    reason: not A to C`),
      rows,
    );
    expect(ids(calls)).toEqual(["A"]);
  });

  it("compares values case-sensitively unless ignoreCase is set", () => {
    expect(run(richMapping(`exclude:\n  - { column: type, values: [noise], reason: lower case }`), rows).calls).toHaveLength(4);
    expect(run(richMapping(`exclude:\n  - { column: type, values: [noise], ignoreCase: true, reason: any case }`), rows).calls).toHaveLength(0);
    expect(run(richMapping(`exclude:\n  - { column: type, pattern: "^NOISE$", ignoreCase: true, reason: any case }`), rows).calls).toHaveLength(0);
  });

  it("reports a rule that marks no row as a warning in the summary, and still imports", () => {
    const { calls, tally, summary } = run(richMapping(`exclude:\n  - { column: type, values: [TRAFFIC STOP], reason: traffic stops }`), rows);
    expect(calls).toHaveLength(4);
    expect(tally.warnings).toEqual(["exclude[0] ('traffic stops') marked no row: check its column and values against the export"]);
    expect(summary).toContain("WARNING: exclude[0] ('traffic stops') marked no row");
  });

  it("refuses a comparison of a time the mapping does not give, and a rule mixing a column test with all, naming the key path", () => {
    const text = richMapping(`exclude:
  - all: [{ compare: [received, enRoute], withinMin: 1 }]
    reason: r
  - { column: id, values: [A], all: [{ column: id, empty: true }], reason: r }`);
    try {
      loadMapping(s.file("bad-rule.yaml", text));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      const issues = (error as ScenarioError).issues.map((i) => `${i.path.join(".")}: ${i.message}`);
      expect(issues[0]).toBe("exclude.0.all.0.compare.1: names 'enRoute', which the mapping's columns do not give (it has: received, dispatched, arrived, cleared, queued)");
      expect(issues[1]).toMatch(/^exclude\.1: must be one column's test .* got more than one$/);
    }
  });

  it("keeps every existing one-column rule working as before", () => {
    const { calls } = run(richMapping(`exclude:\n  - { column: dispatched, empty: true, reason: no dispatch }`), rows);
    expect(ids(calls)).toEqual(["C"]);
  });
});

describe("time formats on two clocks", () => {
  const mapping = `
name: clocks
timeZone: America/Chicago
taxonomy: ${RESIM_TAXONOMY}
columns:
  received: { column: when, format: ["MM/DD/YY h:mm:ss A", "MM/DD/YY H:mm:ss"] }
  type: type
`;
  // San Antonio's case: afternoon times lost their PM and read as morning on the 24-hour pattern.
  const rows = ["01/01/24 12:20:50 AM,Noise", "01/01/24 4:19:08,Noise", "01/01/24 5:01:46,Noise", "01/01/24 1:15:36 PM,Noise"];

  it("warns, naming the column and both patterns with the values each read, when a 12-hour and a 24-hour pattern both read values", () => {
    const { tally, summary } = run(mapping, rows, { header: "when,type" });
    expect(tally.kept).toBe(4);
    expect(tally.warnings).toHaveLength(1);
    expect(tally.warnings[0]).toMatch(/^column 'when' was read on both clocks: 2 by 'MM\/DD\/YY h:mm:ss A' \(12-hour, with AM\/PM\) and 2 by 'MM\/DD\/YY H:mm:ss' \(24-hour\)/);
    expect(summary).toContain("WARNING: column 'when' was read on both clocks");
  });

  it("stops with --strict, since the ambiguity changes values", () => {
    expect(() => run(mapping, rows, { header: "when,type", strict: true })).toThrow(DataFileError);
  });

  it("says nothing when only one clock read values", () => {
    expect(run(mapping, [rows[0], rows[3]], { header: "when,type" }).tally.warnings).toEqual([]);
  });
});

describe("queued, units, initial type and priority, and cancelled columns", () => {
  const columns = `  initialType: itype
  initialPriority: iprio
  units: { column: units, count: ids }`;
  const cancelled = `cancelled: { column: outcome, values: [Call Cancelled], withoutArrival: true }`;
  const rows = [
    // id, when, queued, dispatched, arrived, cleared, type, itype, prio, iprio, units, outcome
    `E1,2023-01-01 09:00:00,09:01:00,09:03:00,09:10:00,09:40:00,Welfare Check,Suicidal Person,2,1,"U1,U2",Report`,
    `E2,2023-01-01 09:05:00,09:05:30,09:20:00,,,Noise,Noise,3,3,U3,Call Cancelled`,
    `E3,2023-01-01 09:30:00,09:32:00,09:35:00,09:45:00,,Noise,Welfare Check,3,2," U4 , ,U5,U6 ",Gone on Arrival`,
    `E4,2023-01-01 09:50:00,,,09:59:00,,Welfare Check,Welfare Check,2,,,Call Cancelled`,
  ];
  const { calls, tally, summary } = run(richMapping(cancelled, columns), rows);

  it("writes them to the call table, where they parse back", () => {
    expect(calls.map((c) => [c.id, c.queuedMin, c.units, c.cancelled, c.initialCategory, c.initialPriority])).toEqual([
      ["E1", 1, 2, false, "suicide-risk", 1],
      ["E2", 0.5, 1, true, "disturbance", 3],
      ["E3", 2, 3, false, "welfare-check", 2],
      ["E4", NaN, 0, true, "welfare-check", NaN],
    ]);
  });

  it("counts unit ids between separators, ignoring blanks and line breaks", () => {
    expect(countIds("4267,4265\r\n", ",")).toBe(2);
    expect(countIds("COM1\r", ",")).toBe(1);
    expect(countIds(" , ,", ",")).toBe(0);
    expect(countIds("A;B", ";")).toBe(2);
  });

  it("reports cancellations by priority, units per call and the intake matrix in the summary", () => {
    expect(summary).toContain("cancelled     2 of 4 calls (50.0%) by column 'outcome' or no arrival time: P2 50.0% of 2, P3 50.0% of 2");
    expect(summary).toContain("units per call 1.50 on average over 4 calls (column 'units'): P2 1.00, P3 2.00");
    expect(summary).toContain("intake        2 of 4 calls (50.0%) were first coded as another category than their final one");
    expect(summary).toContain("priority changed after intake in 2 of 3 calls (66.7%)");
  });

  it("measures the intake matrix as intake.codedAs takes it: true (final) category -> {coded (initial) category: share}", () => {
    // Welfare checks E1 (first coded suicide-risk) and E4 (welfare-check); disturbance E2 (disturbance) and E3 (welfare-check).
    expect(tally.measures.codedAs()).toEqual({ disturbance: { "welfare-check": 0.5 }, "welfare-check": { "suicide-risk": 0.5 } });
  });

  it("takes the processing delay from received -> queued where the export has queued times", () => {
    expect(tally.measures.processingMethod).toBe("queued");
    const { all, byPriority } = tally.measures.processingSamples();
    expect(all.count).toBe(3);
    expect(all.mean).toBeCloseTo((1 + 0.5 + 2) / 3, 9);
    expect(byPriority[1].count).toBe(1);
    expect(summary).toContain("call processing delay (received -> queued for dispatch):");
  });

  it("reads units as a number when the mapping says so, and reports a value that is not one", () => {
    const numeric = run(richMapping("", "  units: { column: units, count: number }"), [
      "N1,2023-01-01 09:00:00,,,,,Noise,,3,,2,",
      "N2,2023-01-01 09:10:00,,,,,Noise,,3,,two,",
    ]);
    expect(numeric.calls.map((c) => c.units)).toEqual([2, NaN]);
    expect(numeric.tally.observedDropped.get("bad units (column 'units')")?.count).toBe(1);
  });
});

describe("the processing delay estimated from dispatch times", () => {
  // c1 10:00 -> dispatched 10:10 (nothing awaited dispatch: counts, 10 min); c2 10:05 -> 10:07
  // (c1 still awaited dispatch: left out); c3 10:20 -> 10:22 (nothing awaiting: counts, 2 min);
  // c4 10:21 -> 10:25 (c3 awaits until 10:22: left out).
  const rows = [
    "c1,2023-01-01 10:00:00,,10:10:00,,,Noise,,3,,,",
    "c2,2023-01-01 10:05:00,,10:07:00,,,Noise,,3,,,",
    "c3,2023-01-01 10:20:00,,10:22:00,,,Noise,,1,,,",
    "c4,2023-01-01 10:21:00,,10:25:00,,,Noise,,3,,,",
  ];
  const { tally, summary } = run(richMapping(), rows);

  it("uses received -> dispatched of the calls received when no earlier call awaited dispatch", () => {
    expect(tally.measures.processingMethod).toBe("idle-dispatch");
    const { all, byPriority } = tally.measures.processingSamples();
    expect(all.count).toBe(2);
    expect(all.mean).toBeCloseTo(6, 9);
    expect(byPriority[0].mean).toBeCloseTo(2, 9);
    expect(byPriority[2].mean).toBeCloseTo(10, 9);
    expect(summary).toContain("received -> dispatched, of calls received when no earlier call awaited dispatch");
  });
});

describe("taxonomies kept outside the package", () => {
  it("extend the shipped general taxonomy by name, and a mapping names a shipped taxonomy the same way", () => {
    const city = s.file("city-taxonomy.yaml", "extends: resim\nrules:\n  - { category: homelessness, codes: [CAMP1] }\n");
    const taxonomy = loadTaxonomy(city);
    expect(taxonomy.files).toEqual([city, resolve("data/taxonomy/resim.yaml")]);
    expect(taxonomy.classify("CAMP1", "CAMP1").category).toBe("homelessness");
    expect(taxonomy.classify("x", "Welfare Check").category).toBe("welfare-check");
    const mapping = loadMapping(s.file("by-name.yaml", richMapping().replace(`taxonomy: ${RESIM_TAXONOMY}`, "taxonomy: resim")));
    expect(mapping.taxonomy.files).toEqual([resolve("data/taxonomy/resim.yaml")]);
  });

  it("give units per call by category and priority, used when the export has no units column", () => {
    const taxonomy = s.file("units-taxonomy.yaml", `extends: resim
units:
  - { categories: [violent], priorities: [1], units: 3 }
  - { priorities: [1, 2], units: 2 }
`);
    const { calls, summary } = run(richMapping().replace(`taxonomy: ${RESIM_TAXONOMY}`, `taxonomy: ${JSON.stringify(taxonomy)}`), [
      "V1,2023-01-01 10:00:00,,,,,Shooting,,1,,,",
      "W1,2023-01-01 10:01:00,,,,,Welfare Check,,2,,,",
      "N1,2023-01-01 10:02:00,,,,,Noise,,3,,,",
    ]);
    expect(calls.map((c) => c.units)).toEqual([3, 2, NaN]);
    expect(summary).toContain("units per call 2.50 on average over 2 calls (the taxonomy's units per call)");
  });
});

describe("--emit-scenario with the measured figures", () => {
  // 80 calls, one every 30 minutes: priority 1 (even) and 3 (odd); queued 1 minute (priority 1)
  // or 3 minutes (priority 3) after received; half cancelled before arrival (i % 4 = 0 or 1); two units
  // on priority 1; odd calls first coded as welfare checks, finally disturbances.
  const rows: string[] = [];
  for (let i = 0; i < 80; i++) {
    const at = 9 * 60 + 30 * i;
    const time = (min: number) => `${String(Math.floor(min / 60) % 24).padStart(2, "0")}:${String(min % 60).padStart(2, "0")}:00`;
    const day = `2023-01-0${1 + Math.floor(at / (24 * 60))}`;
    const p = i % 2 === 0 ? 1 : 3;
    const cancelled = i % 4 <= 1;
    rows.push(
      [`X${i}`, `${day} ${time(at)}`, time(at + (p === 1 ? 1 : 3)), time(at + 5 + (i % 3)), cancelled ? "" : time(at + 12), "", p === 1 ? "Shooting" : "Noise", p === 1 ? "Shooting" : "Welfare Check", p, p, p === 1 ? '"A,B"' : "C", cancelled ? "Call Cancelled" : ""].join(","),
    );
  }
  const columns = "  initialType: itype\n  initialPriority: iprio\n  units: { column: units, count: ids }";
  const { tally, mapping } = run(richMapping("cancelled: { column: outcome, values: [Call Cancelled] }", columns), rows);

  it("writes callProcessingMin, cancellations, unitsPerCall and intake.codedAs, each said in a comment to be measured from the export, and the scenario validates", async () => {
    const { fittedScenario } = await import("../../src/import/emit-scenario.js");
    const { validateScenario } = await import("../../src/scenario/load.js");
    const { parse } = await import("yaml");
    const outFile = join(s.folder, "scenarios", "rich.yaml");
    const text = fittedScenario({ tally, mapping, exportFile: "rich.csv", templateFile: "scenarios/riverton.yaml", outFile, schemaFile: resolve("schema/scenario.schema.json") });
    const scenario = parse(text);
    expect(() => validateScenario(scenario, outFile)).not.toThrow();
    expect(scenario.callProcessingMin).toEqual({ default: { dist: "lognormal", median: expect.any(Number), p90: 3 }, priority1: { dist: "fixed", value: 1 }, priority3: { dist: "fixed", value: 3 } });
    // Cancelled: i = 0, 1, 4, 5, ...: half of each priority; no clear time, so taken at dispatch (5, 6 or 7 minutes: 13, 14 and 13 calls).
    expect(scenario.cancellations).toEqual({ share: { priority1: 0.5, priority3: 0.5 }, afterMin: { default: { dist: "lognormal", median: 6, p90: 7 } } });
    // Priority-1 calls are shootings (violent) with two units each; noise calls have one.
    expect(scenario.unitsPerCall).toEqual([{ match: { categories: ["violent"], priorities: [1] }, units: 2 }]);
    expect(scenario.intake.codedAs).toEqual({ disturbance: { "welfare-check": 1 } });
    expect(text).toContain("# callProcessingMin: estimated from the export, received -> queued for dispatch (default n=80, priority1 n=40, priority3 n=40).");
    expect(text).toContain("# cancellations: measured from the export, 40 of 80 calls cancelled");
    expect(text).toContain("# intake.codedAs: measured from the export's initial and final call types (80 calls)");
  });
});

describe("telling mapping, taxonomy and scenario files apart", () => {
  it("goes by a $schema naming one of the schemas, else by the top-level keys", async () => {
    const { fileKind } = await import("../../src/import/import-json-schema.js");
    expect(fileKind({ $schema: "../schema/mapping.schema.json" })).toBe("mapping");
    expect(fileKind({ $schema: "https://x/taxonomy.schema.json", columns: {} })).toBe("taxonomy");
    expect(fileKind({ name: "x", columns: {} })).toBe("mapping");
    expect(fileKind({ extends: "resim" })).toBe("taxonomy");
    expect(fileKind({ extends: "riverton.yaml", description: "x" })).toBe("scenario");
    expect(fileKind({ rules: [] })).toBe("taxonomy");
    expect(fileKind({ name: "x", demand: {}, models: {} })).toBe("scenario");
    expect(fileKind({ categories: {}, demand: {} })).toBe("scenario");
    expect(fileKind("text")).toBe("scenario");
  });
});
