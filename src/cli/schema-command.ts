/** `resim schema`: print or write the scenario JSON Schema. */
import { Command } from "commander";
import { scenarioJsonSchema } from "../scenario/json-schema.js";
import { writeFileAtomic } from "../output/atomic-write.js";

export function schemaCommand(): Command {
  return new Command("schema")
    .description("print the scenario file's JSON Schema (or write it with --out)")
    .option("-o, --out <file>", "write to this file instead of standard output")
    .addHelpText("after", "\nExample:\n  resim schema --out schema/scenario.schema.json")
    .action((flags: { out?: string }) => {
      const text = scenarioJsonSchema();
      if (flags.out) writeFileAtomic(flags.out, text);
      else process.stdout.write(text);
    });
}
