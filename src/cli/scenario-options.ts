/**
 * The options every command that runs a scenario shares (--set, --replications, --seed, --days,
 * --workers, --quiet), and loading a scenario with them.
 */
import type { Command } from "commander";
import { defaultWorkers } from "../experiment/worker-pool.js";
import { parseAssignment, type Assignment } from "../scenario/assignments.js";
import { loadScenario, type LoadedScenario } from "../scenario/load.js";
import { formatDuration, MAX_ESTIMATED_SECONDS } from "../experiment/run-budget.js";
import type { RunOptions } from "../experiment/run-experiment.js";
import { integerAtLeast, positiveNumber } from "./options.js";
import { estimateReporter, progressReporter } from "./progress.js";

export interface ScenarioFlags {
  set: Assignment[];
  replications?: number;
  seed?: number;
  days?: number;
  workers: number;
  quiet?: boolean;
  allowLong?: boolean;
}

/** Adds the shared options to a command. */
export function withScenarioOptions(command: Command): Command {
  return command
    .option("--set <path=value>", "override a scenario value (repeatable), e.g. models.co-responder.staffing.co-responder[0].units=4", collectAssignment, [])
    .option("-r, --replications <n>", "number of replications", integerAtLeast(1))
    .option("-s, --seed <n>", "random seed", integerAtLeast(0))
    .option("-d, --days <n>", "days to measure after warm-up", positiveNumber)
    .option("-w, --workers <n>", "threads, the main one included (results do not depend on it)", integerAtLeast(1), defaultWorkers())
    .option("-q, --quiet", "print nothing but errors")
    .option("--allow-long", `run even when the run is estimated to take over ${formatDuration(MAX_ESTIMATED_SECONDS)}`);
}

/** The run options these flags ask for: workers, progress, --allow-long, and the estimate of a long run printed. */
export function runOptions(label: string, flags: ScenarioFlags): RunOptions {
  return { workers: flags.workers, onProgress: progressReporter(label, flags.quiet), allowLong: flags.allowLong, onEstimate: estimateReporter(flags.quiet) };
}

function collectAssignment(value: string, previous: Assignment[]): Assignment[] {
  return [...previous, parseAssignment(value)];
}

/** Loads a scenario with the shared options applied. Throws ScenarioError. */
export function loadWithFlags(file: string, flags: ScenarioFlags, extra: readonly Assignment[] = []): LoadedScenario {
  return loadScenario(file, {
    set: [...flags.set, ...extra],
    run: { replications: flags.replications, seed: flags.seed, horizonDays: flags.days },
  });
}
