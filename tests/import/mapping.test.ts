import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadMapping } from "../../src/import/mapping.js";
import { scratch, TINY_MAPPING } from "./helpers.js";

const s = scratch();
afterAll(s.cleanup);

describe("mapping files", () => {
  it("ship for San Diego and San Luis Obispo and load with their taxonomies", () => {
    const sd = loadMapping("data/mappings/san-diego.yaml");
    expect(sd).toMatchObject({ name: "san-diego", id: "incident_num", type: "call_type", zoneColumn: "beat" });
    expect(sd.priority?.values.get("0")).toBe(1);
    expect(sd.taxonomy.files.map((f) => f.split("/").pop())).toEqual(["san-diego.yaml", "resim.yaml"]);
    const slo = loadMapping("data/mappings/san-luis-obispo.yaml");
    expect("date" in slo.received).toBe(true);
    expect(slo.priority).toBeNull();
    expect([...slo.observed.keys()]).toEqual(["dispatched", "arrived", "cleared"]);
  });

  it("report every problem at once, with key paths: formats, time zone, priorities, exclusions", () => {
    const file = s.file(
      "bad.yaml",
      TINY_MAPPING.replace("America/Los_Angeles", "Pacific")
        .replace('format: "YYYY-MM-DD HH:mm:ss" }\n  type', 'format: "MM/DD/YY" }\n  type')
        .replace('cleared: { column: cleared, format: "HH:mm" }', 'cleared: { column: cleared, format: "HH:MI" }')
        .replace("priorities: { A: 1, B: 3 }\n", "")
        .replace("values: [TRAFFIC STOP]", "values: [TRAFFIC STOP], empty: true"),
    );
    expect(() => loadMapping(file)).toThrow(
      [
        `${file}: timeZone must be an IANA time zone like 'America/Los_Angeles', got 'Pacific'`,
        `${file}: columns.received.format must hold a date and a time, got 'MM/DD/YY', which holds a date only`,
        `${file}: columns.cleared.format has an unknown token 'I' (use YYYY, YY, MM, M, DD, D, HH, H, hh, h, mm, ss, S (fraction of a second), A (AM/PM)), got 'HH:MI'`,
        `${file}: priorities is required with columns.priority: map each value of column 'prio' to a resim priority (1 = most urgent)`,
        `${file}: exclude[0] must mark rows one way: values, pattern or empty, got 2`,
      ].join("\n"),
    );
  });

  it("refuse unknown keys with a near miss", () => {
    const file = s.file("typo.yaml", TINY_MAPPING.replace("timeZone:", "timezone:"));
    expect(() => loadMapping(file)).toThrow(`${file}: (top level) has an unknown key 'timezone', did you mean 'timeZone'?`);
  });

  it("resolve the taxonomy relative to the mapping file", () => {
    const file = s.file("relative.yaml", TINY_MAPPING.replace(/taxonomy: .*/, `taxonomy: ${JSON.stringify(resolve("data/taxonomy/nope.yaml"))}`));
    expect(() => loadMapping(file)).toThrow("nope.yaml: (top level) cannot be read: no such file");
  });
});
