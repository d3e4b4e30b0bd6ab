#!/usr/bin/env node
/**
 * The `resim` command: a thin layer over the library. User mistakes (bad scenario, bad flag) exit
 * with code 2 and a message naming the file, the key path, what was expected and what was found;
 * only a bug in resim itself prints a stack trace.
 */
import { Command, CommanderError } from "commander";
import { AssignmentError } from "../scenario/assignments.js";
import { ScenarioError } from "../scenario/errors.js";
import { DataFileError } from "../streams/data-file-error.js";
import { compareCommand } from "./compare-command.js";
import { importCommand } from "./import-command.js";
import { reportCommand } from "./report-command.js";
import { runCommand } from "./run-command.js";
import { mergeCommand, sensitivityCommand, sweepCommand } from "./study-commands.js";
import { StudyError } from "../experiment/study.js";
import { OutputError } from "../output/atomic-write.js";
import { installExitCleanup } from "../output/cleanup.js";
import { schemaCommand } from "./schema-command.js";
import { staffCommand } from "./staff-command.js";
import { uncertaintyCommand } from "./uncertainty-command.js";
import { UsageError } from "./usage-error.js";
import { ResourceError } from "../experiment/resource-error.js";
import { WorkerCrashError } from "../experiment/worker-pool.js";
import { printableMessage } from "../streams/printable.js";
import { machineProblem } from "./machine-problem.js";
import { validateCommand } from "./validate-command.js";

const USER_ERROR = 2;

function program(): Command {
  const root = new Command("resim")
    .description("compare police-only, co-responder and centralized-outreach responses to 911 and crisis calls")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      `
Examples:
  resim run scenarios/riverton.yaml               compare the three response models for Riverton
  resim validate scenarios/riverton.yaml          check a scenario file
  resim report reports/riverton                   charts and a one-file HTML report from a run
  resim compare A.yaml B.yaml                     two scenario files on the same calls: B - A, paired
  resim schema --out schema/scenario.schema.json  write the scenario JSON Schema for editors
  resim import EXPORT.csv --profile san-diego     import a city's CAD export, to replay its real calls`,
    );
  for (const command of [runCommand(), compareCommand(), validateCommand(), schemaCommand(), sweepCommand(), sensitivityCommand(), mergeCommand(), staffCommand(), uncertaintyCommand(), reportCommand(), importCommand()]) {
    root.addCommand(command);
  }
  root.exitOverride();
  for (const command of root.commands) command.exitOverride();
  return root;
}

// Temporary, staging and spill files are removed however the command ends (error, Ctrl-C, SIGTERM).
installExitCleanup();

// A reader that stops early (`resim run ... | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

try {
  await program().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has already printed its message; help and --version end with code 0.
    process.exitCode = error.exitCode === 0 ? 0 : USER_ERROR;
  } else if (error instanceof ScenarioError || error instanceof UsageError || error instanceof AssignmentError || error instanceof StudyError || error instanceof DataFileError || error instanceof OutputError || error instanceof ResourceError) {
    // Messages quote the user's files: escape what a terminal would act on (printable.ts).
    process.stderr.write(`resim: ${printableMessage(error.message).split("\n").join("\nresim: ")}\n`);
    process.exitCode = USER_ERROR;
  } else if (error instanceof WorkerCrashError) {
    // A crash of resim, but its stack (the pool's) would say nothing more than the message.
    process.stderr.write(`resim: internal error (please report it): ${error.message}\n`);
    process.exitCode = 1;
  } else if (machineProblem(error) !== null) {
    process.stderr.write(`resim: ${printableMessage(machineProblem(error)!)}\n`);
    process.exitCode = USER_ERROR;
  } else {
    process.stderr.write(`resim: internal error (please report it): ${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  }
}
