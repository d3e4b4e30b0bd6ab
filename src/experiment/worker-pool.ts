/**
 * Runs replication tasks on this thread and, for a job worth it, on worker threads beside it.
 * Outcomes are stored by task index, so which thread runs a task, and the order in which they
 * finish, never reaches a result.
 */
import { availableParallelism } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
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
 * A job whose remaining tasks would take less than this (judged by its first task) runs in this
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

/** Tasks a worker holds at once: the next one waits in its queue while this thread is busy with its own. */
const TASKS_IN_FLIGHT = 2;

/**
 * Runs every task and returns their outcomes in task order. `workers` is the number of threads
 * that run tasks, this one included: `workers` <= 1 runs everything here, `workers` = N starts N - 1
 * worker threads and this thread takes tasks too. `onDone` is called after each task with the
 * number done so far.
 */
export async function runTasks(
  tasks: readonly ReplicationTask[],
  workers: number,
  onDone?: (done: number, total: number) => void,
): Promise<ReplicationOutcome[]> {
  const outcomes: ReplicationOutcome[] = new Array(tasks.length);
  const runner = new TaskRunner();
  let next = 0;
  let done = 0;
  const runHere = () => {
    const index = next++;
    outcomes[index] = runner.run(tasks[index]);
    done++;
    onDone?.(done, tasks.length);
  };
  const threads = Math.min(Math.max(1, Math.floor(workers)), tasks.length) - 1;
  if (threads <= 0) {
    while (next < tasks.length) runHere();
    return outcomes;
  }
  const start = performance.now();
  runHere();
  if ((performance.now() - start) * (tasks.length - 1) < smallJobMs()) {
    while (next < tasks.length) runHere();
    return outcomes;
  }
  // Loaded here, not at the top: a run whose job is small never starts a thread (about 47 M
  // instructions of start-up saved).
  const { Worker } = await import("node:worker_threads");
  const pool = Array.from({ length: threads }, () => new Worker(workerScript()));
  try {
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
        /** Tasks this worker holds, oldest first (it runs them in order). */
        const held: number[] = [];
        const sent = new Set<string>();
        const feed = () => {
          while (!failed && held.length < TASKS_IN_FLIGHT && next < tasks.length) {
            const index = next++;
            const { scenario, modelIndex, replication } = tasks[index];
            const message: PostedTask = { index, key: scenario.key, file: scenario.file, modelIndex, replication };
            // A scenario's data crosses to a worker once; its config (class instances) never does.
            if (!sent.has(scenario.key)) {
              message.input = scenario.input;
              sent.add(scenario.key);
            }
            held.push(index);
            worker.postMessage(message);
          }
        };
        worker.on("message", (message: { index: number; outcome?: ReplicationOutcome; error?: string; name?: string }) => {
          if (message.error !== undefined) return fail(errorFromWorker({ error: message.error, name: message.name }));
          held.shift();
          outcomes[message.index] = message.outcome!;
          done++;
          onDone?.(done, tasks.length);
          feed();
          finish();
        });
        worker.on("error", (error: Error & { code?: string }) => {
          if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
            return fail(new ResourceError(`a worker thread ran out of memory running ${describeTask(tasks[held[0]])}: ${error.message}; run fewer replications or models at once, or raise the limit with NODE_OPTIONS=--max-old-space-size=MB`));
          }
          fail(error);
        });
        worker.on("messageerror", (error) => fail(new WorkerCrashError(`a worker thread's result could not be read (${describeTask(tasks[held[0]])}): ${error.message}`)));
        // A worker that ends while holding a task (process.exit in it, a native crash) never
        // reports: without this the run would wait for it forever. After the run this is a no-op.
        worker.on("exit", (code) => {
          if (held.length > 0) fail(new WorkerCrashError(`a worker thread stopped (exit code ${code}) while running ${describeTask(tasks[held[0]])}, without reporting a result; nothing was written`));
        });
        feed();
      }
      // This thread takes one task per turn of the event loop, so that between two of its own it
      // reads the workers' results and sends them their next tasks.
      const step = () => {
        if (failed) return;
        if (next < tasks.length) {
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
