/**
 * Start-up: the command line loads only the module of the command it runs (src/cli/main.ts), and
 * the chart stack (vega, vega-lite, resvg) only when a chart is drawn. Checked by listing the
 * files a real `resim` process loads, through a module loader hook, and the source modules they
 * hold: a file tsc wrote holds itself; after `npm run build`, dist/src/cli/main.js is the entry of
 * a bundle whose chunks (dist/bundle/) hold the modules that esbuild's metafile lists for them.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { calibrateCommand } from "../../src/cli/calibrate-command.js";
import { compareCommand } from "../../src/cli/compare-command.js";
import { importCommand } from "../../src/cli/import-command.js";
import { reportCommand } from "../../src/cli/report-command.js";
import { runCommand } from "../../src/cli/run-command.js";
import { schemaCommand } from "../../src/cli/schema-command.js";
import { staffCommand } from "../../src/cli/staff-command.js";
import { mergeCommand, sensitivityCommand, sweepCommand } from "../../src/cli/study-commands.js";
import { uncertaintyCommand } from "../../src/cli/uncertainty-command.js";
import { validateCommand } from "../../src/cli/validate-command.js";

const MAIN = "dist/src/cli/main.js";
const METAFILE = "dist/bundle/meta.json";

/** True when the last build was `npm run build` (main.js imports the bundle's chunks), false after tsc alone. */
const bundled = readFileSync(MAIN, "utf8").includes('"../../bundle/chunk-');

/** A loader hook that prints every module URL the process loads to stderr. */
function hookFile(): string {
  const folder = mkdtempSync(join(tmpdir(), "resim-startup-"));
  // Written straight to fd 2: the hooks' thread's process.stderr is flushed asynchronously and may be lost when resim exits first.
  writeFileSync(join(folder, "hooks.mjs"), `import { writeSync } from "node:fs";\nexport async function load(url, context, next) { writeSync(2, "LOADED " + url + "\\n"); return next(url, context); }\n`);
  writeFileSync(join(folder, "register.mjs"), `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(join(folder, "hooks.mjs")).href)});\n`);
  return join(folder, "register.mjs");
}

const register = hookFile();

/**
 * The file URLs `resim ARGS` loads (node's builtins left out): ES modules as the hook sees them,
 * CommonJS ones as NODE_DEBUG=module logs them. Without its compile cache, the bundle `resim
 * validate` runs from (dist/bundle/validate.cjs) is required as a CommonJS module is.
 */
function spawnLoaded(args: string[], env: Record<string, string> = {}): string[] {
  const { stderr } = spawnSync(process.execPath, ["--import", register, MAIN, ...args], { encoding: "utf8", env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: "1", NODE_DEBUG: "module", ...env } });
  return stderr.split("\n").flatMap((line) => {
    if (line.startsWith("LOADED file:")) return [line.slice(7)];
    const commonJs = /^MODULE \d+: load "(.+)" for module /.exec(line);
    return commonJs === null ? [] : [pathToFileURL(commonJs[1]).href];
  });
}

