/**
 * The job scripts `--emit-slurm` and `--emit-k8s` print, without a scheduler: the README's
 * examples are the commands' output, the Kubernetes Job has the fields the Job API needs, and
 * each script, run with stand-ins for sbatch and npx, passes every argument through the shell
 * unchanged. (tests/slurm/slurm.test.ts runs the Slurm script under a real Slurm.)
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { resim } from "../helpers/cli.js";

const scratch = mkdtempSync(join(tmpdir(), "resim-job-script-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The sweep of the README's examples. */
const readmeSweep = ["sweep", "scenarios/riverton.yaml", "--param", "models.centralized-outreach.dispatch[0].uptake", "--values", "0.1..1:0.05", "--replications", "30", "--workers", "2", "--out", "reports/uptake"];

/** The fenced block of README.md that starts with `firstLine`. */
function readmeBlock(language: string, firstLine: string): string {
  const readme = readFileSync("README.md", "utf8");
  const start = readme.indexOf("```" + language + "\n" + firstLine);
  expect(start).toBeGreaterThanOrEqual(0);
  const body = readme.indexOf("\n", start) + 1;
  return readme.slice(body, readme.indexOf("```\n", body));
}

/** A script's lines continued with `\` joined into one. */
const unwrapped = (script: string) => script.replaceAll(" \\\n  ", " ").replaceAll(" \\\n    ", " ");

/**
 * A bin folder whose `npx` writes its arguments (JSON, one call a line) to `calls.jsonl` and
 * whose `sbatch` records its own and prints a job id.
 */
function standIns(): { bin: string; calls: () => string[][] } {
  const bin = mkdtempSync(join(scratch, "bin-"));
  const log = join(bin, "calls.jsonl");
  const record = (name: string) => `#!/bin/sh\n"${process.execPath}" -e 'require("fs").appendFileSync(process.argv[1], JSON.stringify(["${name}", ...process.argv.slice(2)]) + "\\n")' "${log}" "$@"\n`;
  writeFileSync(join(bin, "npx"), record("npx"));
  writeFileSync(join(bin, "sbatch"), `${record("sbatch")}echo 4242\n`);
  chmodSync(join(bin, "npx"), 0o755);
  chmodSync(join(bin, "sbatch"), 0o755);
  return {
    bin,
    calls: () => readFileSync(log, "utf8").trim().split("\n").map((line) => JSON.parse(line) as string[]),
  };
}

describe("resim sweep --emit-slurm", () => {
  it("prints the README's Slurm script for the README's command line", async () => {
    const { code, stdout, stderr } = await resim(...readmeSweep, "--emit-slurm", "8");
    expect([code, stderr]).toEqual([0, ""]);
    expect(readmeBlock("bash", "#!/bin/bash")).toBe(stdout);
    expect(readFileSync("README.md", "utf8")).toContain('npx resim sweep scenarios/riverton.yaml --param "models.centralized-outreach.dispatch[0].uptake" \\\n  --values 0.1..1:0.05 --replications 30 --workers 2 --out reports/uptake --emit-slurm 8 > uptake.sh');
  });

  it("submits the array and a merge that depends on it, and each task runs its shard with every argument intact", async () => {
    const args = ["sweep", "scenarios/riverton.yaml", "--param", "models.centralized-outreach.staffing.outreach-team[3].units", "--values", "1,2,3", "--model", "centralized-outreach", "--set", "demand.callsPerDay=80", "--days", "2"];
    const out = join(scratch, "out dir's");
    const { code, stdout, stderr } = await resim(...args, "--workers", "3", "--out", out, "--emit-slurm", "3");
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toContain("#SBATCH --array=1-3\n#SBATCH --cpus-per-task=3\n");
    const script = join(scratch, "job.sh");
    writeFileSync(script, stdout);
    const { bin, calls } = standIns();
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
    const printed = execFileSync("bash", [script], { cwd: scratch, env, encoding: "utf8" });
    expect(printed).toBe(`shards: job array 4242 (3 tasks)\nmerge: job 4242, into '${out.replaceAll("'", "'\\''")}' when every shard has finished\n`);
    const [array, merge] = calls();
    expect(array).toEqual(["sbatch", "--parsable", script]);
    expect(merge.slice(0, 5)).toEqual(["sbatch", "--parsable", "--job-name=resim-out-dir-s-merge", "--dependency=afterok:4242", `--output=${out}-shards/slurm-%j-merge.out`]);
    expect(merge[5]).toBe("--wrap");
    // The merge command, as the shell of the merge job reads it.
    const mergeArgs = execFileSync("bash", ["-c", `set -- ${merge[6].replace(/^npx /, "")}; printf '%s\\n' "$@"`], { cwd: scratch, encoding: "utf8" }).trim().split("\n");
    expect(mergeArgs).toEqual(["resim", "merge", `${out}-shards/shard-*`, "--out", out]);
    // Task 2 of the array: its shard, its cores, its folder, and the user's flags as given.
    execFileSync("bash", [script], { cwd: scratch, env: { ...env, SLURM_ARRAY_TASK_ID: "2", SLURM_CPUS_PER_TASK: "5" } });
    expect(calls()[2]).toEqual(["npx", "resim", ...args, "--shard", "2/3", "--workers", "5", "--out", `${out}-shards/shard-2`]);
  });

  it("keeps a --set value with shell characters intact in the script", async () => {
    const value = `models.centralized-outreach.description=it's "$HOME" & more; \`x\` # y`;
    const { code, stdout, stderr } = await resim("sweep", "scenarios/riverton.yaml", "--param", "demand.callsPerDay", "--values", "70,80", "--set", value, "--out", "o", "--emit-slurm", "2");
    expect([code, stderr]).toEqual([0, ""]);
    const script = join(scratch, "quoted.sh");
    writeFileSync(script, stdout);
    const { bin, calls } = standIns();
    execFileSync("bash", [script], { cwd: scratch, env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, SLURM_ARRAY_TASK_ID: "1", SLURM_CPUS_PER_TASK: "1" } });
    expect(calls()[0]).toEqual(["npx", "resim", "sweep", "scenarios/riverton.yaml", "--param", "demand.callsPerDay", "--values", "70,80", "--set", value, "--shard", "1/2", "--workers", "1", "--out", "o-shards/shard-1"]);
  });

  it("refuses more shards than points, and --shard with --emit-slurm", async () => {
    const few = await resim("sweep", "scenarios/riverton.yaml", "--param", "demand.callsPerDay", "--values", "70,80", "--emit-slurm", "3");
    expect([few.code, few.stderr]).toEqual([2, "resim: --emit-slurm 3: the study has 2 points; use at most 2 shards (a shard with none would only wait for a node)\n"]);
    const both = await resim("sweep", "scenarios/riverton.yaml", "--param", "demand.callsPerDay", "--values", "70,80", "--emit-slurm", "2", "--shard", "1/2");
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("option '--emit-slurm <n>' cannot be used with option '--shard <i/n>'");
  });

  it("writes the job for a sensitivity analysis and a probabilistic analysis too", async () => {
    const sensitivity = await resim("sensitivity", "scenarios/riverton.yaml", "--model", "centralized-outreach", "--days", "3", "--emit-slurm", "4");
    expect(sensitivity.code).toBe(0);
    expect(unwrapped(sensitivity.stdout)).toContain("npx resim sensitivity scenarios/riverton.yaml --model centralized-outreach --metric cost.total --days 3");
    expect(sensitivity.stdout).toContain("--wrap 'npx resim merge reports/riverton-sensitivity-shards/shard-* --out reports/riverton-sensitivity'");
    const psa = await resim("psa", "scenarios/riverton.yaml", "--draws", "40", "--days", "3", "--emit-slurm", "20", "--parts", "/scratch/psa parts");
    expect(psa.code).toBe(0);
    expect(psa.stdout).toContain("#SBATCH --array=1-20\n");
    expect(psa.stdout).toContain("\nparts='/scratch/psa parts'\n");
    expect(unwrapped(psa.stdout)).toContain("npx resim uncertainty scenarios/riverton.yaml --draws 40 --wtp 1000,5000,20000 --days 3");
  });

  it("says why the staffing search cannot be sharded, and exits 2", async () => {
    const { code, stdout, stderr } = await resim("staff", "scenarios/riverton.yaml", "--model", "centralized-outreach", "--unit", "outreach-team", "--target", "fallbackRate<=0.05", "--emit-slurm", "4");
    expect([code, stdout]).toEqual([2, ""]);
    expect(stderr).toMatch(/^resim: --emit-slurm: resim staff cannot be split into shards: it is a best-first search that picks each roster to simulate from the results of the ones before/);
  });
});

