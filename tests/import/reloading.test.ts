import { describe, expect, it } from "vitest";
import { loadMapping } from "../../src/import/mapping.js";
import { loadTaxonomy } from "../../src/import/taxonomy.js";

// The importer shares compiled patterns and methods between loads (so that a second import in one
// process reuses the first one's compiled code): nothing of one load may leak into another.
describe("loading a mapping or taxonomy again", () => {
  it("classifies every type the same with a taxonomy loaded twice, whichever load classifies first", () => {
    const first = loadTaxonomy("data/taxonomy/san-diego.yaml");
    const samples: [string, string][] = [["CW", "CHECK THE WELFARE"], ["5150", "MENTAL CASE"], ["x", "possible od"], ["x", "Model railway"], ["417", "THREATENING W/WEAPON"]];
    const before = samples.map(([code, text]) => first.classify(code, text));
    const second = loadTaxonomy("data/taxonomy/san-diego.yaml");
    expect(samples.map(([code, text]) => second.classify(code, text))).toEqual(before);
  });

  it("gives each loaded mapping exclusion and cancellation tests that answer alike", () => {
    const [a, b] = [loadMapping("data/mappings/san-diego.yaml"), loadMapping("data/mappings/san-diego.yaml")];
    for (const mapping of [a, b]) {
      const [officer, , broadcast] = mapping.exclude;
      const test = (rule: typeof officer, value: string) => rule.conditions[0].kind === "column" && rule.conditions[0].matches(value);
      expect([test(officer, " SELENF "), test(officer, "415"), test(broadcast, "AU1"), test(broadcast, "XAU")]).toEqual([true, false, true, false]);
      expect([mapping.cancelled?.column?.matches("CAN"), mapping.cancelled?.column?.matches("K")]).toEqual([true, false]);
    }
  });
});
