/**
 * Mapping and taxonomy files are validated like scenarios: parsed as YAML (line numbers for
 * syntax errors), checked against a strict zod schema (unknown keys are errors, near misses are
 * suggested), and every problem reported at once as a ScenarioError naming the file and key path.
 */
import type * as z from "zod";
import { ScenarioError } from "../scenario/errors.js";
import { readScenarioData } from "../scenario/load.js";
import { fromZodIssues } from "../scenario/zod-issues.js";

/** Reads `file` and validates it against `schema`. Throws ScenarioError. */
export function readValidated<S extends z.ZodType>(schema: S, file: string): z.output<S> {
  const data = readScenarioData(file);
  // Parsed once per file: zod's compiled fast path costs more to build than it saves here.
  const parsed = schema.safeParse(data, { reportInput: true, jitless: true });
  if (!parsed.success) throw new ScenarioError(file, fromZodIssues(parsed.error.issues, schema, data));
  return parsed.data;
}
