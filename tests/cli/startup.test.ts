/**
 * Start-up: the command line loads only the module of the command it runs (src/cli/main.ts), and
 * the chart stack (vega, vega-lite, resvg) only when a chart is drawn. Checked by listing the
 * modules a real `resim` process loads, through a module loader hook.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
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

/** A loader hook that prints every module URL the process loads to stderr. */
function hookFile(): string {
  const folder = mkdtempSync(join(tmpdir(), "resim-startup-"));
  writeFileSync(join(folder, "hooks.mjs"), `export async function load(url, context, next) { process.stderr.write("LOADED " + url + "\\n"); return next(url, context); }\n`);
  writeFileSync(join(folder, "register.mjs"), `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(join(folder, "hooks.mjs")).href)});\n`);
  return join(folder, "register.mjs");
}

const register = hookFile();

/** The module URLs `resim ARGS` loads. */
function spawnLoaded(args: string[]): string[] {
  const { stderr } = spawnSync(process.execPath, ["--import", register, MAIN, ...args], { encoding: "utf8" });
  return stderr.split("\n").filter((line) => line.startsWith("LOADED ")).map((line) => line.slice(7));
}

const fromPackage = (modules: string[], name: string) => modules.filter((url) => url.includes(`/node_modules/${name}/`));

describe("start-up", () => {
  it("resim --help loads no command module, no chart stack, no schema validation and no YAML parser", () => {
    const modules = spawnLoaded(["--help"]);
    expect(modules.some((url) => url.endsWith("/dist/src/cli/main.js"))).toBe(true);
    for (const name of ["vega", "vega-lite", "@resvg/resvg-js", "zod", "yaml"]) expect(fromPackage(modules, name)).toEqual([]);
    expect(modules.filter((url) => /-command\.js$|study-commands\.js$/.test(url))).toEqual([]);
  });

  it("resim validate loads its own command and the scenario loader, but not the chart stack, the simulation or other commands", () => {
    const modules = spawnLoaded(["validate", "scenarios/validation/mmc.yaml"]);
    expect(modules.some((url) => url.endsWith("/cli/validate-command.js"))).toBe(true);
    for (const name of ["vega", "vega-lite", "@resvg/resvg-js"]) expect(fromPackage(modules, name)).toEqual([]);
    expect(modules.filter((url) => /\/cli\/(run|report|import|compare|staff|calibrate|uncertainty)-command\.js$/.test(url))).toEqual([]);
    expect(modules.filter((url) => url.includes("/dist/src/engine/"))).toEqual([]);
  });

  it("resim run without --report loads nothing of the chart stack", () => {
    const out = mkdtempSync(join(tmpdir(), "resim-startup-run-"));
    const modules = spawnLoaded(["run", "scenarios/validation/mmc.yaml", "--replications", "1", "--days", "5", "--workers", "1", "--quiet", "--out", join(out, "run")]);
    expect(modules.some((url) => url.endsWith("/cli/run-command.js"))).toBe(true);
    expect(modules.some((url) => url.includes("/dist/src/engine/"))).toBe(true);
    for (const name of ["vega", "vega-lite", "@resvg/resvg-js"]) expect(fromPackage(modules, name)).toEqual([]);
    expect(modules.filter((url) => /\/report\/(render-chart|build-report|report-charts)\.js$/.test(url))).toEqual([]);
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
