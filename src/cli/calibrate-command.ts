/**
 * `resim calibrate`: fits a replay scenario's baseline (police roster level, call-processing
 * delay, time on scene, priority aging where offered) to the response times the city's export
 * observed, prints a fit table per step, and writes the calibrated scenario beside the input.
 */
import { resolve } from "node:path";
import { Command } from "commander";
import { calibrate, type CalibrationResult, type FitStep } from "../experiment/calibrate.js";
import { fittedNote } from "../experiment/calibrate-knobs.js";
import { observedResponse, prioritySourceNote, type ObservedResponse } from "../experiment/calibrate-observed.js";
import { calibratedScenarioText, defaultCalibratedFile } from "../experiment/calibrate-scenario.js";
import { fitTable } from "../import/calibration.js";
import { alignColumns } from "../import/text-table.js";
import { writeFileAtomic } from "../output/atomic-write.js";
import { groupedNumber } from "../output/grouped-number.js";
import { loadScenario, readScenarioFile } from "../scenario/load.js";
import { integerAtLeast } from "./options.js";
import { UsageError } from "./usage-error.js";

interface CalibrateFlags {
  out?: string;
  replications: number;
  seed?: number;
  maxEvaluations: number;
  quiet?: boolean;
}

const signed = (error: number | null) => (error === null ? "n/a" : `${error >= 0 ? "+" : ""}${(error * 100).toFixed(0)}%`);

function stepText(step: FitStep, index: number): string {
  const values = step.knob === null ? "" : `: ${step.knob.describe(step.values[step.knob.id] ?? step.knob.initial)}`;
  return `\nStep ${index}. ${step.title}${values} (${step.evaluations} evaluation${step.evaluations === 1 ? "" : "s"})\n${fitTable(step.rows)}\n`;
}

function summaryText(result: CalibrationResult, observed: ObservedResponse): string {
  const lines: string[] = ["", "Fitted values:"];
  for (const knob of result.knobs) {
    const value = result.values[knob.id];
    lines.push(`  ${knob.label}: ${value === undefined || value === knob.asWritten ? "as written" : fittedNote(knob, value)}`);
  }
  lines.push("", `Final fit (same calls on both sides; ${prioritySourceNote(observed.prioritySource)}):`, fitTable(result.rows));
  lines.push(
    "",
    result.reached
      ? "Target reached: overall p50 and p90 within 15%, each priority's p90 within 25%."
      : "Target not reached (overall p50 and p90 within 15%, each priority's p90 within 25%). What stops it:",
  );
  for (const limit of result.limits) lines.push(`  - ${limit}`);
  if (result.aging !== null) {
    const { strict, aged, afterMin, kept } = result.aging;
    const rows: string[][] = [["p90 error", "strict priority", `aging after ${afterMin.toFixed(0)} min`]];
    for (const r of strict) {
      const other = aged.find((a) => a.metric === r.metric);
      rows.push([r.metric, signed(r.error), signed(other?.error ?? null)]);
    }
    lines.push("", `Strict priority against priority aging (each with the delay and roster refitted); ${kept ? "aging fits better and is kept" : "strict priority fits better and is kept"}:`, ...alignColumns(rows, "  "));
  }
  return `${lines.join("\n")}\n`;
}

export function calibrateCommand(): Command {
  return new Command("calibrate")
    .description("fit a replay scenario's baseline to the city's observed response times and write the calibrated scenario")
    .argument("<file>", "replay scenario (demand.historical) to calibrate")
    .option("-o, --out <file>", "calibrated scenario to write (default: NAME.calibrated.yaml beside the input)")
    .option("-r, --replications <n>", "replications per evaluation", integerAtLeast(1), 3)
    .option("-s, --seed <n>", "random seed of every evaluation (default: the scenario's)", integerAtLeast(0))
    .option("--max-evaluations <n>", "most simulations of the baseline the fit may run", integerAtLeast(4), 100)
    .option("-q, --quiet", "print nothing but errors")
    .addHelpText(
      "after",
      `
Examples:
  resim calibrate slo-replay.yaml          writes slo-replay.calibrated.yaml beside it
  resim calibrate slo-replay.yaml --replications 5 --out slo-fitted.yaml

Fits, one knob at a time: travel time (the police unit types' travelMin) to the export's
dispatched -> arrived median of its most urgent calls; the call-processing delay
(callProcessingMin) to the observed response p50; the police roster level (one factor on the
baseline's police unit types, applied to the same rosters in every model) to the observed p90;
time on scene when the roster alone cannot reach the p90; then priority aging and a priority-1
reserve (dispatchPolicy), kept only when they fit better. Only calls the export measured (an
observed arrival) are compared, on both sides. Prints a fit table per step and writes a
scenario that extends the input with the fitted values, each marked 'fitted by resim
calibrate'. Run it with 'resim run'.`,
    )
    .action((file: string, flags: CalibrateFlags) => {
      const loaded = loadScenario(file, { run: { seed: flags.seed, replications: flags.replications } });
      const { config, input } = loaded;
      if (config.demand.historical === null) {
        throw new UsageError(
          `${file}: demand: resim calibrate needs a replay scenario (demand.historical naming a call table from 'resim import'), found synthetic demand (demand.callsPerDay); ` +
            "there are no observed response times to fit to",
        );
      }
      const observed = observedResponse(config)!;
      if (observed.overall.count === 0) {
        throw new UsageError(
          `${file}: demand.historical.file: the call table ${observed.file} has no observed arrival time for the ${groupedNumber(observed.calls)} calls of the measured period ` +
            "(the export has no arrival times?), so there is nothing to calibrate to",
        );
      }
      const out = flags.out ?? defaultCalibratedFile(file);
      if (resolve(out) === resolve(file)) throw new UsageError(`--out ${out}: is the input scenario; resim calibrate never overwrites it (choose another file)`);
      const say = (text: string) => {
        if (!flags.quiet) process.stdout.write(text);
      };
      const baseline = config.models[config.run.baseline].name;
      say(
        `Calibrating ${baseline} in ${file} to ${groupedNumber(observed.overall.count)} observed responses (${observed.firstDate} to ${observed.lastDate}; ${prioritySourceNote(observed.prioritySource)}); ` +
          `${flags.replications} replication(s) per evaluation, seed ${config.run.seed}, at most ${flags.maxEvaluations} evaluations\n`,
      );
      const progress = !flags.quiet && process.stderr.isTTY;
      let steps = 0;
      const result = calibrate({
        file,
        data: readScenarioFile(file),
        config,
        input,
        observed,
        replications: flags.replications,
        seed: flags.seed,
        maxEvaluations: flags.maxEvaluations,
        onStep: (step) => {
          if (progress) process.stderr.write("\r\x1b[K");
          say(stepText(step, ++steps));
        },
        onEvaluation: progress ? (done, most) => process.stderr.write(`\rcalibrating: evaluation ${done} (at most ${most})`) : undefined,
      });
      if (progress) process.stderr.write("\r\x1b[K");
      const text = calibratedScenarioText({
        inputFile: file,
        outFile: out,
        name: config.name,
        historicalFile: input.demand.historical!.file,
        result,
        observed,
        replications: flags.replications,
        seed: config.run.seed,
      });
      writeFileAtomic(out, text);
      // The file must run as written: a calibrated scenario that does not validate is a bug of calibrate.
      loadScenario(out);
      say(summaryText(result, observed));
      say(`\n${result.evaluations} evaluations. Wrote ${out}; run it with: resim run ${out}\n`);
    });
}
