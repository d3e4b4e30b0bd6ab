import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scenarioJsonSchema } from "../../src/scenario/json-schema.js";

describe("schema/scenario.schema.json", () => {
  it("is in sync with the scenario schema (regenerate with: npm run schema)", () => {
    expect(readFileSync("schema/scenario.schema.json", "utf8")).toBe(scenarioJsonSchema());
  });
});
