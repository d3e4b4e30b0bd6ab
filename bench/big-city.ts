/**
 * `npm run bench:big-city`: the big city (scenarios/big-city.yaml, ~2,877 calls/day, ~1.05 million
 * calls a year) through the path the CLI takes (loadScenario -> runExperiment on 2 workers):
 *
 * 1. four models x 30 replications of a year: wall seconds and calls per second (target: < 60 s on
 *    2 cores, issue #14 item 4);
 * 2. memory flat in the horizon: the same four models, 2 replications, for 1 year and for 4 years:
 *    peak resident memory of each run.
 *
 * Each run is a child process of its own, so its peak resident memory (getrusage maxRSS, worker
 * threads included) is that run's alone. Printed, never asserted: the machine is shared and noisy.
 * Options: --replications N (part 1, default 30), --days N (part 1, default 365),
 * --long-days N (part 2's long horizon, default 1460), --workers N (default 2), --skip-main.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { runExperiment } from "../src/experiment/run-experiment.js";
import { loadScenario } from "../src/scenario/load.js";

const SCENARIO = "scenarios/big-city.yaml";

interface RunFigures {
  days: number;
  replications: number;
  workers: number;
  seconds: number;
  /** Calls measured (in the horizon, warm-up excluded), every model and replication. */
  calls: number;
  events: number;
  maxRssMb: number;
}

const argument = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

/** In the child: one experiment, its figures as one JSON line on stdout. */
async function child(days: number, replications: number, workers: number): Promise<void> {
  const start = performance.now();
  const scenario = loadScenario(SCENARIO, { run: { horizonDays: days, replications } });
  const result = await runExperiment({ scenario }, { workers, allowLong: true });
  const seconds = (performance.now() - start) / 1000;
  let calls = 0;
  for (const model of result.replications) for (const values of model) calls += values.get("calls") ?? 0;
  const figures: RunFigures = {
    days,
    replications,
    workers,
    seconds,
    calls,
    events: result.events,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  console.log(JSON.stringify(figures));
}

function spawnRun(days: number, replications: number, workers: number): RunFigures {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--child", String(days), String(replications), String(workers)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split("\n").pop()!) as RunFigures;
}

function describe(label: string, run: RunFigures): void {
  const perSecond = Math.round(run.calls / run.seconds).toLocaleString("en-US");
  console.log(
    `  ${label}: ${run.seconds.toFixed(1)} s wall, ${Math.round(run.calls).toLocaleString("en-US")} calls measured (${perSecond} calls/s), ` +
      `${run.events.toLocaleString("en-US")} events, peak RSS ${run.maxRssMb.toFixed(0)} MB`,
  );
}

const childAt = process.argv.indexOf("--child");
if (childAt > 0) {
  const [days, replications, workers] = process.argv.slice(childAt + 1, childAt + 4).map(Number);
  await child(days, replications, workers);
} else {
  const workers = argument("--workers", 2);
  const days = argument("--days", 365);
  const replications = argument("--replications", 30);
  const longDays = argument("--long-days", 1460);
  console.log(`node ${process.version}; ${SCENARIO}, 4 models, ${workers} workers (this thread included), whole runs incl. loading the scenario`);
  if (!process.argv.includes("--skip-main")) {
    console.log(`1. ${replications} replications x ${days} days (target: under 60 s on 2 cores)`);
    describe(`${days} days x ${replications}`, spawnRun(days, replications, workers));
  }
  console.log(`2. memory against the horizon, 2 replications`);
  const short = spawnRun(365, 2, workers);
  describe(`${"365".padStart(4)} days x 2`, short);
  const long = spawnRun(longDays, 2, workers);
  describe(`${String(longDays).padStart(4)} days x 2`, long);
  console.log(`  peak RSS ${longDays} days / 365 days: ${(long.maxRssMb / short.maxRssMb).toFixed(2)} (1.00 = flat; the horizon is ${(longDays / 365).toFixed(1)}x)`);
}
