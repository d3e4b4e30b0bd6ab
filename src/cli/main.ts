#!/usr/bin/env node
/**
 * The `resim` command: a thin layer over the library. User mistakes (bad scenario, bad flag) exit
 * with code 2 and a message naming the file, the key path, what was expected and what was found;
 * only a bug in resim itself prints a stack trace.
 *
 * Start-up is kept short: this file loads only commander and the module of the command that was
 * named (see COMMANDS), so `resim --help` or `resim validate` never loads the simulation, the
 * chart stack (vega, resvg) or the scenario schema it does not need.
 */
import { Command, CommanderError, Help } from "commander";
import nodeModule from "node:module";
import { installExitCleanup } from "../output/cleanup.js";
import { printableMessage } from "../streams/printable.js";
import { machineProblem } from "./machine-problem.js";

const USER_ERROR = 2;

interface CommandEntry {
  /** The command's name, as typed. */
  name: string;
  /** Other names it answers to. */
  aliases?: readonly string[];
  /** Arguments as the root help lists them (`[options]` when the command has options). */
  usage: string;
  /** One line for the root help; the same words as the command's own .description(). */
  description: string;
  /** Loads the command's module and builds it: called only for the command that was named. */
  load: () => Promise<Command>;
}

/**
 * Every command, in the order the root help lists them. To add one, add a line here: name, usage,
 * description (tests/cli/startup.test.ts checks them against the command's own), and a `load`
 * that imports its module. Never import a command module statically in this file: that would
 * load it, and everything it imports, for every command.
 */
const COMMANDS: readonly CommandEntry[] = [
  { name: "run", usage: "[options] <file>", description: "simulate a scenario's response models on the same calls and compare them", load: async () => (await import("./run-command.js")).runCommand() },
  { name: "compare", usage: "[options] <a> <b>", description: "run two scenario files' shared models on the same calls and report B - A, paired by replication", load: async () => (await import("./compare-command.js")).compareCommand() },
  { name: "validate", usage: "<file...>", description: "check a scenario, mapping or taxonomy file: exit 0 if valid, else exit 2 with one line per problem", load: async () => (await import("./validate-command.js")).validateCommand() },
  { name: "schema", usage: "[options]", description: "print a file format's JSON Schema (or write it with --out)", load: async () => (await import("./schema-command.js")).schemaCommand() },
  { name: "sweep", usage: "[options] <file>", description: "run a scenario over the values of one or two parameters, on the same seeds at every point", load: async () => (await import("./study-commands.js")).sweepCommand() },
  { name: "sensitivity", usage: "[options] <file>", description: "one parameter at a time, low and high, against the base scenario: a tornado ranking", load: async () => (await import("./study-commands.js")).sensitivityCommand() },
  { name: "merge", usage: "[options] <folders...>", description: "combine the shards of a sweep, sensitivity or uncertainty run into what one unsharded run writes", load: async () => (await import("./study-commands.js")).mergeCommand() },
  { name: "staff", usage: "[options] <file>", description: "find the cheapest roster of one or more unit types, by shift block, that meets every target", load: async () => (await import("./staff-command.js")).staffCommand() },
  { name: "uncertainty", aliases: ["psa"], usage: "[options] <file>", description: "probabilistic sensitivity analysis: draw every uncertain input at once, run every model on the same draws", load: async () => (await import("./uncertainty-command.js")).uncertaintyCommand() },
  { name: "report", usage: "[options] <dir>", description: "write report.html and charts/ (Vega-Lite, SVG, PNG) from a run's folder", load: async () => (await import("./report-command.js")).reportCommand() },
  { name: "import", usage: "[options] <file>", description: "import a city's CAD export (calls for service) as a call table a scenario can replay", load: async () => (await import("./import-command.js")).importCommand() },
  { name: "calibrate", usage: "[options] <file>", description: "fit a replay scenario's baseline to the city's observed response times and write the calibrated scenario", load: async () => (await import("./calibrate-command.js")).calibrateCommand() },
];

/** The entry of the command the arguments name (`resim NAME ...` or `resim help NAME`), if any. */
function namedCommand(args: readonly string[]): CommandEntry | undefined {
  // The root takes no option with a value, so the first word that is not an option is the command.
  const words = args.filter((a) => !a.startsWith("-"));
  const name = words[0] === "help" ? words[1] : words[0];
  return COMMANDS.find((c) => c.name === name || c.aliases?.includes(name ?? ""));
}

/** A stand-in that lists a command in the root help and in "did you mean" without loading it. */
function placeholder(entry: CommandEntry): Command {
  const command = new Command(entry.name).description(entry.description);
  for (const alias of entry.aliases ?? []) command.alias(alias);
  return command;
}

async function program(args: readonly string[]): Promise<Command> {
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
  for (const entry of COMMANDS) root.addCommand(entry === named ? await entry.load() : placeholder(entry));
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

// From Node 22.1 on, the compiled code of the modules loaded from here on (the command's, with zod,
// yaml and the simulation) is cached on disk (in os.tmpdir(), as tsc does), so later runs skip
// compiling it; Node 20 has no such cache and this does nothing.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// Temporary, staging and spill files are removed however the command ends (error, Ctrl-C, SIGTERM).
installExitCleanup();

// A reader that stops early (`resim run ... | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

try {
  await (await program(process.argv.slice(2))).parseAsync(process.argv);
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
