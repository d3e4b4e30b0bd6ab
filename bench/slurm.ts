/**
 * `npm run bench:slurm`: what running a sweep as a Slurm job array costs over running it at once.
 * The same small sweep of Riverton runs unsharded (`npx resim sweep ... --workers 2`) and as the
 * job `--emit-slurm 2` writes (two array tasks of one core each, then the dependent merge) on a
 * one-node Slurm cluster started here (needs root and the slurm-wlm and munge packages). Rounds
 * alternate the order; it prints every round, the medians, the overhead (Slurm minus unsharded,
 * seconds) and the ratio, and how long the merge alone takes. Printed, never asserted.
 * Options: --rounds N (default 3), --days N (default 30), --replications N (default 4).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { slurmUnavailable, startSlurmCluster, type SlurmCluster } from "./slurm-cluster.js";

const argument = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rounds = argument("--rounds", 3);
const days = argument("--days", 30);
const replications = argument("--replications", 4);
const sweep = ["sweep", "scenarios/riverton.yaml", "--model", "centralized-outreach", "--param", "models.centralized-outreach.dispatch[0].uptake", "--values", "0.2..1:0.2", "--days", String(days), "--replications", String(replications)];

const unavailable = slurmUnavailable();
if (unavailable !== null) {
  console.log(`bench:slurm needs a local Slurm: ${unavailable}`);
  process.exit(1);
}

const scratch = mkdtempSync(join(tmpdir(), "resim-bench-slurm-"));
const seconds = (start: number) => (performance.now() - start) / 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function resim(args: string[]): void {
  const run = spawnSync("npx", ["resim", ...args], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`resim ${args.join(" ")} failed: ${run.stderr}`);
}

function unsharded(round: number): number {
  const start = performance.now();
  resim([...sweep, "--workers", "2", "--quiet", "--out", join(scratch, `whole-${round}`)]);
  return seconds(start);
}

async function underSlurm(cluster: SlurmCluster, round: number): Promise<{ total: number; merge: number }> {
  const out = join(scratch, `slurm-${round}`);
  const emitted = spawnSync(process.execPath, ["dist/src/cli/main.js", ...sweep, "--workers", "1", "--out", out, "--emit-slurm", "2"], { encoding: "utf8" });
  if (emitted.status !== 0) throw new Error(emitted.stderr);
  const script = join(scratch, `slurm-${round}.sh`);
  writeFileSync(script, emitted.stdout);
  const start = performance.now();
  const submitted = await cluster.run("bash", [script], process.cwd());
  if (submitted.code !== 0) throw new Error(submitted.stderr);
  const ids = [...submitted.stdout.matchAll(/job(?: array)? (\d+)/g)].map((m) => m[1]);
  const states = await cluster.waitFor(ids, 600_000);
  const total = seconds(start);
  if (states.some((s) => s.state !== "COMPLETED")) throw new Error(`jobs did not complete: ${JSON.stringify(states)}`);
  // The merge alone, run again by hand into another folder.
  const mergeStart = performance.now();
  resim(["merge", `${out}-shards/shard-1`, `${out}-shards/shard-2`, "--out", `${out}-again`]);
  return { total, merge: seconds(mergeStart) };
}

const cluster = await startSlurmCluster();
try {
  console.log(`node ${process.version}; sweep of uptake over 5 points, ${replications} replications, ${days} days, 2 models; 2 cores`);
  console.log("unsharded: npx resim sweep --workers 2; Slurm: bash the --emit-slurm 2 script (2 tasks x 1 core, then the merge), until the merge job completes");
  const whole: number[] = [];
  const slurm: number[] = [];
  const merges: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // Alternate the order so a drift of the machine's speed does not favour one side.
    let w: number;
    let s: { total: number; merge: number };
    if (round % 2 === 0) {
      w = unsharded(round);
      s = await underSlurm(cluster, round);
    } else {
      s = await underSlurm(cluster, round);
      w = unsharded(round);
    }
    whole.push(w);
    slurm.push(s.total);
    merges.push(s.merge);
    console.log(`  round ${round + 1}: unsharded ${w.toFixed(1)} s, Slurm ${s.total.toFixed(1)} s (ratio ${(s.total / w).toFixed(2)}), merge alone ${s.merge.toFixed(1)} s`);
  }
  const ratios = whole.map((w, i) => slurm[i] / w);
  console.log(`median: unsharded ${median(whole).toFixed(1)} s, Slurm ${median(slurm).toFixed(1)} s`);
  console.log(`overhead of scheduling plus merging: ${(median(slurm) - median(whole)).toFixed(1)} s, ratio ${median(ratios).toFixed(2)}x (median of the rounds' ratios); the merge alone ${median(merges).toFixed(1)} s`);
} finally {
  await cluster.stop();
  rmSync(scratch, { recursive: true, force: true });
}
