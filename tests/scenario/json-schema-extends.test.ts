/**
 * The exported JSON Schema (what editors check scenario files with) accepts every shipped
 * scenario, including those that `extends` another and so omit required keys, and still rejects
 * what the loader rejects (a missing required key without extends, an unknown key with it).
 *
 * No JSON Schema validator is installed (no ajv or similar in node_modules, and the project adds
 * none for one test), so this file carries a small draft 2020-12 checker of the keywords the
 * exporter emits; it throws on any keyword it does not know, so a schema that grew a new kind of
 * rule fails here instead of passing unchecked.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { scenarioJsonSchema } from "../../src/scenario/json-schema.js";
import { validateScenario } from "../../src/scenario/load.js";
import { ScenarioError } from "../../src/scenario/errors.js";

type Schema = Record<string, unknown> | boolean;

const ANNOTATIONS = new Set(["$schema", "$id", "title", "description", "default"]);

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Problems of `value` against `schema`, each "path: what" (empty: valid). */
function check(schema: Schema, value: unknown, path = "$"): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path}: no value is allowed here`];
  const problems: string[] = [];
  const object = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  for (const [keyword, rule] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    switch (keyword) {
      case "type": {
        const types = Array.isArray(rule) ? (rule as string[]) : [rule as string];
        const actual = typeOf(value);
        if (!types.some((t) => t === actual || (t === "number" && actual === "integer"))) problems.push(`${path}: expected ${types.join(" or ")}, got ${actual}`);
        break;
      }
      case "properties":
        if (object) for (const [key, sub] of Object.entries(rule as Record<string, Schema>)) if (key in object) problems.push(...check(sub, object[key], `${path}.${key}`));
        break;
      case "additionalProperties":
        if (object) {
          const known = Object.keys((schema.properties as Record<string, unknown>) ?? {});
          for (const key of Object.keys(object)) if (!known.includes(key)) problems.push(...(rule === false ? [`${path}: unknown key '${key}'`] : check(rule as Schema, object[key], `${path}.${key}`)));
        }
        break;
      case "required":
        if (object) for (const key of rule as string[]) if (!(key in object)) problems.push(`${path}: missing required key '${key}'`);
        break;
      case "propertyNames":
        if (object) for (const key of Object.keys(object)) problems.push(...check(rule as Schema, key, `${path}[key '${key}']`));
        break;
      case "items":
        if (Array.isArray(value)) value.forEach((item, i) => problems.push(...check(rule as Schema, item, `${path}[${i}]`)));
        break;
      case "minItems":
        if (Array.isArray(value) && value.length < (rule as number)) problems.push(`${path}: fewer than ${rule} items`);
        break;
      case "maxItems":
        if (Array.isArray(value) && value.length > (rule as number)) problems.push(`${path}: more than ${rule} items`);
        break;
      case "minLength":
        if (typeof value === "string" && value.length < (rule as number)) problems.push(`${path}: shorter than ${rule}`);
        break;
      case "pattern":
        if (typeof value === "string" && !new RegExp(rule as string, "u").test(value)) problems.push(`${path}: '${value}' does not match ${rule}`);
        break;
      case "enum":
        if (!(rule as unknown[]).some((v) => JSON.stringify(v) === JSON.stringify(value))) problems.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(rule)}`);
        break;
      case "const":
        if (JSON.stringify(rule) !== JSON.stringify(value)) problems.push(`${path}: expected ${JSON.stringify(rule)}`);
        break;
      case "minimum":
        if (typeof value === "number" && value < (rule as number)) problems.push(`${path}: below ${rule}`);
        break;
      case "maximum":
        if (typeof value === "number" && value > (rule as number)) problems.push(`${path}: above ${rule}`);
        break;
      case "exclusiveMinimum":
        if (typeof value === "number" && value <= (rule as number)) problems.push(`${path}: not above ${rule}`);
        break;
      case "anyOf":
        if (!(rule as Schema[]).some((sub) => check(sub, value, path).length === 0)) problems.push(`${path}: matches none of anyOf`);
        break;
      case "oneOf": {
        const matches = (rule as Schema[]).filter((sub) => check(sub, value, path).length === 0).length;
        if (matches !== 1) problems.push(`${path}: matches ${matches} of oneOf, expected exactly 1`);
        break;
      }
      case "not":
        if (check(rule as Schema, value, path).length === 0) problems.push(`${path}: matches a schema it must not`);
        break;
      case "if": {
        const branch = check(rule as Schema, value, path).length === 0 ? schema.then : schema.else;
        if (branch !== undefined) problems.push(...check(branch as Schema, value, path));
        break;
      }
      case "then":
      case "else":
        break;
      default:
        throw new Error(`the test's JSON Schema checker does not know the keyword '${keyword}' (at ${path}): teach it before trusting this test`);
    }
  }
  return problems;
}

