/**
 * `resim sweep`, `resim sensitivity` and `resim merge`: studies of many points, on the same
 * replication seeds, runnable in shards (`--shard I/N`) and merged into exactly what one
 * unsharded run writes.
 */
import { Command } from "commander";
import { prepareStudy, type StudyPlan } from "../experiment/run-study.js";
import { mergeStudyParts, parseShard, readStudyPart, studyPartComplete, writeStudyPart } from "../experiment/study.js";
import { metricDefinitions } from "../metrics/definitions.js";
import { suggestion } from "../scenario/near-miss.js";
import { parseValues, sweepPoints } from "../experiment/sweep.js";
import { SWEEP_KEY_METRICS } from "../report/sweep-csv.js";
import { writeStudyOutputs } from "../report/study-files.js";
import { studyTable } from "../report/study-tables.js";
import type { MetricDefinition } from "../metrics/definitions.js";
import { checkOutputFolder } from "../output/folder-commit.js";
import { checkFolderScenario } from "../experiment/folder-owner.js";
import { defaultOutputFolder } from "../scenario/provenance.js";
import { loadWithFlags, runOptions, withScenarioOptions, type ScenarioFlags } from "./scenario-options.js";
import { UsageError } from "./usage-error.js";
import { cpusPerShard, emitJob, scenarioArgs, withEmitOptions, type EmitFlags } from "./job-script.js";

interface StudyFlags extends ScenarioFlags, EmitFlags {
  out?: string;
  shard?: string;
  model?: string[];
  metric?: string[];
}

/** The command line of a study as a job runs it: `args` (the study's own flags) with the shared ones. */
interface JobLine {
  command: Command;
  args: string[];
}

/**
 * Runs a plan, writes the shard's points or the whole study's outputs, and says what it wrote; or,
 * with --emit-slurm / --emit-k8s, prints the job that runs it in shards and runs nothing.
 */
