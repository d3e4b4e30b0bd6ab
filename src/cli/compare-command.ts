/** `resim compare A.yaml B.yaml`: both files' shared models on the same calls, B paired with A. */
import { Command } from "commander";
import { join } from "node:path";
import { runComparison } from "../experiment/compare.js";
import { comparisonOutput } from "../report/compare-output.js";
import { checkOutputFolder } from "../output/folder-commit.js";
import { compareTable } from "../report/compare-table.js";
import { writeSummaryFiles } from "../report/summary-files.js";
import { buildReportInFolder } from "./report-command.js";
import { loadWithFlags, runOptions, withScenarioOptions, type ScenarioFlags } from "./scenario-options.js";

interface CompareFlags extends ScenarioFlags {
  out?: string;
  model?: string[];
  report?: boolean;
}

export function compareCommand(): Command {
  return withScenarioOptions(
    new Command("compare")
      .description("run two scenario files' shared models on the same calls and report B - A, paired by replication")
      .argument("<a>", "scenario file A (the reference)")
      .argument("<b>", "scenario file B (the variant)")
      .option("-o, --out <dir>", "output folder (default: reports/<A name>-vs-<B name>)")
      .option("-m, --model <id...>", "compare only these models (each must be in both files; default: every model they share)")
      .option("--report", "also write report.html and charts/ (as 'resim report' does)"),
  )
    .addHelpText(
      "after",
      `
Examples:
  resim compare scenarios/riverton.yaml scenarios/riverton-barriers.yaml --model centralized-outreach
  resim compare scenarios/riverton.yaml scenarios/riverton-barriers.yaml --replications 30 --report

Both files run with the same seed, replications, horizon and warm-up (A's, or the flags'); if B's
differ and no flag sets them, the command stops. --set applies to both files. Replication r of B
is paired with replication r of A: where the files' demand agrees they see the same calls; where it
differs (latent demand, repeat callers), the shared base calls still pair and the differences
include the calls only one file makes (the output says which).

Writes summary.json, summary.csv, replications.csv and cost-effectiveness.csv, with models named
A:<model> and B:<model>; each B model's difference ('minus A:<model>') is against its A counterpart.`,
    )
    .action(async (fileA: string, fileB: string, flags: CompareFlags) => {
      const a = loadWithFlags(fileA, flags);
      const b = loadWithFlags(fileB, flags);
      const folder = flags.out ?? join("reports", `${a.config.name}-vs-${b.config.name}`);
      checkOutputFolder(folder);
      const output = comparisonOutput(await runComparison({ a, b, models: flags.model }, runOptions("comparing", flags)));
      const written = writeSummaryFiles(folder, output);
      if (!flags.quiet) {
        process.stdout.write(compareTable(output.document, output.definitions));
        process.stdout.write(`\nwrote ${written.join(", ")}\n`);
      }
      if (flags.report) await buildReportInFolder(folder, flags.quiet);
    });
}
