/**
 * The commands `resim` has, as the root help lists them, without loading any of them: main.ts
 * loads only the module of the command that was named.
 */

export interface CommandEntry {
  /** The command's name, as typed. */
  name: string;
  /** Other names it answers to. */
  aliases?: readonly string[];
  /** Arguments as the root help lists them (`[options]` when the command has options). */
  usage: string;
  /** One line for the root help; the same words as the command's own .description(). */
  description: string;
}

/**
 * Every command, in the order the root help lists them. To add one, add a line here: name, usage,
 * description (tests/cli/startup.test.ts checks them against the command's own), and a line in
 * main.ts's LOADERS that imports its module.
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: "run", usage: "[options] <file>", description: "simulate a scenario's response models on the same calls and compare them" },
  { name: "compare", usage: "[options] <a> <b>", description: "run two scenario files' shared models on the same calls and report B - A, paired by replication" },
  { name: "validate", usage: "<file...>", description: "check a scenario, mapping or taxonomy file: exit 0 if valid, else exit 2 with one line per problem" },
  { name: "schema", usage: "[options]", description: "print a file format's JSON Schema (or write it with --out)" },
  { name: "sweep", usage: "[options] <file>", description: "run a scenario over the values of one or two parameters, on the same seeds at every point" },
  { name: "sensitivity", usage: "[options] <file>", description: "one parameter at a time, low and high, against the base scenario: a tornado ranking" },
  { name: "merge", usage: "[options] <folders...>", description: "combine the shards of a sweep, sensitivity or uncertainty run into what one unsharded run writes" },
  { name: "staff", usage: "[options] <file>", description: "find the cheapest roster of one or more unit types, by shift block, that meets every target" },
  { name: "uncertainty", aliases: ["psa"], usage: "[options] <file>", description: "probabilistic sensitivity analysis: draw every uncertain input at once, run every model on the same draws" },
  { name: "report", usage: "[options] <dir>", description: "write report.html and charts/ (Vega-Lite, SVG, PNG) from a run's folder" },
  { name: "import", usage: "[options] <file>", description: "import a city's CAD export (calls for service) as a call table a scenario can replay" },
  { name: "calibrate", usage: "[options] <file>", description: "fit a replay scenario's baseline to the city's observed response times and write the calibrated scenario" },
];

/** The entry of the command the arguments name (`resim NAME ...` or `resim help NAME`), if any. */
export function namedCommand(args: readonly string[]): CommandEntry | undefined {
  // The root takes no option with a value, so the first word that is not an option is the command.
  const words = args.filter((a) => !a.startsWith("-"));
  const name = words[0] === "help" ? words[1] : words[0];
  return COMMANDS.find((c) => c.name === name || c.aliases?.includes(name ?? ""));
}
