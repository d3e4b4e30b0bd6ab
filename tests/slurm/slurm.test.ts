/**
 * resim under a real scheduler: a one-node Slurm cluster (bench/slurm-cluster.ts) runs the job
 * script `--emit-slurm` writes (the README's job array: one task per shard, then the merge as a
 * dependent job) for a small sweep and a small probabilistic analysis, and the merged outputs
 * must be byte-identical to one unsharded run. Skipped, saying why in its name, where Slurm cannot
 * start (not root, packages missing); in CI (CI=true) that is a failure instead.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slurmUnavailable, startSlurmCluster, type SlurmCluster } from "../../bench/slurm-cluster.js";
import { resim } from "../helpers/cli.js";
import { tree } from "../helpers/tree.js";

const unavailable = slurmUnavailable();
const inCi = Boolean(process.env.CI) && process.env.CI !== "false";
const JOB_LIMIT_MS = 240_000;

const scratch = mkdtempSync(join(tmpdir(), "resim-slurm-test-"));
let cluster: SlurmCluster | undefined;

beforeAll(async () => {
  if (unavailable !== null && !inCi) return;
  if (unavailable !== null) throw new Error(`CI must run the Slurm tests, but ${unavailable}`);
  cluster = await startSlurmCluster();
}, 90_000);

afterAll(async () => {
  await cluster?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/**
 * Writes the job script for `args` in `shards` shards, submits it as a user would (`bash SCRIPT`
 * from the checkout), waits for the array and the merge, and returns the merged folder and the
 * jobs' states.
 */
async function runUnderSlurm(name: string, args: string[], shards: number): Promise<{ out: string; parts: string; states: { id: string; state: string }[]; submitted: string }> {
  const out = join(scratch, `${name}-merged`);
  const parts = `${out}-shards`;
  const emitted = await resim(...args, "--workers", "1", "--out", out, "--emit-slurm", String(shards));
  expect([emitted.code, emitted.stderr]).toEqual([0, ""]);
  const script = join(scratch, `${name}.sh`);
  writeFileSync(script, emitted.stdout);
  const submitted = await cluster!.run("bash", [script], process.cwd());
  expect([submitted.code, submitted.stderr]).toEqual([0, ""]);
  const ids = [...submitted.stdout.matchAll(/job(?: array)? (\d+)/g)].map((m) => m[1]);
  expect(ids).toHaveLength(2);
  const states = await cluster!.waitFor(ids, JOB_LIMIT_MS);
  if (states.some((s) => s.state !== "COMPLETED")) {
    const logs = readdirSync(parts).filter((f) => f.endsWith(".out")).map((f) => `${f}:\n${readFileSync(join(parts, f), "utf8")}`);
    throw new Error(`jobs did not complete: ${JSON.stringify(states)}\n${logs.join("\n")}\n${cluster!.logs()}`);
  }
  return { out, parts, states, submitted: submitted.stdout };
}

const sweep = ["sweep", "scenarios/riverton.yaml", "--model", "centralized-outreach", "--param", "models.centralized-outreach.dispatch[0].uptake", "--values", "0.4,0.7,1", "--days", "3", "--replications", "3"];
const psa = ["uncertainty", "scenarios/riverton.yaml", "--draws", "4", "--days", "2", "--model", "centralized-outreach"];

describe.skipIf(unavailable !== null && !inCi)(`resim under a one-node Slurm cluster${unavailable !== null && !inCi ? ` (skipped: ${unavailable})` : ""}`, () => {
  it("runs a sweep's job array, one task per shard, then the dependent merge, into exactly what one unsharded run writes", async () => {
    const whole = join(scratch, "sweep-whole");
    const [slurm, unsharded] = await Promise.all([runUnderSlurm("sweep", sweep, 2), resim(...sweep, "--workers", "1", "--quiet", "--out", whole)]);
    expect([unsharded.code, unsharded.stderr]).toEqual([0, ""]);
    // Two array tasks and the merge, each a job of its own that Slurm ran to completion.
    expect(slurm.states.map((s) => s.state)).toEqual(["COMPLETED", "COMPLETED", "COMPLETED"]);
    expect(slurm.submitted).toMatch(/^shards: job array \d+ \(2 tasks\)\nmerge: job \d+, into \S+ when every shard has finished\n$/);
    expect(readdirSync(slurm.parts).filter((f) => f.startsWith("shard-")).sort()).toEqual(["shard-1", "shard-2"]);
    expect(tree(slurm.out)).toEqual(tree(whole));
  });

  it("runs a probabilistic analysis's draws as a job array and merges them into exactly what one unsharded run writes", async () => {
    const whole = join(scratch, "psa-whole");
    const [slurm, unsharded] = await Promise.all([runUnderSlurm("psa", psa, 2), resim(...psa, "--workers", "1", "--quiet", "--out", whole)]);
    expect([unsharded.code, unsharded.stderr]).toEqual([0, ""]);
    expect(slurm.states.map((s) => s.state)).toEqual(["COMPLETED", "COMPLETED", "COMPLETED"]);
    expect(tree(slurm.out)).toEqual(tree(whole));
  });
});
