/**
 * A one-node Slurm cluster in a temporary folder, for the tests and the benchmark that run resim's
 * job arrays under a real scheduler. It needs root and Debian's `slurm-wlm` and `munge` packages
 * (.ci/run installs them): munged with its own key and socket, slurmctld and slurmd in the
 * foreground with a generated slurm.conf (no accounting, no cgroups), on free ports, so it touches
 * nothing of a system Slurm. `stop()` ends exactly the daemons it started, by process id.
 *
 * It lives in bench/ (compiled with src/) so that dist/bench/slurm.js can use it; the tests import
 * the same file.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, chmodSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { availableParallelism, hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";

/** The programs the cluster needs. */
const PROGRAMS = ["munged", "slurmctld", "slurmd", "sbatch", "squeue", "scontrol", "sinfo"];

/** Job states after which a job will not run again. */
const FINISHED = new Set(["COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY", "PREEMPTED", "BOOT_FAIL", "DEADLINE"]);

export interface JobState {
  id: string;
  state: string;
  reason: string;
  exitCode: string;
}

export interface SlurmCluster {
  /** The temporary folder: slurm.conf, state, spool, logs. */
  folder: string;
  /** The environment for Slurm's client commands (SLURM_CONF set), and for jobs they submit. */
  env: NodeJS.ProcessEnv;
  /** Runs a Slurm client command (or any program) with the cluster's environment. */
  run: (program: string, args: readonly string[], cwd?: string) => Promise<{ code: number; stdout: string; stderr: string }>;
  /** Waits until every task of the jobs has finished (or `timeoutMs` passes: throws); returns each task's state. */
  waitFor: (jobIds: readonly string[], timeoutMs: number) => Promise<JobState[]>;
  /** The daemons' log files, for a failure message. */
  logs: () => string;
  /** Stops the daemons it started and removes its folder. */
  stop: () => Promise<void>;
}

