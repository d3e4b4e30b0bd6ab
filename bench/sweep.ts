/**
 * `npm run bench:sweep`: wall time of a 20-point sweep of Riverton (10 replications per point,
 * centralized-outreach and the baseline) on 1 and on 2 worker threads, and the speed-up.
 * Target: 2 workers at least 1.8x faster than 1. Printed, never asserted.
 * Options: --days N (default 365), --points N (default 20).
 */
import { performance } from "node:perf_hooks";
import { runStudy } from "../src/experiment/run-study.js";
import { sweepPoints } from "../src/experiment/sweep.js";
import { loadScenario } from "../src/scenario/load.js";

const argument = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const days = argument("--days", 365);
const pointCount = argument("--points", 20);
const parameter = "models.centralized-outreach.staffing.outreach-team[3].units";
const points = sweepPoints([{ path: parameter, values: Array.from({ length: pointCount }, (_, i) => i) }]);

async function timed(workers: number): Promise<number> {
  const start = performance.now();
  await runStudy(
    {
      kind: "sweep",
      points,
      models: ["centralized-outreach"],
      settings: {},
      load: (set) => loadScenario("scenarios/riverton.yaml", { set, run: { horizonDays: days, replications: 10 } }),
    },
    { workers },
  );
  return (performance.now() - start) / 1000;
}

console.log(`node ${process.version}; sweep of ${parameter} over ${pointCount} points, 10 replications, ${days} days, 2 models`);
const one = await timed(1);
console.log(`  1 worker:  ${one.toFixed(1)} s`);
const two = await timed(2);
console.log(`  2 workers: ${two.toFixed(1)} s`);
console.log(`  speed-up:  ${(one / two).toFixed(2)}x (target >= 1.8x)`);
