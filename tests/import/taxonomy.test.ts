import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/import/taxonomy.js";
import { scratch } from "./helpers.js";

const s = scratch();
afterAll(s.cleanup);
const sanDiego = loadTaxonomy("data/taxonomy/san-diego.yaml");
const general = loadTaxonomy("data/taxonomy/resim.yaml");

describe("the call-type taxonomy", () => {
  it("classifies San Diego codes by their description, with the city's rules first", () => {
    expect(sanDiego.classify("CW", "CHECK THE WELFARE")).toMatchObject({ category: "welfare-check", behavioralHealth: true, mapped: true });
    expect(sanDiego.classify("5150", "MENTAL CASE")).toMatchObject({ category: "mental-health", behavioralHealth: true });
    expect(sanDiego.classify("415V", "DISTURBING PEACE W/VIOLENCE")).toMatchObject({ category: "violent" });
    expect(general.classify("415V", "DISTURBING PEACE W/VIOLENCE")).toMatchObject({ category: "disturbance" });
    expect(sanDiego.classify("SLEEPER", "SLEEPER")).toMatchObject({ category: "homelessness", behavioralHealth: true, priority: 4 });
  });

  it("puts alarms before the crimes they guard and weapons before other violence", () => {
    expect(general.classify("459A", "BURGLARY ALARM").category).toBe("other");
    expect(general.classify("417", "THREATENING W/WEAPON")).toMatchObject({ category: "violent", weapon: true, priority: 1 });
    expect(general.classify("242", "BATTERY")).toMatchObject({ category: "violent", weapon: false, priority: 2 });
  });

  it("matches keywords as whole words, ignoring case", () => {
    expect(general.classify("x", "possible od").category).toBe("substance-use");
    expect(general.classify("x", "Model railway").mapped).toBe(false);
    expect(general.classify("x", "Welfare Check").category).toBe("welfare-check");
  });

  it("sends a type no rule matches to 'other' and marks it unmapped", () => {
    expect(general.classify("ZZZ", "ZZZ")).toEqual({ category: "other", behavioralHealth: false, weapon: false, priority: 3, mapped: false });
    expect(general.unmappedCategory).toBe("other");
  });

  it("reports rules that match nothing and bad regular expressions with their key paths", () => {
    const file = s.file("bad.yaml", `extends: ${JSON.stringify(resolve("data/taxonomy/resim.yaml"))}\nrules:\n  - category: violent\n  - category: other\n    regex: "(unclosed"\n`);
    expect(() => loadTaxonomy(file)).toThrow(/bad\.yaml: rules\[0\] must match something: give codes, keywords or regex\n.*bad\.yaml: rules\[1\]\.regex must be a valid regular expression/);
  });

  it("refuses unknown categories with a near miss, like scenarios", () => {
    const file = s.file("typo.yaml", `extends: ${JSON.stringify(resolve("data/taxonomy/resim.yaml"))}\nrules:\n  - { category: mental_health, keywords: [x] }\n`);
    expect(() => loadTaxonomy(file)).toThrow(`${file}: rules[0].category must be one of 'violent', 'property', 'traffic', 'disturbance', 'mental-health'`);
    expect(() => loadTaxonomy(file)).toThrow("did you mean 'mental-health'?");
  });

  it("finds a cycle of files extending each other", () => {
    const a = s.file("a.yaml", "extends: b.yaml\n");
    s.file("b.yaml", "extends: a.yaml\n");
    expect(() => loadTaxonomy(a)).toThrow("extends forms a cycle");
  });
});
