/**
 * `node dist/bench/calibrate-slo.js` (after `npx tsc -p tsconfig.json`): `resim calibrate` end to
 * end on the San Luis Obispo extract (read from ../shared/data/cfs, never copied into the
 * repository), printed, never asserted: the machine is shared and noisy, and the fit takes
 * several seconds, too long for a test.
 *
 * 1. `resim import --profile san-luis-obispo --emit-scenario` into a temporary folder.
 * 2. The emitted scenario turned into a replay of the imported table: `demand.historical`, seven
 *    warm-up days (day 0 is Monday 2021-09-13, the first call on day 2), 176 measured days; its
 *    unit types, models, processing delay, cancellations and units per call kept.
 * 3. `resim calibrate` on it, timed (wall clock), and its final fit and strict-against-aging
 *    comparison printed. The temporary folder is removed.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";

const EXPORT = "../shared/data/cfs/san_luis_obispo/slopd_call_log_2021-09-15_to_2022-03-14.csv";
const CLI = fileURLToPath(new URL("../src/cli/main.js", import.meta.url));

const folder = mkdtempSync(join(tmpdir(), "resim-bench-calibrate-"));
try {
  const table = join(folder, "slo.csv");
  const emitted = join(folder, "slo-synthetic.yaml");
  execFileSync(process.execPath, [CLI, "import", EXPORT, "--profile", "san-luis-obispo", "--out", table, "--emit-scenario", emitted, "--quiet"], { stdio: "inherit" });
  const scenario = parse(readFileSync(emitted, "utf8")) as Record<string, any>;
  scenario.name = "slo-replay";
  scenario.run = { warmupDays: 7, horizonDays: 176, seed: 20240521, replications: 10, baseline: "police-only" };
  scenario.demand = { historical: { file: "slo.csv" }, categories: Object.fromEntries(Object.keys(scenario.demand.categories).map((name) => [name, {}])) };
  for (const key of Object.keys(scenario.sources ?? {})) if (key.startsWith("demand.")) delete scenario.sources[key];
  const replay = join(folder, "slo-replay.yaml");
  writeFileSync(replay, stringify(scenario));
  const start = performance.now();
  const output = execFileSync(process.execPath, [CLI, "calibrate", replay], { encoding: "utf8" });
  const seconds = (performance.now() - start) / 1000;
  const final = output.slice(output.indexOf("Fitted values:"));
  process.stdout.write(`resim calibrate on the San Luis Obispo replay: ${seconds.toFixed(1)} s wall clock\n${final}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
