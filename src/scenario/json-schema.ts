/** The scenario format as JSON Schema, for editors (completion and checking while typing). */
import * as z from "zod";
import { scenarioSchema } from "./schema.js";

/** The JSON Schema document of a scenario file, as text with a final newline. */
export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchema, { io: "input" });
  return (
    JSON.stringify(
      {
        ...schema,
        $id: "https://github.com/resim/resim/schema/scenario.schema.json",
        title: "resim scenario",
        description: "A city's calls, unit types and response models for the resim simulator.",
      },
      null,
      2,
    ) + "\n"
  );
}
