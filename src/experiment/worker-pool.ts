/**
 * Runs replication tasks on this thread and, for a job worth it, on worker threads beside it.
 * Outcomes are stored by task index, so which thread runs a task, and the order in which they
 * finish, never reaches a result.
 */
import { availableParallelism } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import { TaskRunner, type PostedTask, type ReplicationOutcome, type ReplicationTask } from "./replication-task.js";
import { ResourceError } from "./resource-error.js";

/** Default number of workers: the machine's cores. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** Raised when a replication fails inside a worker; carries the worker's message. */
export class WorkerTaskError extends Error {
  override name = "WorkerTaskError";
}

/** Raised when a worker thread stops without reporting its task's result (a crash): no run waits on it. */
export class WorkerCrashError extends Error {
  override name = "WorkerCrashError";
}

/** What a task is, for messages: "model 'co-responder', replication 3". */
function describeTask(task: ReplicationTask | undefined): string {
  if (task === undefined) return "no task";
  const model = Object.keys(task.scenario.input.models)[task.modelIndex] ?? `#${task.modelIndex}`;
  return `model '${model}', replication ${task.replication}`;
}

/** A worker's error message back as the error it was: resource problems stay user-facing (exit 2). */
function errorFromWorker(message: { error: string; name?: string }): Error {
  return message.name === "ResourceError" ? new ResourceError(message.error) : new WorkerTaskError(message.error);
}

/**
 * The worker script is always dist/src/experiment/replication-worker.js: the module tsc writes, or
 * after `npm run build` the bundle's worker entry. This module is found beside it (tsc's output),
 * in a chunk of dist/bundle/ (the bundle), or as a .ts file under a TypeScript test runner, which
 * Node cannot start as a worker, so the compiled script in dist/ is used (npm test builds first).
 */
function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".ts")) return here.replace(/[\\/]src[\\/]experiment[\\/]worker-pool\.ts$/, "/dist/src/experiment/replication-worker.js");
  if (basename(dirname(here)) === "bundle") return join(dirname(here), "..", "src", "experiment", "replication-worker.js");
  return join(dirname(here), "replication-worker.js");
}

/**
 * A run whose remaining jobs would take less than this (judged by its first job) runs in this
 * thread alone: starting a worker costs about 0.15-0.3 s of a core (loading the simulation's
 * modules), and more on a busy machine, which a job this small would not win back. Timing decides
 * only where tasks run, never what they compute.
 */
export const SMALL_JOB_MS = 500;

/**
 * The threshold, which RESIM_SMALL_JOB_MS may change (0: always use the threads asked for). Tests
 * of the worker threads set it so that their tiny jobs still reach a worker; it moves tasks
 * between threads only, never changes a result.
 */
function smallJobMs(): number {
  const value = Number(process.env.RESIM_SMALL_JOB_MS);
  return process.env.RESIM_SMALL_JOB_MS !== undefined && Number.isFinite(value) && value >= 0 ? value : SMALL_JOB_MS;
}

/** Jobs a worker holds at once: the next one waits in its queue while this thread is busy with its own. */
const TASKS_IN_FLIGHT = 2;

/**
 * A run estimated (run-budget.ts, which errs towards longer) to take at least this long on one
 * thread starts its workers before this thread's first job, so they load while it works; shorter
 * runs time their first job to decide (see {@link SMALL_JOB_MS}).
 */
const START_WORKERS_AT_ONCE_SECONDS = 10;

/**
 * The tasks in jobs: tasks of one scenario and one replication, consecutive in the list, run as one
 * job (their models side by side on calls drawn once: run-models.ts). Grouping only moves work
 * between threads, never changes a result. With several threads, it is not done when it would leave
 * a thread idle at the end (fewer jobs than a few per thread, not a multiple of the threads), where
 * single tasks spread better; and of many jobs, the last few are split back into single tasks.
 */
export function jobsOf(tasks: readonly ReplicationTask[], threads: number): number[][] {
  const jobs: number[][] = [];
  tasks.forEach((task, i) => {
    const job = jobs.at(-1);
    const first = job === undefined ? undefined : tasks[job[0]];
    if (first !== undefined && first.scenario.key === task.scenario.key && first.replication === task.replication) job!.push(i);
    else jobs.push([i]);
  });
  if (threads <= 1) return jobs;
  if (jobs.length < 4 * threads) return jobs.length % threads === 0 ? jobs : tasks.map((_, i) => [i]);
  // The last jobs go as single tasks, so that threads running at different speeds finish close together.
  const tail = jobs.splice(jobs.length - threads).flatMap((job) => job.map((index) => [index]));
  return [...jobs, ...tail];
}

