/**
 * `npm run bench:simpy`: the whole process `resim run scenarios/validation/mmc.yaml` (M/M/10,
 * 1,000,000 calls) against the same queue in SimPy (bench/mmc-simpy.py), timed in alternating
 * runs in this one benchmark run, so both see the same machine. Prints each side's median wall
 * time and their ratio. Target: resim at least 15x faster. Printed, never asserted.
 *
 * SimPy is looked for, in order: `python3` with `import simpy` (SimPy 3 or 4; the folder in the
 * SIMPY_PATH environment variable, if set, is added to PYTHONPATH), then Debian's
 * /usr/bin/python3 with python3-simpy (SimPy 2). Without SimPy it says how to get it and exits 0.
 *
 * Run: npm run bench:simpy [-- --calls N --runs R]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

const CALLS_PER_DAY = 17 * 24;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index > 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${process.argv[index + 1]}`);
  return value;
}

const calls = option("--calls", 1_000_000);
const runs = option("--runs", 3);
const days = Math.ceil(calls / CALLS_PER_DAY);
const script = fileURLToPath(new URL("../../bench/mmc-simpy.py", import.meta.url));
const main = fileURLToPath(new URL("../src/cli/main.js", import.meta.url));

interface Python {
  command: string;
  env: NodeJS.ProcessEnv;
}

/** The first Python that imports SimPy, with its version, or null. */
function findSimPy(): { python: Python; version: string } | null {
  const extra = process.env.SIMPY_PATH;
  const env = extra ? { ...process.env, PYTHONPATH: [extra, process.env.PYTHONPATH].filter(Boolean).join(":") } : process.env;
  const candidates: [Python, string][] = [
    [{ command: "python3", env }, "import simpy; print('SimPy', getattr(simpy, '__version__', '3+'))"],
    [{ command: "/usr/bin/python3", env }, "import simpy; print('SimPy', getattr(simpy, '__version__', '3+'))"],
    [{ command: "/usr/bin/python3", env }, "import SimPy, SimPy.Simulation; print('SimPy', getattr(SimPy, '__version__', '2'))"],
  ];
  for (const [python, probe] of candidates) {
    const run = spawnSync(python.command, ["-c", probe], { env: python.env, encoding: "utf8" });
    if (run.status === 0) return { python, version: run.stdout.trim() };
  }
  return null;
}

/**
 * Runs a whole process once, through `sh` so that the shell's `times` can report the CPU time
 * (user + system) of what it ran: on a busy machine CPU time varies much less than wall time.
 * Returns both, in seconds, and what the process printed.
 */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv): { seconds: number; cpuSeconds: number; stdout: string } {
  const start = performance.now();
  const run = spawnSync("/bin/sh", ["-c", '"$0" "$@"; status=$?; times >&2; exit $status', command, ...args], {
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${run.status}: ${run.stderr}`);
  // `times` prints the shell's own user and system time, then its children's: "0m1.234s 0m0.056s".
  const children = run.stderr.trim().split("\n").at(-1) ?? "";
  const parts = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  const cpuSeconds = parts.length === 2 ? parts[0] + parts[1] : NaN;
  return { seconds, cpuSeconds, stdout: run.stdout };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const found = findSimPy();
if (found === null) {
  console.log("bench:simpy: no SimPy found (tried python3 and /usr/bin/python3); install it with `apt-get install python3-simpy` or `pip install simpy` (or point SIMPY_PATH at a SimPy source folder)");
  process.exit(0);
}
const { python, version } = found;
const out = mkdtempSync(join(tmpdir(), "resim-versus-simpy-"));
const resimArgs = [main, "run", "scenarios/validation/mmc.yaml", "--replications", "1", "--days", String(days), "--quiet", "--out", out];
const simpyArgs = [script, String(calls)];

console.log(`node ${process.version}; ${version} on ${python.command}; M/M/10 at load 0.85, about ${calls.toLocaleString("en-US")} calls`);
console.log(`  resim: node ${["dist/src/cli/main.js", ...resimArgs.slice(1, -2)].join(" ")}`);
console.log(`  SimPy: ${python.command} bench/mmc-simpy.py ${calls}`);
try {
  // One warm-up of each (file cache, Python bytecode), then alternating runs: A B A B ...
  timed(process.execPath, resimArgs, process.env);
  console.log(`  ${timed(python.command, simpyArgs, python.env).stdout.trim()}`);
  const resim: number[] = [];
  const simpy: number[] = [];
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  const resimCpu: number[] = [];
  const simpyCpu: number[] = [];
  for (let run = 0; run < runs; run++) {
    const a = timed(process.execPath, resimArgs, process.env);
    const b = timed(python.command, simpyArgs, python.env);
    resim.push(a.seconds);
    simpy.push(b.seconds);
    resimCpu.push(a.cpuSeconds);
    simpyCpu.push(b.cpuSeconds);
    ratios.push(b.seconds / a.seconds);
    cpuRatios.push(b.cpuSeconds / a.cpuSeconds);
    console.log(
      `  run ${run + 1}: resim ${a.seconds.toFixed(3)} s wall (${a.cpuSeconds.toFixed(3)} s CPU), ` +
        `SimPy ${b.seconds.toFixed(3)} s wall (${b.cpuSeconds.toFixed(3)} s CPU), ratio ${(b.seconds / a.seconds).toFixed(1)}x wall, ${(b.cpuSeconds / a.cpuSeconds).toFixed(1)}x CPU`,
    );
  }
  console.log(`median of ${runs} alternating runs: resim ${median(resim).toFixed(3)} s wall, ${median(resimCpu).toFixed(3)} s CPU; SimPy ${median(simpy).toFixed(3)} s wall, ${median(simpyCpu).toFixed(3)} s CPU`);
  console.log(`  resim is ${median(ratios).toFixed(1)}x faster than SimPy in wall time, ${median(cpuRatios).toFixed(1)}x in CPU time (medians of per-pair ratios; target >= 15x)`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
