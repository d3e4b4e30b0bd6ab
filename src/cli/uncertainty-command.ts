/**
 * `resim uncertainty` (alias `psa`): probabilistic sensitivity analysis. Every input of the
 * scenario's `uncertain:` list is drawn at once per replication (Latin hypercube), every model
 * runs on the same draws and calls, and each metric and difference from the baseline is reported
 * with a range that includes the inputs' uncertainty, with P(better) and the CEAC.
 */
import { Command, InvalidArgumentError } from "commander";
import { join } from "node:path";
import { prepareUncertainty, uncertaintyFromParts, uncertaintyPoints } from "../experiment/uncertainty-analysis.js";
import { parseShard, studyPartComplete, writeStudyPart, type PointResult, type StudyManifest } from "../experiment/study.js";
import { summarizeUncertainty, wtpGrid } from "../metrics/uncertainty-summary.js";
import { checkOutputFolder } from "../output/folder-commit.js";
import { uncertaintyTable } from "../report/uncertainty-table.js";
import { writeUncertaintyOutputs } from "../report/uncertainty-files.js";
import { integerAtLeast } from "./options.js";
import { loadWithFlags, runOptions, withScenarioOptions, type ScenarioFlags } from "./scenario-options.js";
import { UsageError } from "./usage-error.js";
import { buildReportInFolder } from "./report-command.js";
import { cpusPerShard, emitJob, scenarioArgs, withEmitOptions, type EmitFlags } from "./job-script.js";

/** Draws when --draws is not given: enough for the 2.5th and 97.5th percentiles to rest on a few draws each. */
export const DEFAULT_DRAWS = 100;
/** Prices per outcome shown in the terminal (ceac.csv holds the whole grid). */
export const DEFAULT_WTP = [1_000, 5_000, 20_000];

interface UncertaintyFlags extends ScenarioFlags, EmitFlags {
  draws: number;
  shard?: string;
  model?: string[];
  wtp: number[];
  out?: string;
  report?: boolean;
}

function wtpList(value: string): number[] {
  const values = value.split(",").map((v) => Number(v.trim()));
  if (values.length === 0 || values.some((v) => !Number.isFinite(v) || v < 0) || value.trim() === "") {
    throw new InvalidArgumentError(`must be a comma-separated list of amounts >= 0, like 1000,5000,20000, got '${value}'`);
  }
  return values;
}