async function runAndWrite(file: string, flags: StudyFlags, plan: Omit<StudyPlan, "load" | "shard">, defaultFolder: (name: string) => string, line: JobLine, unit?: MetricDefinition["unit"]): Promise<void> {
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  const base = loadWithFlags(file, flags);
  const folder = flags.out ?? defaultFolder(defaultOutputFolder(base.config.name, base.overrides ?? []));
  const prepared = prepareStudy({ ...plan, load: (extra) => loadWithFlags(file, flags, extra), shard });
  if (flags.emitSlurm !== undefined || flags.emitK8s !== undefined) {
    // Every point is validated here, so a bad --values fails now, not in N jobs on the cluster.
    prepared.check();
    emitJob(flags, { args: [...line.args, ...scenarioArgs(flags)], points: plan.points.length, out: folder, cpus: cpusPerShard(line.command, flags) });
    return;
  }
  // Checked before the run: the folder must be writable and hold no other scenario's results.
  checkOutputFolder(folder);
  checkFolderScenario(folder, { scenario: base.config.name, scenarioFile: file }, `a ${plan.kind}`);
  if (shard && studyPartComplete(folder, prepared.manifest, shard)) {
    process.stdout.write(`shard ${shard.index}/${shard.count}: already complete in ${folder} (same study, same flags); nothing to run\n`);
    return;
  }
  const { manifest, points } = await prepared.run(runOptions(plan.kind, flags));
  if (shard) {
    writeStudyPart(folder, manifest, points, shard);
    if (!flags.quiet) process.stdout.write(`shard ${shard.index}/${shard.count}: ${points.length} of ${manifest.points} points written to ${folder}; combine the shards with: resim merge FOLDER... --out DIR\n`);
    return;
  }
  const written = writeStudyOutputs(folder, manifest, points);
  if (!flags.quiet) process.stdout.write(`${studyTable(manifest, points, unit)}\n${manifest.points} points, ${manifest.replications} replications each; wrote ${written.join(", ")}\n`);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function sweepCommand(): Command {
  return withEmitOptions(withScenarioOptions(
    new Command("sweep")
      .description("run a scenario over the values of one or two parameters, on the same seeds at every point")
      .argument("<file>", "scenario file")
      .requiredOption("-p, --param <path>", "parameter to sweep (repeat for a second one)", collect, [])
      .requiredOption("-v, --values <list>", "its values: 1..8, 0.5..0.9:0.1 or 2,4,8 (one --values per --param)", collect, [])
      .option("-m, --model <id...>", "models to run (the baseline always runs)")
      .option("--metric <name...>", `metrics to chart against the parameter (default: ${SWEEP_KEY_METRICS.join(", ")})`)
      .option("--shard <i/n>", "run only shard I of N (every N-th point), for job arrays")
      .option("-o, --out <dir>", "output folder (default: reports/<scenario>-sweep)"),
  ))
    .addHelpText(
      "after",
      `
Examples:
  resim sweep scenarios/riverton.yaml --model centralized-outreach \\
    --param models.centralized-outreach.staffing.outreach-team[3].units --values 0..7
  resim sweep scenarios/riverton.yaml --param models.centralized-outreach.dispatch[0].uptake --values 0.2..1:0.2 \\
    --param models.centralized-outreach.hub.phoneResolution --values 0,0.2,0.4
  resim sweep ... --shard 3/8 --out sweep-part-3      then: resim merge sweep-part-* --out reports/sweep
  resim sweep ... --emit-slurm 8 > sweep.sh           then: bash sweep.sh (a job array and a dependent merge)

Writes sweep.csv (point, parameter, value[, parameter2, value2], model, metric, mean, ci_low,
ci_high, n, unit, base_point, minus_base_point, minus_base_point_ci_low, minus_base_point_ci_high,
minus_baseline, minus_baseline_ci_low, minus_baseline_ci_high: the metric's unit, the point's
difference from point 0 (the first of each --values) for the same model, and the model's difference
from the baseline model at the same point, each paired by replication with its 95% interval), a
Vega-Lite chart per --metric (sweep-<metric>.vl.json: the metric against the first parameter with
95% bands), study.json and points/ (each point's raw replications, which resim merge combines).
'resim report FOLDER' on a run folder holding sweep.csv adds the sweep curves to report.html.`,
    )
    .action(async (file: string, flags: StudyFlags & { param: string[]; values: string[] }, command: Command) => {
      if (flags.param.length !== flags.values.length) {
        throw new UsageError(`each --param needs its own --values: got ${flags.param.length} --param and ${flags.values.length} --values`);
      }
      const parameters = flags.param.map((path, i) => ({ path, values: parseValues(flags.values[i]) }));
      const base = loadWithFlags(file, flags);
      const definitions = metricDefinitions(base.config);
      const charts = (flags.metric ?? SWEEP_KEY_METRICS).map((metric) => {
        const definition = definitions.find((d) => d.name === metric);
        if (!definition) throw new UsageError(`--metric: no metric '${metric}'${suggestion(metric, definitions.map((d) => d.name)) || " (see the metrics in summary.json)"}`);
        return { metric, unit: definition.unit };
      });
      const args = [
        "sweep", file,
        ...flags.param.flatMap((path, i) => ["--param", path, "--values", flags.values[i]]),
        ...(flags.model ? ["--model", ...flags.model] : []),
        ...(flags.metric ? ["--metric", ...flags.metric] : []),
      ];
      await runAndWrite(file, flags, { kind: "sweep", points: sweepPoints(parameters), models: flags.model, settings: { parameters, charts } }, (base) => `${base}-sweep`, { command, args });
    });
}

export function sensitivityCommand(): Command {
  return withEmitOptions(withScenarioOptions(
    new Command("sensitivity")
      .description("one parameter at a time, low and high, against the base scenario: a tornado ranking")
      .argument("<file>", "scenario file with an 'uncertain' list of {path, low, high, source}")
      .requiredOption("-m, --model <id>", "the model whose metric is ranked")
      .option("--metric <name>", "the metric to rank by", "cost.total")
      .option("--shard <i/n>", "run only shard I of N")
      .option("-o, --out <dir>", "output folder (default: reports/<scenario>-sensitivity)"),
  ))
    .addHelpText(
      "after",
      `
Examples:
  resim sensitivity scenarios/riverton.yaml --model centralized-outreach
  resim sensitivity scenarios/riverton.yaml --model co-responder --metric responseMin.p90.behavioralHealth

Writes sensitivity.csv (parameters ranked by the swing of the metric, with paired differences from
the base run and their 95% intervals) and tornado.vl.json (a Vega-Lite tornado chart).`,
    )
    .action(async (file: string, flags: Omit<StudyFlags, "model"> & { model: string; metric: string }, command: Command) => {
      const base = loadWithFlags(file, flags);
      const uncertain = base.input.uncertain ?? [];
      if (uncertain.length === 0) throw new UsageError(`${file} declares no 'uncertain' parameters (a list of {path, low, high, source})`);
      if (!base.config.models.some((m) => m.name === flags.model)) {
        throw new UsageError(`--model: ${file} has no model '${flags.model}' (models: ${base.config.models.map((m) => m.name).join(", ")})`);
      }
      const definitions = metricDefinitions(base.config);
      const known = definitions.map((d) => d.name);
      if (!known.includes(flags.metric)) {
        throw new UsageError(`--metric: no metric '${flags.metric}'${suggestion(flags.metric, known) || " (see the metrics in summary.json)"}`);
      }
      const points: [string, unknown][][] = [[], ...uncertain.flatMap((u): [string, unknown][][] => [[[u.path, u.low]], [[u.path, u.high]]])];
      const parameters = uncertain.map((u) => ({ path: u.path, low: u.low, high: u.high, source: u.source ?? "" }));
      await runAndWrite(
        file,
        { ...flags, model: [flags.model] },
        { kind: "sensitivity", points, models: [flags.model], settings: { model: flags.model, metric: flags.metric, parameters } },
        (base) => `${base}-sensitivity`,
        { command, args: ["sensitivity", file, "--model", flags.model, "--metric", flags.metric] },
        definitions.find((d) => d.name === flags.metric)?.unit,
      );
    });
}

export function mergeCommand(): Command {
  return new Command("merge")
    .description("combine the shards of a sweep, sensitivity or uncertainty run into what one unsharded run writes")
    .argument("<folders...>", "shard output folders")
    .requiredOption("-o, --out <dir>", "output folder")
    .addHelpText("after", "\nExample:\n  resim merge reports/sweep-part-1 reports/sweep-part-2 --out reports/sweep")
    .action(async (folders: string[], flags: { out: string }) => {
      const { manifest, points } = mergeStudyParts(folders.map((folder) => ({ folder, ...readStudyPart(folder) })));
      if (manifest.kind === "uncertainty") {
        // Loaded only for an uncertainty analysis's parts: merging a sweep needs none of it.
        const { mergeUncertaintyParts } = await import("./uncertainty-command.js");
        return mergeUncertaintyParts(manifest, points, flags.out, folders.length);
      }
      const written = writeStudyOutputs(flags.out, manifest, points);
      process.stdout.write(`${studyTable(manifest, points)}\n`);
      process.stdout.write(`merged ${folders.length} folder(s), ${points.length} points; wrote ${written.join(", ")}\n`);
    });
}
