/** `resim run`: simulate every response model of a scenario and compare them with the baseline. */
import { Command } from "commander";
import { join } from "node:path";
import { runExperiment } from "../experiment/run-experiment.js";
import { summaryDocument } from "../experiment/summary-document.js";
import { comparisonTable } from "../report/comparison-table.js";
import { writeSummaryFiles } from "../report/summary-files.js";
import { loadScenario } from "../scenario/load.js";
import { suggestion } from "../scenario/near-miss.js";
import { integerAtLeast, positiveNumber } from "./options.js";
import { UsageError } from "./usage-error.js";

interface RunFlags {
  out?: string;
  replications?: number;
  seed?: number;
  days?: number;
  model?: string[];
  quiet?: boolean;
}

export function runCommand(): Command {
  return new Command("run")
    .description("simulate a scenario's response models on the same calls and compare them")
    .argument("<file>", "scenario file (YAML or JSON)")
    .option("-o, --out <dir>", "output folder (default: reports/<scenario name>)")
    .option("-r, --replications <n>", "number of replications", integerAtLeast(1))
    .option("-s, --seed <n>", "random seed", integerAtLeast(0))
    .option("-d, --days <n>", "days to measure after warm-up", positiveNumber)
    .option("-m, --model <id...>", "run only these models (the baseline is always run)")
    .option("-q, --quiet", "print nothing but errors")
    .addHelpText(
      "after",
      `
Examples:
  resim run scenarios/riverton.yaml
  resim run scenarios/riverton.yaml --replications 30 --seed 7 --out reports/riverton-30
  resim run scenarios/riverton.yaml --days 90 --model co-responder
  resim run scenarios/validation/mmc.yaml

Writes summary.json, summary.csv and replications.csv to the output folder and prints the
comparison: each model's metrics with 95% confidence intervals, and each model's paired
difference from the baseline model.`,
    )
    .action((file: string, flags: RunFlags) => {
      const loaded = loadScenario(file, {
        run: { replications: flags.replications, seed: flags.seed, horizonDays: flags.days },
      });
      const { config } = loaded;
      const names = config.models.map((m) => m.name);
      const models = flags.model?.map((name) => {
        const index = names.indexOf(name);
        if (index < 0) {
          throw new UsageError(
            `--model: ${file} has no model '${name}'${suggestion(name, names) || ` (models: ${names.join(", ")})`}`,
          );
        }
        return index;
      });
      const showProgress = !flags.quiet && process.stderr.isTTY;
      const result = runExperiment({
        scenario: config,
        models,
        onProgress: showProgress
          ? (done, total) => process.stderr.write(`\rsimulating: ${done}/${total} model-replications${done === total ? "\n" : ""}`)
          : undefined,
      });
      const output = summaryDocument(result, file);
      const folder = flags.out ?? join("reports", config.name);
      const written = writeSummaryFiles(folder, output);
      if (!flags.quiet) {
        process.stdout.write(comparisonTable(output.document, output.definitions, output.modelNames));
        process.stdout.write(`\nwrote ${written.join(", ")}\n`);
      }
    });
}