/** A module's name as both layouts can give it: `src/cli/main` or `node_modules/zod/v4/core/core.js`. */
function moduleName(path: string): string {
  const packaged = path.lastIndexOf("node_modules/");
  if (packaged >= 0) return path.slice(packaged);
  return path.replace(/^dist\//, "").replace(/\.[jt]s$/, "");
}

/** The source modules the loaded files hold: each file itself, or, for the bundle, its metafile inputs. */
function sourcesOf(urls: string[]): string[] {
  const outputs = bundled ? (JSON.parse(readFileSync(METAFILE, "utf8")) as { outputs: Record<string, { inputs: Record<string, unknown> }> }).outputs : {};
  return urls.flatMap((url) => {
    const file = relative(resolve("."), fileURLToPath(url)).split("\\").join("/");
    const output = outputs[file];
    return output === undefined ? [moduleName(file)] : Object.keys(output.inputs).map(moduleName);
  });
}

/** The source modules `resim ARGS` loads. */
const loadedModules = (args: string[]) => sourcesOf(spawnLoaded(args));

const fromPackage = (modules: string[], name: string) => modules.filter((module) => module.startsWith(`node_modules/${name}/`));

describe("start-up", () => {
  it("resim --help loads no command module, no chart stack, no schema validation and no YAML parser", () => {
    const modules = loadedModules(["--help"]);
    expect(modules).toContain("src/cli/main");
    expect(fromPackage(modules, "commander")).not.toEqual([]);
    for (const name of ["vega", "vega-lite", "@resvg/resvg-js", "zod", "yaml"]) expect(fromPackage(modules, name)).toEqual([]);
    expect(modules.filter((module) => /-command$|study-commands$/.test(module))).toEqual([]);
  });

  it("resim validate loads its own command and the scenario loader, but not the chart stack, the simulation or other commands", () => {
    const modules = loadedModules(["validate", "scenarios/validation/mmc.yaml"]);
    expect(modules).toContain("src/cli/validate-command");
    expect(modules).toContain("src/scenario/load");
    expect(fromPackage(modules, "zod")).not.toEqual([]);
    for (const name of ["vega", "vega-lite", "@resvg/resvg-js"]) expect(fromPackage(modules, name)).toEqual([]);
    expect(modules.filter((module) => /^src\/cli\/(run|report|import|compare|staff|calibrate|uncertainty)-command$/.test(module))).toEqual([]);
    expect(modules.filter((module) => module.startsWith("src/engine/"))).toEqual([]);
  });

  it("resim run without --report loads nothing of the chart stack", () => {
    const out = mkdtempSync(join(tmpdir(), "resim-startup-run-"));
    const modules = loadedModules(["run", "scenarios/validation/mmc.yaml", "--replications", "1", "--days", "5", "--workers", "1", "--quiet", "--out", join(out, "run")]);
    expect(modules).toContain("src/cli/run-command");
    expect(modules.some((module) => module.startsWith("src/engine/"))).toBe(true);
    for (const name of ["vega", "vega-lite", "@resvg/resvg-js", "@expo-google-fonts/arimo"]) expect(fromPackage(modules, name)).toEqual([]);
    expect(modules.filter((module) => /^src\/report\/(render-chart|build-report|report-charts|chart-font)$/.test(module))).toEqual([]);
  });

  it("resim run without --report loads neither the report command nor, unless it replays a city's calls, the calibration view", () => {
    const out = mkdtempSync(join(tmpdir(), "resim-startup-run-printed-"));
    for (const quiet of [["--quiet"], []]) {
      const modules = loadedModules(["run", "scenarios/validation/mmc.yaml", "--replications", "1", "--days", "1", "--workers", "1", ...quiet, "--out", join(out, `run${quiet.length}`)]);
      expect(modules).toContain("src/report/summary-files");
      expect(modules.filter((module) => /^src\/(cli\/report-command|report\/report-error|import\/calibration|experiment\/calibrate-evaluate)$/.test(module))).toEqual([]);
    }
  });

  it.runIf(bundled)("after npm run build, resim and its worker threads run from the bundle: every other file they load is a chunk of dist/bundle", () => {
    const out = mkdtempSync(join(tmpdir(), "resim-startup-bundle-"));
    const args = ["run", "scenarios/validation/mmc.yaml", "--replications", "4", "--days", "5", "--workers", "2", "--quiet", "--out", join(out, "run")];
    const urls = spawnLoaded(args, { RESIM_SMALL_JOB_MS: "0" });
    const files = urls.map((url) => relative(resolve("."), fileURLToPath(url)).split("\\").join("/"));
    const worker = "dist/src/experiment/replication-worker.js";
    expect(files[0]).toBe(MAIN);
    expect(files).toContain(worker);
    expect(files.filter((file) => file !== MAIN && file !== worker && !/^dist\/bundle\/chunk-[A-Z0-9]+\.js$/.test(file))).toEqual([]);
  });

  it("the root help lists every command with its own name and description, as loading it would", () => {
    const help = execFileSync(process.execPath, [MAIN, "--help"], { encoding: "utf8" }).replace(/\s+/g, " ");
    const commands = [runCommand(), compareCommand(), validateCommand(), schemaCommand(), sweepCommand(), sensitivityCommand(), mergeCommand(), staffCommand(), uncertaintyCommand(), reportCommand(), importCommand(), calibrateCommand()];
    for (const command of commands) {
      const args = command.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? "..." : ""}>` : `[${a.name()}${a.variadic ? "..." : ""}]`)).join(" ");
      const term = [[command.name(), ...command.aliases()].slice(0, 2).join("|"), command.options.length > 0 ? "[options]" : "", args].filter((w) => w !== "").join(" ");
      expect(help).toContain(`${term} ${command.description()}`.replace(/\s+/g, " "));
    }
  });

  it("resim help NAME and resim NAME --help load the named command and print its options", () => {
    for (const args of [["help", "run"], ["run", "--help"], ["psa", "--help"]]) {
      const text = execFileSync(process.execPath, [MAIN, ...args], { encoding: "utf8" });
      expect(text).toMatch(/^Usage: resim (run|uncertainty\|psa) \[options\] <file>/);
      expect(text).toContain("--replications");
    }
  });
});