const schema = JSON.parse(scenarioJsonSchema()) as Schema;

function scenarioFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return scenarioFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

describe("the exported JSON Schema", () => {
  const files = scenarioFiles("scenarios");

  it("finds the shipped scenarios, including the two that extend riverton.yaml", () => {
    expect(files).toEqual(expect.arrayContaining(["scenarios/riverton.yaml", "scenarios/riverton-barriers.yaml", "scenarios/riverton-zones.yaml"]));
    expect(files.filter((f) => /^extends:/m.test(readFileSync(f, "utf8"))).length).toBeGreaterThanOrEqual(2);
  });

  it.each(files)("accepts the shipped scenario %s", (file) => {
    expect(check(schema, parse(readFileSync(file, "utf8")))).toEqual([]);
  });

  it("requires name, demand, unit types and models of a file that extends nothing", () => {
    const problems = check(schema, { name: "lonely", run: { seed: 2 } });
    expect(problems).toEqual(["$: missing required key 'demand'", "$: missing required key 'unitTypes'", "$: missing required key 'models'"]);
  });

  it("lets a file that extends another give only the keys it changes, down to one field of a unit type", () => {
    expect(check(schema, { extends: "riverton.yaml", name: "tweak", unitTypes: { patrol: { costPerHour: 120 } } })).toEqual([]);
  });

  it("still rejects an unknown key and a wrong type in a file that extends another", () => {
    expect(check(schema, { extends: "riverton.yaml", unitTypes: { patrol: { costPerHuor: 120 } } })).toContain("$.unitTypes.patrol: unknown key 'costPerHuor'");
    expect(check(schema, { extends: "riverton.yaml", run: { replications: "ten" } })).toContain("$.run.replications: expected integer, got string");
  });

  it("keeps list items whole under extends, since a list replaces its base's list", () => {
    const problems = check(schema, { extends: "riverton.yaml", models: { "police-only": { dispatch: [{ match: {} }] } } });
    expect(problems).toContain("$.models.police-only.dispatch[0]: missing required key 'send'");
  });

  it("accepts briefing thresholds for the decision summary's metrics and rejects other metric names", () => {
    expect(check(schema, { extends: "riverton.yaml", briefing: { thresholds: { arrests: 20, "responseMin.p90.priority1": 1 } } })).toEqual([]);
    expect(check(schema, { extends: "riverton.yaml", briefing: { thresholds: { arests: 20 } } })).toContain("$.briefing.thresholds: unknown key 'arests'");
  });
});

describe("briefing.thresholds in a scenario file", () => {
  const base = parse(readFileSync("scenarios/riverton.yaml", "utf8")) as Record<string, unknown>;

  it("is an error naming the key path when it names a metric the decision summary does not judge", () => {
    let error: unknown;
    try {
      validateScenario({ ...base, briefing: { thresholds: { arests: 20 } } }, "scenarios/riverton.yaml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as Error).message).toMatch(/briefing\.thresholds/);
    expect((error as Error).message).toMatch(/arests/);
  });

  it("is an error when a share threshold is above 1", () => {
    expect(() => validateScenario({ ...base, briefing: { thresholds: { fallbackRate: 5 } } }, "scenarios/riverton.yaml")).toThrow(/briefing\.thresholds\.fallbackRate/);
  });
});
