/** Tells a mapping, a taxonomy and a scenario file apart (zod-free, so `resim validate` loads only the schema it needs). */

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
