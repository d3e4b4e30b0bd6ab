/** `resim schema`: print or write the JSON Schema of a scenario, mapping or taxonomy file. */
import { Command, Option } from "commander";
import { importJsonSchema } from "../import/import-json-schema.js";
import { scenarioJsonSchema } from "../scenario/json-schema.js";
import { writeFileAtomic } from "../output/atomic-write.js";

export function schemaCommand(): Command {
  return new Command("schema")
    .description("print a file format's JSON Schema (or write it with --out)")
    .addOption(new Option("-k, --kind <kind>", "which format: a scenario, a CAD export mapping or a call-type taxonomy").choices(["scenario", "mapping", "taxonomy"]).default("scenario"))
    .option("-o, --out <file>", "write to this file instead of standard output")
    .addHelpText(
      "after",
      "\nExamples:\n  resim schema --out schema/scenario.schema.json\n  resim schema --kind mapping --out schema/mapping.schema.json\n  resim schema --kind taxonomy --out schema/taxonomy.schema.json",
    )
    .action((flags: { kind: "scenario" | "mapping" | "taxonomy"; out?: string }) => {
      const text = flags.kind === "scenario" ? scenarioJsonSchema() : importJsonSchema(flags.kind);
      if (flags.out) writeFileAtomic(flags.out, text);
      else process.stdout.write(text);
    });
}
