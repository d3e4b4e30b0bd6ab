/**
 * The `resim` command line: builds the program, runs it and maps errors to exit codes. User
 * mistakes (bad scenario, bad flag) exit with code 2 and a message naming the file, the key path,
 * what was expected and what was found; only a bug in resim itself prints a stack trace.
 *
 * Start-up is kept short: this file loads only commander and the module of the command that was
 * named (through `load`, see main.ts), so `resim --help` or `resim validate` never loads the
 * simulation, the chart stack (vega, resvg) or the scenario schema it does not need.
 */
import { Command, CommanderError, Help } from "commander";
import { installExitCleanup } from "../output/cleanup.js";
import { printableMessage } from "../streams/printable.js";
import { COMMANDS, namedCommand, type CommandEntry } from "./commands.js";
import { machineProblem } from "./machine-problem.js";

/** Loads the module of the command named `name` (an entry of COMMANDS) and builds the command. */
export type LoadCommand = (name: string) => Promise<Command>;

const USER_ERROR = 2;

/** A stand-in that lists a command in the root help and in "did you mean" without loading it. */
function placeholder(entry: CommandEntry): Command {
  const command = new Command(entry.name).description(entry.description);
  for (const alias of entry.aliases ?? []) command.alias(alias);
  return command;
}

async function program(args: readonly string[], load: LoadCommand): Promise<Command> {
  const named = namedCommand(args);
  const terms = new Map(COMMANDS.map((c) => [c.name, `${[c.name, ...(c.aliases ?? [])].slice(0, 2).join("|")}${c.usage ? ` ${c.usage}` : ""}`]));
  const root = new Command("resim")
    .description("compare police-only, co-responder and centralized-outreach responses to 911 and crisis calls")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    // The root help reads each command's usage from COMMANDS, as placeholders declare no arguments.
    .configureHelp({ subcommandTerm: (command) => terms.get(command.name()) ?? Help.prototype.subcommandTerm.call(new Help(), command) })
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
  for (const entry of COMMANDS) root.addCommand(entry === named ? await load(entry.name) : placeholder(entry));
  root.exitOverride();
  for (const command of root.commands) command.exitOverride();
  return root;
}

/**
 * resim's own errors for a user mistake, by class name: checking the name spares this file from
 * importing the modules that define them (study.ts, worker-pool.ts and assignments.ts would load
 * the simulation and yaml for every command).
 */
const USER_MISTAKES = new Set(["ScenarioError", "UsageError", "AssignmentError", "StudyError", "DataFileError", "OutputError", "ResourceError"]);

/** Runs the command line on `argv` (process.argv's shape); the exit code is left in process.exitCode. */
export async function runCli(argv: readonly string[], load: LoadCommand): Promise<void> {
  // Temporary, staging and spill files are removed however the command ends (error, Ctrl-C, SIGTERM).
  installExitCleanup();

  // A reader that stops early (`resim run ... | head`) is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });

  try {
    await (await program(argv.slice(2), load)).parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message; help and --version end with code 0.
      process.exitCode = error.exitCode === 0 ? 0 : USER_ERROR;
    } else if (error instanceof Error && USER_MISTAKES.has(error.name)) {
      // Messages quote the user's files: escape what a terminal would act on (printable.ts).
      process.stderr.write(`resim: ${printableMessage(error.message).split("\n").join("\nresim: ")}\n`);
      process.exitCode = USER_ERROR;
    } else if (error instanceof Error && error.name === "WorkerCrashError") {
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
}