describe("resim sweep --emit-k8s", () => {
  it("prints the README's Indexed Job for the README's command line", async () => {
    const { code, stdout, stderr } = await resim(...readmeSweep, "--emit-k8s", "8");
    expect([code, stderr]).toEqual([0, ""]);
    expect(readmeBlock("yaml", "# resim sweep in 8 shards as a Kubernetes Indexed Job")).toBe(stdout);
  });

  it("is an Indexed Job with the fields the Job API requires, whose pod k runs shard k+1 with the command's arguments", async () => {
    const { stdout } = await resim(...readmeSweep, "--emit-k8s", "8");
    const job = parse(stdout);
    expect(job).toMatchObject({ apiVersion: "batch/v1", kind: "Job", spec: { completions: 8, parallelism: 8, completionMode: "Indexed" } });
    // A Job's name is a DNS-1123 label; its pods may restart Never or OnFailure, never Always.
    expect(job.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
    const pod = job.spec.template.spec;
    expect(["Never", "OnFailure"]).toContain(pod.restartPolicy);
    expect(pod.containers).toHaveLength(1);
    const [container] = pod.containers;
    expect(container).toMatchObject({ name: "resim", image: "node:20", workingDir: "/work/resim", command: ["sh", "-c"] });
    expect(container.args).toHaveLength(1);
    expect(container.resources.requests.cpu).toBe("2");
    // Every mount names a volume of the pod, and every volume is a claim.
    const volumes = new Map(pod.volumes.map((v: { name: string; persistentVolumeClaim: { claimName: string } }) => [v.name, v.persistentVolumeClaim.claimName]));
    expect(container.volumeMounts.every((m: { name: string }) => volumes.has(m.name))).toBe(true);
    expect([...volumes.values()]).toEqual(["resim-checkout", "resim-shards"]);
    expect(Object.keys(job).sort()).toEqual(["apiVersion", "kind", "metadata", "spec"]);
    expect(Object.keys(job.spec).sort()).toEqual(["completionMode", "completions", "parallelism", "template"]);
    // The pod's command under sh, as Kubernetes runs it for index 5, with npx standing in for resim.
    const { bin, calls } = standIns();
    execFileSync("sh", ["-c", container.args[0]], { cwd: scratch, env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, JOB_COMPLETION_INDEX: "5" } });
    expect(calls()[0]).toEqual(["npx", "resim", ...readmeSweep.slice(0, -4), "--shard", "6/8", "--workers", "2", "--out", "/shards/uptake-shards/shard-6"]);
  });
});
