/**
 * `npm run bench:startup`: whole-process start-up of the command line, as shipped (the bundle that
 * `npm run build` writes) and as tsc writes it (one file per module, built into dist/unbundled/ by
 * the same script), beside `node -e 0` as the floor. Runs alternate between the three so a drift
 * in the machine's speed touches all alike; each figure is the median of RUNS, after one warm-up.
 * The warm-up writes the compile cache of `resim validate`'s bundle (src/cli/compile-cache.ts),
 * which the counted runs read, as every run after a user's first does; the row "no compile cache"
 * is a first run (NODE_DISABLE_COMPILE_CACHE). Target: `resim --help` and `resim validate` of a
 * small scenario under 0.15 s. Printed, never asserted.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const RUNS = 11;
const BUNDLE = "dist/src/cli/main.js";
const UNBUNDLED = "dist/unbundled/src/cli/main.js";

if (!readFileSync(BUNDLE, "utf8").includes('"../../bundle/chunk-')) throw new Error(`${BUNDLE} is not the bundle's entry: run npm run build first`);
if (!existsSync(UNBUNDLED)) throw new Error(`${UNBUNDLED} is missing: run tsc -p tsconfig.json --outDir dist/unbundled first`);

// NODE_EXTRA_CA_CERTS makes every node process read a certificate bundle before it starts (about
// 70 ms on these machines), which would hide what resim itself costs; the figures leave it out.
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;

const out = mkdtempSync(join(tmpdir(), "resim-bench-startup-"));
const noCache = { NODE_DISABLE_COMPILE_CACHE: "1" };
const commands: [string, string[], Record<string, string>?][] = [
  ["--help", ["--help"]],
  ["validate scenarios/validation/mmc.yaml", ["validate", "scenarios/validation/mmc.yaml"]],
  ["validate mmc.yaml, no compile cache", ["validate", "scenarios/validation/mmc.yaml"], noCache],
  ["validate scenarios/riverton.yaml", ["validate", "scenarios/riverton.yaml"]],
  ["run mmc.yaml, 1 day, no report", ["run", "scenarios/validation/mmc.yaml", "--replications", "1", "--days", "1", "--workers", "1", "--quiet", "--out", join(out, "run")]],
  // As issue #14 times it: 10 replications on the default workers, the comparison printed.
  ["run mmc.yaml --days 1, printed", ["run", "scenarios/validation/mmc.yaml", "--days", "1", "--out", join(out, "run-printed")]],
];

/** Seconds one whole `node ARGS` process takes, start to exit. */
function seconds(args: string[], extraEnv: Record<string, string> = {}): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { env: { ...env, ...extraEnv }, stdio: ["ignore", "ignore", "pipe"] });
  const elapsed = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${run.status}: ${run.stderr}`);
  return elapsed;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log(`node ${process.version}, ${process.platform}/${process.arch}; median of ${RUNS} whole processes each, runs alternating; NODE_EXTRA_CA_CERTS unset`);
console.log(`  ${"".padEnd(52)} ${"tsc modules".padStart(16)} ${"bundle".padStart(16)}`);
for (const [label, args, extraEnv] of commands) {
  const floor: number[] = [];
  const unbundled: number[] = [];
  const bundle: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const times = [seconds(["-e", "0"]), seconds([UNBUNDLED, ...args], extraEnv), seconds([BUNDLE, ...args], extraEnv)];
    if (run === 0) continue;
    floor.push(times[0]);
    unbundled.push(times[1]);
    bundle.push(times[2]);
  }
  const cell = (times: number[]) => `${median(times).toFixed(3)} s (${(median(times) / median(floor)).toFixed(1)}x)`.padStart(16);
  console.log(`  resim ${label.padEnd(46)} ${cell(unbundled)} ${cell(bundle)}   node -e 0: ${median(floor).toFixed(3)} s`);
}
rmSync(out, { recursive: true, force: true });
// Not left in dist/, which is what the package ships.
rmSync("dist/unbundled", { recursive: true, force: true });
console.log("  (Nx): times node -e 0, measured beside it. Target: resim --help and resim validate under 0.150 s");
