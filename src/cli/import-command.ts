/** `resim import`: turn a city's CAD export into a call table a scenario can replay. */
import { Command } from "commander";
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fittedScenario } from "../import/emit-scenario.js";
import { replayScenario } from "../import/emit-replay.js";
import { formatImportReport } from "../import/import-report.js";
import { importCalls } from "../import/importer.js";
import { loadMapping } from "../import/mapping.js";
import { packageRoot } from "../import/package-root.js";
import { writeFileAtomic } from "../output/atomic-write.js";
import { groupedNumber } from "../output/grouped-number.js";
import { suggestion } from "../scenario/near-miss.js";
import { printableMessage } from "../streams/printable.js";
import { checkOutputFile } from "./output-target.js";
import { UsageError } from "./usage-error.js";

interface ImportFlags {
  profile?: string;
  mapping?: string;
  out?: string;
  strict?: boolean;
  emitScenario?: string;
  emitReplay?: string;
  template?: string;
  quiet?: boolean;
}

/** The folder of resim's package.json, where data/ and scenarios/ ship (from src/ or dist/src/). */
export { packageRoot };

/** The mapping file a --profile or --mapping flag names. */
function mappingFile(flags: ImportFlags): string {
  if ((flags.profile === undefined) === (flags.mapping === undefined)) {
    throw new UsageError("import: give exactly one of --profile NAME (a shipped profile: minneapolis, san-diego, san-luis-obispo) or --mapping FILE");
  }
  if (flags.mapping !== undefined) return flags.mapping;
  const folder = join(packageRoot(), "data", "mappings");
  const profiles = readdirSync(folder).filter((f) => f.endsWith(".yaml")).map((f) => f.slice(0, -5)).sort();
  if (!profiles.includes(flags.profile!)) {
    throw new UsageError(`--profile: no profile '${flags.profile}'${suggestion(flags.profile!, profiles) || ` (profiles: ${profiles.join(", ")})`}; write a mapping file and pass --mapping FILE for another city`);
  }
  return join(folder, `${flags.profile}.yaml`);
}

/** The `import` command for the resim program. */
export function importCommand(): Command {
  return new Command("import")
    .description("import a city's CAD export (calls for service) as a call table a scenario can replay")
    .argument("<file>", "the CAD export (CSV)")
    .option("-p, --profile <name>", "a shipped mapping: data/mappings/<name>.yaml (minneapolis, san-diego, san-luis-obispo)")
    .option("--mapping <file>", "a mapping file for any other export")
    .option("-o, --out <file>", "call table to write (default: data/imported/<mapping name>.csv)")
    .option("--strict", "stop at the first bad row or value (exit code 2) instead of counting and skipping it")
    .option("--emit-scenario <file>", "also write a synthetic scenario fitted to the imported calls")
    .option("--emit-replay <file>", "also write that scenario as a replay of the imported table, ready for resim calibrate")
    .option("--template <file>", "scenario whose unit types and models --emit-scenario reuses (default: scenarios/riverton.yaml)")
    .option("-q, --quiet", "print nothing but errors")
    .addHelpText(
      "after",
      `
Examples:
  resim import ../shared/data/cfs/san_diego/pd_calls_for_service_2023-01-01_to_2023-01-22_datasd.csv \\
      --profile san-diego --out data/imported/san-diego.csv
  resim import slopd_call_log.csv --profile san-luis-obispo --emit-scenario scenarios/slo.yaml
  resim import slopd_call_log.csv --profile san-luis-obispo --out slo.csv --emit-replay slo-replay.yaml
  resim import calls.csv --mapping my-city.yaml --strict

Prints what it understood (rows kept and skipped by reason with line numbers, warnings, time
span, calls per day, category and priority mix, unmapped call types, observed-time quantiles, and
where the export has them the call-processing delay, cancellations, units per call and intake
recoding) and writes the call table. Replay it with demand: { historical: { file: ... } } in a scenario.`,
    )
    .action((file: string, flags: ImportFlags) => {
      const mapping = loadMapping(mappingFile(flags));
      const out = flags.out ?? join("data", "imported", `${mapping.name}.csv`);
      // Before the import reads for minutes: an output that can never be written fails now.
      checkOutputFile(out, "--out");
      if (flags.emitScenario !== undefined) checkOutputFile(flags.emitScenario, "--emit-scenario", "scenario.yaml");
      if (flags.emitReplay !== undefined) checkOutputFile(flags.emitReplay, "--emit-replay", "scenario.yaml");
      const { tally, lookup } = importCalls({ file, mapping, out, strict: flags.strict });
      if (!flags.quiet) {
        // The report quotes the export's own text (call types): escape what a terminal would act on.
        process.stdout.write(printableMessage(formatImportReport(file, mapping, tally, lookup)));
        process.stdout.write(`\nwrote ${out} (${groupedNumber(tally.kept)} calls)\n`);
      }
      for (const [flag, target] of [["--emit-scenario", flags.emitScenario], ["--emit-replay", flags.emitReplay]] as const) {
        if (target === undefined) continue;
        if (tally.kept === 0) throw new UsageError(`${flag}: no call was imported, so there is nothing to fit`);
        const root = packageRoot();
        const text = fittedScenario({
          tally,
          mapping,
          exportFile: file,
          templateFile: flags.template ?? join(root, "scenarios", "riverton.yaml"),
          outFile: target,
          schemaFile: resolve(root, "schema", "scenario.schema.json"),
        });
        if (flag === "--emit-scenario") {
          writeFileAtomic(target, text);
          if (!flags.quiet) process.stdout.write(`wrote ${target} (a synthetic scenario fitted to these calls; edit its rosters)\n`);
        } else {
          writeFileAtomic(target, replayScenario({ fittedText: text, tally, tableFile: out, outFile: target, exportFile: file }));
          if (!flags.quiet) process.stdout.write(`wrote ${target} (a replay of ${out}; calibrate it with: resim calibrate ${target})\n`);
        }
      }
    });
}