/** Options of {@link runTasks}. */
export interface TaskOptions {
  /** Called after each task with the number done so far. */
  onDone?: (done: number, total: number) => void;
  /** The run's estimated seconds on one thread (run-budget.ts), when known. */
  estimatedSeconds?: number;
}

/**
 * Runs every task and returns their outcomes in task order. `workers` is the number of threads
 * that run tasks, this one included: `workers` <= 1 runs everything here, `workers` = N starts N - 1
 * worker threads and this thread takes jobs too.
 */
export async function runTasks(
  tasks: readonly ReplicationTask[],
  workers: number,
  options: TaskOptions | ((done: number, total: number) => void) = {},
): Promise<ReplicationOutcome[]> {
  const { onDone, estimatedSeconds } = typeof options === "function" ? { onDone: options, estimatedSeconds: undefined } : options;
  const outcomes: ReplicationOutcome[] = new Array(tasks.length);
  const runner = new TaskRunner();
  const threads = Math.min(Math.max(1, Math.floor(workers)), tasks.length) - 1;
  const jobs = jobsOf(tasks, threads + 1);
  let next = 0;
  let done = 0;
  const store = (job: readonly number[], results: readonly ReplicationOutcome[]) => {
    job.forEach((index, k) => {
      outcomes[index] = results[k];
      done++;
      onDone?.(done, tasks.length);
    });
  };
  const runHere = () => {
    const job = jobs[next++];
    store(
      job,
      runner.runJob(job.map((index) => tasks[index])),
    );
  };
  if (threads <= 0 || jobs.length < 2) {
    while (next < jobs.length) runHere();
    return outcomes;
  }
  const atOnce = estimatedSeconds !== undefined && estimatedSeconds >= START_WORKERS_AT_ONCE_SECONDS;
  const pool: Worker[] = atOnce ? Array.from({ length: threads }, () => new Worker(workerScript())) : [];
  try {
    if (!atOnce) {
      const start = performance.now();
      runHere();
      if ((performance.now() - start) * (jobs.length - 1) < smallJobMs()) {
        while (next < jobs.length) runHere();
        return outcomes;
      }
      for (let i = 0; i < threads; i++) pool.push(new Worker(workerScript()));
    }
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (error: Error) => {
        failed = true;
        reject(error);
      };
      const finish = () => {
        if (done === tasks.length) resolve();
      };
      for (const worker of pool) {
        /** Jobs this worker holds, oldest first (it runs them in order). */
        const held: number[][] = [];
        const sent = new Set<string>();
        const feed = () => {
          while (!failed && held.length < TASKS_IN_FLIGHT && next < jobs.length) {
            const job = jobs[next++];
            const { scenario, replication } = tasks[job[0]];
            const message: PostedTask = { indices: job, key: scenario.key, file: scenario.file, models: job.map((index) => tasks[index].modelIndex), replication };
            // A scenario's data crosses to a worker once; its config (class instances) never does.
            if (!sent.has(scenario.key)) {
              message.input = scenario.input;
              sent.add(scenario.key);
            }
            held.push(job);
            worker.postMessage(message);
          }
        };
        const heldTask = () => tasks[held[0]?.[0]];
        worker.on("message", (message: { indices: number[]; outcomes?: ReplicationOutcome[]; error?: string; name?: string }) => {
          if (message.error !== undefined) return fail(errorFromWorker({ error: message.error, name: message.name }));
          held.shift();
          store(message.indices, message.outcomes!);
          feed();
          finish();
        });
        worker.on("error", (error: Error & { code?: string }) => {
          if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
            return fail(new ResourceError(`a worker thread ran out of memory running ${describeTask(heldTask())}: ${error.message}; run fewer replications or models at once, or raise the limit with NODE_OPTIONS=--max-old-space-size=MB`));
          }
          fail(error);
        });
        worker.on("messageerror", (error) => fail(new WorkerCrashError(`a worker thread's result could not be read (${describeTask(heldTask())}): ${error.message}`)));
        // A worker that ends while holding a task (process.exit in it, a native crash) never
        // reports: without this the run would wait for it forever. After the run this is a no-op.
        worker.on("exit", (code) => {
          if (held.length > 0) fail(new WorkerCrashError(`a worker thread stopped (exit code ${code}) while running ${describeTask(heldTask())}, without reporting a result; nothing was written`));
        });
        feed();
      }
      // This thread takes one job per turn of the event loop, so that between two of its own it
      // reads the workers' results and sends them their next jobs.
      const step = () => {
        if (failed) return;
        if (next < jobs.length) {
          try {
            runHere();
          } catch (error) {
            return fail(error as Error);
          }
          setImmediate(step);
        }
        finish();
      };
      setImmediate(step);
    });
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return outcomes;
}
