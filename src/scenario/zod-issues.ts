/**
 * Turns zod's issues into resim's messages: "<path> must be <expected>, got <found>", with
 * near-miss suggestions for unknown keys and names. The schema is walked to find which keys were
 * allowed where an unknown one appeared.
 */
import type * as z from "zod";
import { describeValue, type ScenarioIssue } from "./errors.js";
import { suggestion } from "./near-miss.js";

type ZodNode = { _zod: { def: Record<string, unknown>; bag?: Record<string, unknown> } };

/** Converts zod issues (parsed with `reportInput: true`) for `input` validated against `schema`. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], schema: z.ZodType, input: unknown): ScenarioIssue[] {
  return issues.flatMap((issue) => translate(issue, schema, input));
}

function translate(issue: z.core.$ZodIssue, schema: z.ZodType, root: unknown): ScenarioIssue[] {
  const path = issue.path as (string | number)[];
  const raw = issue as unknown as Record<string, unknown>;
  const found = raw.input;
  switch (issue.code) {
    case "invalid_type": {
      const expected = isInteger(nodeAt(schema, path, root)) ? "an integer" : expectedWord(String(issue.expected));
      if (found === undefined) return [{ path, message: `is required (${expected})` }];
      return [{ path, message: `must be ${expected}, got ${describeValue(found)}` }];
    }
    case "too_small":
    case "too_big": {
      const small = issue.code === "too_small";
      const bound = Number(small ? raw.minimum : raw.maximum);
      if (issue.origin === "array") {
        const length = Array.isArray(found) ? found.length : 0;
        const need = raw.exact ? `exactly ${bound}` : small ? `at least ${bound}` : `at most ${bound}`;
        return [{ path, message: `must have ${need} entr${bound === 1 ? "y" : "ies"}, got ${length}` }];
      }
      const node = nodeAt(schema, path, root);
      const kind = isInteger(node) ? "an integer" : "a number";
      const op = small ? (raw.inclusive ? ">=" : ">") : raw.inclusive ? "<=" : "<";
      return [{ path, message: `must be ${kind} ${op} ${bound}, got ${describeValue(found)}` }];
    }
    case "invalid_value": {
      const values = (raw.values as unknown[]).map(String);
      return [{ path, message: `must be one of ${quoteList(values)}, got ${describeValue(found)}${suggestion(String(found), values)}` }];
    }
    case "invalid_union": {
      const options = (raw.options as unknown[] | undefined)?.map(String);
      if (options && raw.discriminator) {
        const key = String(raw.discriminator);
        const value = (found as Record<string, unknown> | undefined)?.[key];
        const where = path[path.length - 1] === key ? path : [...path, key];
        return [{ path: where, message: `must be one of ${quoteList(options)}, got ${describeValue(value)}${suggestion(String(value), options)}` }];
      }
      return [{ path, message: `does not match any allowed form, got ${describeValue(found)}` }];
    }
    case "unrecognized_keys": {
      const allowed = allowedKeys(nodeAt(schema, path, root));
      return issue.keys.map((key) => ({
        path,
        message: `has an unknown key ${describeValue(key)}${allowed.length ? suggestion(key, allowed) || ` (allowed: ${allowed.join(", ")})` : ""}`,
        culprit: [...path, key],
      }));
    }
    case "invalid_key":
      return [{ path, message: `has an invalid name: ${(issue.issues[0] as { message?: string })?.message ?? "not allowed"}` }];
    case "invalid_format":
      return [{ path, message: `${issue.message}, got ${describeValue(found)}` }];
    default:
      return [{ path, message: issue.message }];
  }
}

function expectedWord(expected: string): string {
  switch (expected) {
    case "int":
      return "an integer";
    case "number":
      return "a number";
    case "string":
      return "a string";
    case "boolean":
      return "true or false";
    case "array":
      return "a list";
    case "object":
    case "record":
      return "a mapping of keys to values";
    default:
      return expected;
  }
}

function quoteList(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(", ");
}

/** The schema node that validates the value at `path`, or undefined if it cannot be found. */
function nodeAt(schema: z.ZodType, path: readonly (string | number)[], root: unknown): ZodNode | undefined {
  let node: ZodNode | undefined = schema as unknown as ZodNode;
  let value: unknown = root;
  for (let i = 0; i <= path.length; i++) {
    node = unwrap(node, value);
    if (node === undefined || i === path.length) break;
    const key = path[i];
    const def = node._zod.def;
    if (def.type === "object") node = (def.shape as Record<string, ZodNode>)[String(key)];
    else if (def.type === "record") node = def.valueType as ZodNode;
    else if (def.type === "array") node = def.element as ZodNode;
    else return undefined;
    value = (value as Record<string | number, unknown> | undefined)?.[key];
  }
  return node;
}

/** Looks through optional/default wrappers and picks the union member the value chose. */
function unwrap(node: ZodNode | undefined, value: unknown): ZodNode | undefined {
  while (node !== undefined) {
    const def = node._zod.def;
    if (def.innerType !== undefined) node = def.innerType as ZodNode;
    else if (def.type === "pipe") node = def.in as ZodNode;
    else if (def.type === "union") {
      const discriminator = def.discriminator as string | undefined;
      const options = def.options as ZodNode[];
      if (discriminator === undefined) return undefined;
      const chosen = (value as Record<string, unknown> | undefined)?.[discriminator];
      node = options.find((option) => {
        const literal = (option._zod.def.shape as Record<string, ZodNode> | undefined)?.[discriminator];
        return (literal?._zod.def.values as unknown[] | undefined)?.includes(chosen);
      });
    } else return node;
  }
  return undefined;
}

/** True for a number schema with an integer check (z.number().int()). */
function isInteger(node: ZodNode | undefined): boolean {
  const checks = (node?._zod.def.checks ?? []) as { _zod: { def: { format?: string } } }[];
  return checks.some((check) => check._zod.def.format === "safeint");
}

function allowedKeys(node: ZodNode | undefined): string[] {
  if (node === undefined || node._zod.def.type !== "object") return [];
  return Object.keys(node._zod.def.shape as object);
}
