/** `resim validate`: check a scenario file without running it. */
import { Command } from "commander";
import { loadScenario } from "../scenario/load.js";

export function validateCommand(): Command {
  return new Command("validate")
    .description("check a scenario file: exit 0 if valid, else exit 2 with one line per problem")
    .argument("<file...>", "scenario files (YAML or JSON)")
    .addHelpText("after", "\nExamples:\n  resim validate scenarios/riverton.yaml\n  resim validate scenarios/*.yaml")
    .action((files: string[]) => {
      for (const file of files) {
        const { config } = loadScenario(file);
        const models = config.models.map((m) => m.name).join(", ");
        process.stdout.write(`${file}: ok (${config.unitTypes.length} unit types, ${config.demand.categories.length} call categories, models: ${models})\n`);
      }
    });
}
