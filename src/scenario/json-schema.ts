/**
 * The scenario format as JSON Schema, for editors (completion and checking while typing).
 *
 * A file with `extends: BASE.yaml` holds only what it changes: its base gives the rest, mappings
 * merged key by key (extends.ts). So the document's own shape is the scenario with no key
 * required (outside lists, which replace their base's whole and so must be complete), and the
 * full scenario, with its required keys, applies only `if` the file does not extend another.
 * Unknown keys stay errors either way.
 */
import * as z from "zod";
import { scenarioSchema } from "./schema.js";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * `node` with every `required` dropped from objects that are not inside a list item, and `oneOf`
 * (which a partial value can match more than once) relaxed to `anyOf`.
 */
function partial(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(partial);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "required") continue;
    if (key === "items" || key === "prefixItems") out[key] = value;
    else if (key === "properties" && isObject(value)) out[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, partial(schema)]));
    else if (key === "oneOf") out.anyOf = partial(value);
    else out[key] = partial(value);
  }
  return out;
}

/** The JSON Schema document of a scenario file, as text with a final newline. */
export function scenarioJsonSchema(): string {
  const { $schema, ...full } = z.toJSONSchema(scenarioSchema, { io: "input" }) as Json;
  return (
    JSON.stringify(
      {
        $schema,
        $id: "https://github.com/resim/resim/schema/scenario.schema.json",
        title: "resim scenario",
        description: "A city's calls, unit types and response models for the resim simulator. A file with `extends` needs only the keys it changes.",
        ...(partial(full) as Json),
        if: { not: { required: ["extends"] } },
        then: full,
      },
      null,
      2,
    ) + "\n"
  );
}
