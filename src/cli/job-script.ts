/**
 * `--emit-slurm N` and `--emit-k8s N`: the job that runs a study's command line in N shards on
 * the cluster's own scheduler, then merges them. resim brings no scheduler; it writes what the
 * scheduler needs, from the command line it was given, so the job cannot drift from the command.
 *
 * Shards are numbered 1..N as `--shard I/N` numbers them; shard I writes `PARTS/shard-I`, and the
 * merge reads `PARTS/shard-*` (a missing shard is then named by merge as I/N).
 */
import { InvalidArgumentError, Option, type Command } from "commander";
import { basename } from "node:path";
import { stringify } from "yaml";
import type { ScenarioFlags } from "./scenario-options.js";
import { UsageError } from "./usage-error.js";

export interface ShardedJob {
  /** The command's arguments after `resim` (subcommand, file, flags), without --shard, --out, --workers. */
  args: string[];
  /** Number of shards. */
  shards: number;
  /** How many points (or draws) the study has: no more shards than that. */
  points: number;
  /** What they are called: "points" (a sweep, a sensitivity analysis) or "draws". */
  pointName?: string;
  /** Where the merge writes the study's outputs. */
  out: string;
  /** The folder that holds one folder per shard. */
  parts: string;
  /** Cores per shard (its --workers). */
  cpus: number;
}

/** How resim is started on the cluster: from the checkout (or a project that depends on resim). */
const RESIM = ["npx", "resim"];

/** The emit flags of a study command. */
export interface EmitFlags {
  emitSlurm?: number;
  emitK8s?: number;
  parts?: string;
}

/** Adds --emit-slurm, --emit-k8s and --parts to a command. */
export function withEmitOptions(command: Command): Command {
  const count = (value: string) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 2) throw new InvalidArgumentError(`must be a whole number of shards >= 2, like 8, got '${value}'`);
    return n;
  };
  return command
    .addOption(new Option("--emit-slurm <n>", "print a Slurm job array script that runs this command in N shards, then merges (runs nothing)").argParser(count).conflicts(["shard", "emitK8s"]))
    .addOption(new Option("--emit-k8s <n>", "print a Kubernetes Indexed Job that runs this command in N shards (runs nothing)").argParser(count).conflicts(["shard"]))
    .option("--parts <dir>", "with --emit-*: the folder for the shards' parts (default: the output folder + '-shards')");
}

/** The shared scenario flags as they were given, for the job's command line. */
export function scenarioArgs(flags: ScenarioFlags): string[] {
  return [
    ...flags.set.flatMap((a) => ["--set", a.text]),
    ...(flags.replications === undefined ? [] : ["--replications", String(flags.replications)]),
    ...(flags.seed === undefined ? [] : ["--seed", String(flags.seed)]),
    ...(flags.days === undefined ? [] : ["--days", String(flags.days)]),
    ...(flags.allowLong ? ["--allow-long"] : []),
    ...(flags.quiet ? ["--quiet"] : []),
  ];
}

/** Cores per shard: --workers when the user gave it, else a modest default a cluster's partition has. */
export function cpusPerShard(command: Command, flags: ScenarioFlags): number {
  return command.getOptionValueSource("workers") === "cli" ? flags.workers : DEFAULT_CPUS;
}
const DEFAULT_CPUS = 4;

/**
 * Prints the job the flags ask for, when they ask for one; returns whether it did. Throws
 * UsageError when the job cannot be written (more shards than points).
 */
export function emitJob(flags: EmitFlags, job: Omit<ShardedJob, "shards" | "parts">): boolean {
  const shards = flags.emitSlurm ?? flags.emitK8s;
  if (shards === undefined) return false;
  const option = flags.emitSlurm !== undefined ? "--emit-slurm" : "--emit-k8s";
  if (shards > job.points) throw new UsageError(`${option} ${shards}: the study has ${job.points} ${job.pointName ?? "points"}; use at most ${job.points} shards (a shard with none would only wait for a node)`);
  const full: ShardedJob = { ...job, shards, parts: flags.parts ?? `${job.out}-shards` };
  process.stdout.write(flags.emitSlurm !== undefined ? slurmScript(full) : kubernetesJob(full));
  return true;
}

/** A word as the shell reads it literally: bare when it holds nothing the shell acts on, else single-quoted. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_\-+=.,/:@%]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

function shellLine(words: readonly string[]): string {
  return words.map(shellQuote).join(" ");
}

/** A name Slurm and Kubernetes both accept (DNS-1123 label): lower case, digits and '-'. */
export function jobName(out: string): string {
  const base = out.replace(/\/+$/, "").split("/").pop() ?? "";
  const name = `resim-${base}`.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/-+/g, "-").slice(0, 63).replace(/-+$/, "");
  return name;
}

/** The merge command, reading every shard folder under `parts`. */
function mergeCommand(job: ShardedJob, parts = job.parts): string {
  return `${shellLine([...RESIM, "merge"])} ${shellQuote(parts)}/shard-* ${shellLine(["--out", job.out])}`;
}