/** Why no cluster can start here (not root, a program missing), or null when it can. */
export function slurmUnavailable(): string | null {
  if (process.getuid?.() !== 0) return "Slurm needs root to run a one-node cluster, and this process is not root";
  const path = (process.env.PATH ?? "").split(":").concat(["/usr/sbin", "/sbin"]);
  const missing = PROGRAMS.filter((program) => !path.some((dir) => dir !== "" && existsSync(join(dir, program))));
  if (missing.length > 0) return `${missing.join(", ")} not installed (apt-get install slurm-wlm munge)`;
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function runProgram(program: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(program, [...args], { env, cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as NodeJS.ErrnoException).code === "number" ? Number((error as NodeJS.ErrnoException).code) : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) + (error && code === 1 && !stderr ? error.message : "") });
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A daemon in the foreground, its output to a log file. */
function daemon(program: string, args: readonly string[], log: string, env: NodeJS.ProcessEnv): ChildProcess {
  const fd = openSync(log, "a");
  const child = spawn(program, [...args], { env, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  child.on("error", () => undefined);
  return child;
}

async function stopDaemon(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!stopped) {
    child.kill("SIGKILL");
    await exited;
  }
}

/**
 * Starts the cluster and waits until its node is idle (at most `timeoutMs`). Throws, with the
 * daemons' logs, when it does not come up; the daemons started so far are stopped first.
 */
export async function startSlurmCluster(timeoutMs = 60_000): Promise<SlurmCluster> {
  const folder = mkdtempSync(join(tmpdir(), "resim-slurm-"));
  const daemons: ChildProcess[] = [];
  const key = join(folder, "munge-key");
  const socketFolder = join(folder, "munge");
  for (const sub of ["state", "spool", "log", "munge-key"]) mkdirSync(join(folder, sub), { recursive: true });
  mkdirSync(socketFolder, { recursive: true, mode: 0o755 });
  chmodSync(key, 0o700);
  const keyFile = join(key, "munge.key");
  writeFileSync(keyFile, randomBytes(128), { mode: 0o400 });
  const socket = join(socketFolder, "munge.sock");
  const host = hostname().split(".")[0];
  const [controllerPort, nodePort] = [await freePort(), await freePort()];
  const conf = join(folder, "slurm.conf");
  writeFileSync(
    conf,
    [
      "ClusterName=resim-test",
      `SlurmctldHost=${host}(127.0.0.1)`,
      "SlurmUser=root",
      "SlurmdUser=root",
      "AuthType=auth/munge",
      "CredType=cred/munge",
      `AuthInfo=socket=${socket}`,
      `SlurmctldPort=${controllerPort}`,
      `SlurmdPort=${nodePort}`,
      `StateSaveLocation=${join(folder, "state")}`,
      `SlurmdSpoolDir=${join(folder, "spool")}`,
      `SlurmctldPidFile=${join(folder, "slurmctld.pid")}`,
      `SlurmdPidFile=${join(folder, "slurmd.pid")}`,
      "ProctrackType=proctrack/linuxproc",
      "TaskPlugin=task/none",
      "SelectType=select/cons_tres",
      "SelectTypeParameters=CR_CPU",
      "JobAcctGatherType=jobacct_gather/none",
      "AccountingStorageType=accounting_storage/none",
      "MpiDefault=none",
      "ReturnToService=2",
      // Finished jobs stay visible to scontrol for an hour: their states are read after they end.
      "MinJobAge=3600",
      `NodeName=${host} NodeAddr=127.0.0.1 CPUs=${availableParallelism()} RealMemory=1000 State=UNKNOWN`,
      "PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP",
      "",
    ].join("\n"),
  );
  const env: NodeJS.ProcessEnv = { ...process.env, SLURM_CONF: conf, PATH: `${process.env.PATH ?? ""}:/usr/sbin:/sbin` };
  const logs = () =>
    ["munged", "slurmctld", "slurmd"]
      .map((name) => {
        const file = join(folder, "log", `${name}.log`);
        return `--- ${name}:\n${existsSync(file) ? readFileSync(file, "utf8").split("\n").slice(-15).join("\n") : "(no log)"}`;
      })
      .join("\n");
  const stop = async () => {
    for (const child of [...daemons].reverse()) await stopDaemon(child);
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    daemons.push(
      daemon(
        "munged",
        ["--foreground", "--force", `--key-file=${keyFile}`, `--socket=${socket}`, `--pid-file=${join(folder, "munged.pid")}`, `--seed-file=${join(folder, "munged.seed")}`, `--log-file=${join(folder, "log", "munged.log")}`],
        join(folder, "log", "munged.log"),
        env,
      ),
    );
    await waitUntil(() => existsSync(socket), 10_000, "munged did not create its socket");
    daemons.push(daemon("slurmctld", ["-D", "-f", conf], join(folder, "log", "slurmctld.log"), env));
    daemons.push(daemon("slurmd", ["-D", "-f", conf], join(folder, "log", "slurmd.log"), env));
    await waitUntil(
      async () => {
        const exited = daemons.find((d) => d.exitCode !== null || d.signalCode !== null);
        if (exited) throw new Error(`${exited.spawnfile} exited (code ${exited.exitCode})`);
        const { code, stdout } = await runProgram("sinfo", ["-h", "-o", "%T"], env);
        return code === 0 && stdout.trim() === "idle";
      },
      timeoutMs,
      "the node did not become idle",
    );
  } catch (error) {
    const message = `the one-node Slurm cluster did not start: ${(error as Error).message}\n${logs()}`;
    await stop();
    throw new Error(message);
  }
  const run = (program: string, args: readonly string[], cwd?: string) => runProgram(program, args, env, cwd);
  const waitFor = async (jobIds: readonly string[], limit: number): Promise<JobState[]> => {
    let states: JobState[] = [];
    await waitUntil(
      async () => {
        states = (await Promise.all(jobIds.map((id) => jobStates(run, id)))).flat();
        const stuck = states.find((s) => s.state === "PENDING" && s.reason === "DependencyNeverSatisfied");
        if (stuck) return true;
        return states.length > 0 && states.every((s) => FINISHED.has(s.state));
      },
      limit,
      `jobs ${jobIds.join(", ")} did not finish`,
      () => JSON.stringify(states),
    );
    return states;
  };
  return { folder, env, run, waitFor, logs, stop };
}

/** The states of a job's tasks (one for a plain job, one per task of an array), from scontrol. */
async function jobStates(run: SlurmCluster["run"], id: string): Promise<JobState[]> {
  const { code, stdout } = await run("scontrol", ["show", "job", "-o", id]);
  if (code !== 0) return [];
  return stdout
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const field = (name: string) => new RegExp(`(?:^| )${name}=(\\S*)`).exec(line)?.[1] ?? "";
      return { id: field("ArrayTaskId") ? `${field("ArrayJobId")}_${field("ArrayTaskId")}` : field("JobId"), state: field("JobState"), reason: field("Reason"), exitCode: field("ExitCode") };
    });
}

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string, detail?: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`${what} within ${Math.round(timeoutMs / 1000)} s${detail ? `: ${detail()}` : ""}`);
    await sleep(250);
  }
}