export function uncertaintyCommand(): Command {
  return withEmitOptions(withScenarioOptions(
    new Command("uncertainty")
      .alias("psa")
      .description("probabilistic sensitivity analysis: draw every uncertain input at once, run every model on the same draws")
      .argument("<file>", "scenario file with an 'uncertain' list of {path, low, high, dist, source}")
      .option("-n, --draws <n>", `input draws, one replication each (replaces --replications)`, integerAtLeast(2), DEFAULT_DRAWS)
      .option("-m, --model <id...>", "models to run (the baseline always runs)")
      .option("--wtp <list>", "willingness to pay per outcome shown in the terminal, e.g. 1000,5000,20000 (added to ceac.csv's grid)", wtpList, DEFAULT_WTP)
      .option("--shard <i/n>", "run only shard I of N (every N-th draw), for job arrays; resim merge combines the shards")
      .option("-o, --out <dir>", "output folder (default: reports/<scenario>-uncertainty)")
      .option("--report", "also write report.html and charts/ (as 'resim report' does; in a run's folder, the run's report with a section on the uncertain inputs)"),
  ))
    .addHelpText(
      "after",
      `
Examples:
  resim uncertainty scenarios/riverton.yaml --draws 200
  resim psa scenarios/riverton.yaml --draws 20 --days 14 --model centralized-outreach --wtp 500,2000,10000
  resim psa scenarios/riverton.yaml --draws 2000 --emit-slurm 50 > psa.sh    then: bash psa.sh

Draw d of a Latin hypercube over the 'uncertain' inputs runs as replication d of every model, so
the ranges cover input uncertainty and simulation noise together, and differences are paired.
Writes uncertainty.json, uncertainty-summary.csv (model, kind, metric, mean, low95, high95, n,
better, p_better), ceac.csv (model, outcome, metric, wtp, p_cost_effective, n), draws.csv (draw,
each input's value, model, metric, value), uncertainty-tornado.csv (model, metric, rank, input, the
mean difference from the baseline over the third of draws with the input lowest and highest,
swing), ceac.vl.json and tornado-N.vl.json. --report (or resim report DIR) adds report.html: the
probabilities, the curves and the tornadoes; into a run's folder (--out reports/riverton), the
run's report gains that section.`,
    )
    .action(async (file: string, flags: UncertaintyFlags, command: Command) => {
      if (flags.replications !== undefined) throw new UsageError("--replications: resim uncertainty runs one replication per draw; use --draws");
      const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
      if (shard && flags.report) throw new UsageError("--report: a shard holds only some of the draws; combine the shards with resim merge FOLDER... --out DIR, then run resim report DIR");
      const prepared = prepareUncertainty({ load: (extra) => loadWithFlags(file, flags, extra), draws: flags.draws, models: flags.model, overrides: flags.set.map((a) => a.text), shard, wtp: flags.wtp });
      const folder = flags.out ?? join("reports", `${prepared.manifest.scenario}-uncertainty`);
      if (flags.emitSlurm !== undefined || flags.emitK8s !== undefined) {
        prepared.check();
        const args = ["uncertainty", file, "--draws", String(flags.draws), ...(flags.model ? ["--model", ...flags.model] : []), "--wtp", flags.wtp.join(",")];
        emitJob(flags, { args: [...args, ...scenarioArgs(flags)], points: flags.draws, pointName: "draws", out: folder, cpus: cpusPerShard(command, flags) });
        return;
      }
      checkOutputFolder(folder);
      if (shard && studyPartComplete(folder, prepared.manifest, shard)) {
        process.stdout.write(`shard ${shard.index}/${shard.count}: already complete in ${folder} (same analysis, same flags); nothing to run\n`);
        return;
      }
      const run = await prepared.run(runOptions("uncertainty", flags));
      if (shard) {
        const points = uncertaintyPoints(run, shard);
        writeStudyPart(folder, prepared.manifest, points, shard);
        if (!flags.quiet) process.stdout.write(`shard ${shard.index}/${shard.count}: ${points.length} of ${run.draws} draws written to ${folder}; combine the shards with: resim merge FOLDER... --out DIR\n`);
        return;
      }
      const wtps = wtpGrid(flags.wtp);
      const summary = summarizeUncertainty(run.results, run.baseline, run.metrics, wtps);
      const written = writeUncertaintyOutputs(folder, run, summary, wtps, flags.wtp);
      if (!flags.quiet) process.stdout.write(`${uncertaintyTable(run, summary, flags.wtp)}\nwrote ${written.join(", ")}\n`);
      if (flags.report) await buildReportInFolder(folder, flags.quiet);
    });
}

/** `resim merge` of an uncertainty analysis's shards: writes and prints what one unsharded run does. */
export function mergeUncertaintyParts(manifest: StudyManifest, points: readonly PointResult[], folder: string, parts: number): void {
  const { run, wtp } = uncertaintyFromParts(manifest, points);
  const shown = wtp ?? DEFAULT_WTP;
  const wtps = wtpGrid(shown);
  const summary = summarizeUncertainty(run.results, run.baseline, run.metrics, wtps);
  const written = writeUncertaintyOutputs(folder, run, summary, wtps, shown);
  process.stdout.write(`${uncertaintyTable(run, summary, shown)}\nmerged ${parts} folder(s), ${points.length} draws; wrote ${written.join(", ")}\n`);
}
