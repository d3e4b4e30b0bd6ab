/** The mapping and taxonomy formats as JSON Schema, for editors and other tools (resim schema --kind). */
import * as z from "zod";
import { mappingSchema } from "./mapping-schema.js";
import { taxonomySchema } from "./taxonomy-schema.js";

const KINDS = {
  mapping: { schema: mappingSchema, title: "resim CAD export mapping", description: "How one city's CAD export maps onto resim's call table (data/mappings/*.yaml)." },
  taxonomy: { schema: taxonomySchema, title: "resim call-type taxonomy", description: "Rules from a city's CAD call types to resim's categories, flags and priorities (data/taxonomy/*.yaml)." },
} as const;

/** The JSON Schema document of a mapping or taxonomy file, as text with a final newline. */
export function importJsonSchema(kind: keyof typeof KINDS): string {
  const { schema, title, description } = KINDS[kind];
  const json = z.toJSONSchema(schema, { io: "input" });
  return JSON.stringify({ ...json, $id: `https://github.com/resim/resim/schema/${kind}.schema.json`, title, description }, null, 2) + "\n";
}

/**
 * What a parsed YAML file is, by its content: a `$schema` naming one of the schemas decides;
 * otherwise a mapping has `columns`, a taxonomy has `rules` or `extends` (or `categories` without
 * `demand`), and anything else is a scenario.
 */
export function fileKind(data: unknown): "mapping" | "taxonomy" | "scenario" {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return "scenario";
  const top = data as Record<string, unknown>;
  const schema = typeof top.$schema === "string" ? top.$schema : "";
  if (schema.endsWith("mapping.schema.json")) return "mapping";
  if (schema.endsWith("taxonomy.schema.json")) return "taxonomy";
  if (schema.endsWith("scenario.schema.json")) return "scenario";
  if ("columns" in top && !("demand" in top)) return "mapping";
  // `extends` and `description` are keys of both: only a taxonomy's own keys tell it apart.
  const scenarioKey = ["name", "demand", "models", "unitTypes"].some((key) => key in top);
  if (!scenarioKey && ["rules", "categories", "units", "unmapped"].some((key) => key in top)) return "taxonomy";
  // A file with only `extends`: a bare name (`resim`) names a shipped taxonomy; scenarios extend a file.
  if (!scenarioKey && typeof top.extends === "string" && /^[\w-]+$/.test(top.extends)) return "taxonomy";
  return "scenario";
}
