/** `resim run`: simulate every response model of a scenario and compare them with the baseline. */
import { Command } from "commander";
import { runExperiment } from "../experiment/run-experiment.js";
import { summaryDocument } from "../report/summary-document.js";
import { comparisonTable } from "../report/comparison-table.js";
import { checkOutputFolder } from "../output/folder-commit.js";
import { writeSummaryFiles } from "../report/summary-files.js";
import { withProvenance } from "../report/run-provenance.js";
import { defaultOutputFolder, scenarioProvenance } from "../scenario/provenance.js";
import { suggestion } from "../scenario/near-miss.js";
import { loadWithFlags, runOptions, withScenarioOptions, type ScenarioFlags } from "./scenario-options.js";
import { UsageError } from "./usage-error.js";

interface RunFlags extends ScenarioFlags {
  out?: string;
  model?: string[];
  report?: boolean;
}

export function runCommand(): Command {
  return withScenarioOptions(
    new Command("run")
      .description("simulate a scenario's response models on the same calls and compare them")
      .argument("<file>", "scenario file (YAML or JSON)")
      .option("-o, --out <dir>", "output folder (default: reports/<scenario name>, or reports/<scenario name>-set-<hash> with --set)")
      .option("-m, --model <id...>", "run only these models (the baseline is always run)")
      .option("--report", "also write report.html and charts/ (as 'resim report' does)"),
  )
    .addHelpText(
      "after",
      `
Examples:
  resim run scenarios/riverton.yaml
  resim run scenarios/riverton.yaml --replications 30 --seed 7 --out reports/riverton-30
  resim run scenarios/riverton.yaml --days 90 --model co-responder
  resim run scenarios/riverton.yaml --report      also write report.html and charts/
  resim run scenarios/riverton.yaml --set models.co-responder.staffing.co-responder[0].units=4
  resim run scenarios/validation/mmc.yaml

Writes summary.json, summary.csv, replications.csv and provenance.csv (resim version, input
digests, overrides) to the output folder (with --set: reports/<name>-set-<hash>) and prints the
comparison: each model's metrics with 95% confidence intervals, and each model's paired
difference from the baseline model.`,
    )
    .action(async (file: string, flags: RunFlags) => {
      const loaded = loadWithFlags(file, flags);
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
      // An override run gets its own folder (reports/NAME-set-TAG), so a what-if never replaces the scenario's own results.
      const folder = flags.out ?? defaultOutputFolder(config.name, loaded.overrides ?? []);
      // A folder resim may not replace (a link, a file, the current folder) fails now, not after the run.
      checkOutputFolder(folder);
      const result = await runExperiment(
        { scenario: loaded, models },
        runOptions("simulating", flags),
      );
      const output = withProvenance(summaryDocument(result, file), scenarioProvenance(loaded));
      const written = writeSummaryFiles(folder, output);
      // The report's writer and a replay's calibration view are loaded only when used. (The table
      // is imported statically: loading it after the run cost more than it saves a run --quiet.)
      if (!flags.quiet) {
        process.stdout.write(comparisonTable(output.document, output.definitions, output.modelNames));
        // A replay shows whether the baseline matches the city's observed response times (only a
        // replay has observed times: see observedResponse).
        if (config.demand.historical !== null) {
          const { calibrationView } = await import("../import/calibration.js");
          process.stdout.write(calibrationView(loaded, output.document));
        }
        process.stdout.write(`\nwrote ${written.join(", ")}\n`);
      }
      if (flags.report) await (await import("./report-command.js")).buildReportInFolder(folder, flags.quiet);
    });
}
