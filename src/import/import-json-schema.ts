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

export { fileKind } from "./file-kind.js";