/** Breaks a long command into lines of about 100 characters, with `\` continuations. */
function wrapped(words: readonly string[], indent: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line !== "" && line.length + 1 + word.length > 96) {
      lines.push(line);
      line = indent;
    }
    line = line === "" || line === indent ? `${line}${word}` : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join(" \\\n");
}

/**
 * A Slurm batch script. `bash SCRIPT` submits it as a job array (one task per shard) and then the
 * merge with `--dependency=afterok` on the array, printing both job ids; `sbatch SCRIPT` alone
 * submits only the array. Each task runs its shard; a task whose shard is already complete in
 * its folder stops at once, so submitting the script again after a failure reruns only what failed.
 */
export function slurmScript(job: ShardedJob): string {
  const name = jobName(job.out);
  const [command, ...rest] = job.args;
  const shardWords = [...RESIM, command, ...rest].map(shellQuote);
  shardWords.push(`--shard "$SLURM_ARRAY_TASK_ID/${job.shards}"`, `--workers "$SLURM_CPUS_PER_TASK"`, `--out "$parts/shard-$SLURM_ARRAY_TASK_ID"`);
  return `#!/bin/bash
#SBATCH --job-name=${name}
#SBATCH --array=1-${job.shards}
#SBATCH --cpus-per-task=${job.cpus}
#SBATCH --output=${shellQuote(job.parts)}/slurm-%A_%a.out
# Add --time, --partition or --account lines above as your cluster requires.
#
# resim ${command} in ${job.shards} shards, one per array task (written by resim ${command} --emit-slurm ${job.shards}).
# Submit from the folder resim was run in:   bash THIS_SCRIPT
# It submits the array and then the merge, which waits for every shard (--dependency=afterok).
# After a failed or pre-empted shard, submit it again: complete shards stop at once.
set -euo pipefail
parts=${shellQuote(job.parts)}
if [ -z "\${SLURM_ARRAY_TASK_ID:-}" ]; then
  mkdir -p "$parts"
  array=$(sbatch --parsable "$0")
  array=\${array%%;*}
  echo "shards: job array $array (${job.shards} tasks)"
  merge=$(sbatch --parsable --job-name=${name}-merge --dependency=afterok:"$array" --output="$parts/slurm-%j-merge.out" \\
    --wrap ${shellQuote(mergeCommand(job))})
  echo "merge: job \${merge%%;*}, into ${shellQuote(job.out)} when every shard has finished"
  exit 0
fi
${wrapped(shardWords, "  ")}
`;
}

/** Where the Kubernetes Job mounts the checkout and the shards' volume. */
const K8S_CHECKOUT = "/work/resim";
const K8S_SHARDS = "/shards";

/**
 * A Kubernetes Indexed Job (completionMode Indexed: pod k gets JOB_COMPLETION_INDEX=k, from 0),
 * one pod per shard, the checkout and a shared volume for the shards mounted from
 * PersistentVolumeClaims. Kubernetes has no dependent job: the merge is printed as the step to
 * run once the Job is complete.
 */
export function kubernetesJob(job: ShardedJob): string {
  const name = jobName(job.out);
  // A relative parts folder goes on the shards' volume, under its own name.
  const parts = job.parts.startsWith("/") ? job.parts : `${K8S_SHARDS}/${basename(job.parts)}`;
  const shard = '"$((JOB_COMPLETION_INDEX + 1))"';
  const command = [
    shellLine([...RESIM, ...job.args]),
    `--shard ${shard}/${job.shards}`,
    `--workers ${job.cpus}`,
    `--out ${shellQuote(parts)}/shard-${shard}`,
  ].join(" ");
  const manifest = {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name },
    spec: {
      completions: job.shards,
      parallelism: job.shards,
      completionMode: "Indexed",
      template: {
        spec: {
          restartPolicy: "Never",
          containers: [
            {
              name: "resim",
              image: "node:20",
              workingDir: K8S_CHECKOUT,
              command: ["sh", "-c"],
              args: [command],
              resources: { requests: { cpu: String(job.cpus) } },
              volumeMounts: [
                { name: "work", mountPath: K8S_CHECKOUT },
                { name: "shards", mountPath: K8S_SHARDS },
              ],
            },
          ],
          volumes: [
            { name: "work", persistentVolumeClaim: { claimName: "resim-checkout" } },
            { name: "shards", persistentVolumeClaim: { claimName: "resim-shards" } },
          ],
        },
      },
    },
  };
  return `# resim ${job.args[0]} in ${job.shards} shards as a Kubernetes Indexed Job (written by resim ${job.args[0]} --emit-k8s ${job.shards}).
# Pod k runs shard k+1 of ${job.shards} (JOB_COMPLETION_INDEX counts from 0) into ${parts}/shard-(k+1).
# The checkout (built, node_modules installed) is the claim resim-checkout; the shards go to resim-shards.
# Then, where both volumes are mounted, in ${K8S_CHECKOUT}:
#   kubectl wait --for=condition=complete --timeout=24h job/${name}
#   ${mergeCommand(job, parts)}
${stringify(manifest, { lineWidth: 0 })}`;
}
