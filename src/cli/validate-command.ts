/** `resim validate`: check a scenario, mapping or taxonomy file without running it. */
import { Command } from "commander";
import { fileKind } from "../import/file-kind.js";
import { loadScenarioData, readScenarioData } from "../scenario/load.js";

export function validateCommand(): Command {
  return new Command("validate")
    .description("check a scenario, mapping or taxonomy file: exit 0 if valid, else exit 2 with one line per problem")
    .argument("<file...>", "scenario, mapping (data/mappings/*.yaml) or taxonomy (data/taxonomy/*.yaml) files, YAML or JSON")
    .addHelpText(
      "after",
      "\nThe kind of each file is told by its content: a mapping has `columns:`, a taxonomy `rules:`, `categories:`,\n`units:` or `unmapped:` and no scenario key, or only `extends:` a shipped taxonomy's name\n(or a `$schema` naming mapping.schema.json or taxonomy.schema.json); anything else is a scenario.\n" +
        "\nExamples:\n  resim validate scenarios/riverton.yaml\n  resim validate scenarios/*.yaml\n  resim validate data/mappings/san-luis-obispo.yaml data/taxonomy/resim.yaml",
    )
    .action(async (files: string[]) => {
      for (const file of files) {
        const data = readScenarioData(file);
        const kind = fileKind(data);
        if (kind === "mapping") {
          // Loaded on demand: building the mapping and taxonomy schemas costs a scenario's check time.
          const { loadMapping } = await import("../import/mapping.js");
          const mapping = loadMapping(file);
          process.stdout.write(`${file}: ok (mapping ${mapping.name}, taxonomy ${mapping.taxonomy.files.join(" -> ")}, ${mapping.exclude.length} exclusion rules)\n`);
        } else if (kind === "taxonomy") {
          const { loadTaxonomy } = await import("../import/taxonomy.js");
          const taxonomy = loadTaxonomy(file);
          process.stdout.write(`${file}: ok (taxonomy ${taxonomy.files.join(" -> ")})\n`);
        } else {
          const { config } = loadScenarioData(data, file);
          const models = config.models.map((m) => m.name).join(", ");
          process.stdout.write(`${file}: ok (${config.unitTypes.length} unit types, ${config.demand.categories.length} call categories, models: ${models})\n`);
        }
      }
    });
}
