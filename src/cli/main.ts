#!/usr/bin/env node
/**
 * The `resim` executable: runs the command line (cli.ts), loading only the module of the command
 * that was named (LOADERS), so `resim --help` never loads the simulation, the chart stack (vega,
 * resvg) or the scenario schema.
 *
 * After `npm run build`, `resim validate` runs from a CommonJS bundle of its own
 * (dist/bundle/validate.cjs) whose compiled code is kept on disk between runs (compile-cache.ts):
 * compiling zod, yaml and commander was most of what checking a small scenario cost. Node's
 * builtins are reached through process.getBuiltinModule here, as importing one as an ES module
 * costs more than the module itself (node:fs alone, about 8 ms).
 */
import type { Command } from "commander";
import { namedCommand } from "./commands.js";
import { runBundle } from "./compile-cache.js";

/** Set by the bundle's build (`--define`); undefined when tsc wrote this file, which then never reads a bundle. */
declare const RESIM_BUNDLE: boolean | undefined;

/** Builds each command from its module, loaded on demand. Never import a command module statically here. */
const LOADERS: Record<string, () => Promise<Command>> = {
  run: async () => (await import("./run-command.js")).runCommand(),
  compare: async () => (await import("./compare-command.js")).compareCommand(),
  validate: async () => (await import("./validate-command.js")).validateCommand(),
  schema: async () => (await import("./schema-command.js")).schemaCommand(),
  sweep: async () => (await import("./study-commands.js")).sweepCommand(),
  sensitivity: async () => (await import("./study-commands.js")).sensitivityCommand(),
  merge: async () => (await import("./study-commands.js")).mergeCommand(),
  staff: async () => (await import("./staff-command.js")).staffCommand(),
  uncertainty: async () => (await import("./uncertainty-command.js")).uncertaintyCommand(),
  report: async () => (await import("./report-command.js")).reportCommand(),
  import: async () => (await import("./import-command.js")).importCommand(),
  calibrate: async () => (await import("./calibrate-command.js")).calibrateCommand(),
};

// From Node 22.1 on, the compiled code of the modules loaded from here on (the command's, with zod,
// yaml and the simulation) is cached on disk (in os.tmpdir(), as tsc does), so later runs skip
// compiling it; on Node 20, compile-cache.ts does it for `resim validate`'s bundle.
(process.getBuiltinModule("node:module") as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const quick = typeof RESIM_BUNDLE !== "undefined" && namedCommand(process.argv.slice(2))?.name === "validate";
if (!(quick && runBundle(new URL("../../bundle/validate.cjs", import.meta.url)))) {
  const { runCli } = await import("./cli.js");
  await runCli(process.argv, (name) => LOADERS[name]());
}
