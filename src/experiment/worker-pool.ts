/**
 * Runs replication tasks on worker threads (or in this thread when one worker is asked for).
 * Outcomes are stored by task index, so the order in which workers finish never reaches a result.
 */
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { TaskRunner, type ReplicationOutcome, type ReplicationTask } from "./replication-task.js";
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
 * The compiled worker script. Under a TypeScript test runner this module is a .ts file that
 * Node cannot start as a worker, so the compiled copy in dist/ is used (npm test builds first).
 */
function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".ts")) return here.replace(/[\\/]src[\\/]experiment[\\/]worker-pool\.ts$/, "/dist/src/experiment/replication-worker.js");
  return here.replace(/worker-pool\.js$/, "replication-worker.js");
}

/**
 * Runs every task and returns their outcomes in task order. `workers` <= 1 runs in this thread.
 * `onDone` is called after each task with the number done so far.
 */
export async function runTasks(
  tasks: readonly ReplicationTask[],
  workers: number,
  onDone?: (done: number, total: number) => void,
): Promise<ReplicationOutcome[]> {
  const outcomes: ReplicationOutcome[] = new Array(tasks.length);
  const count = Math.min(Math.max(1, Math.floor(workers)), tasks.length);
  if (count <= 1) {
    const runner = new TaskRunner();
    tasks.forEach((task, i) => {
      outcomes[i] = runner.run(task);
      onDone?.(i + 1, tasks.length);
    });
    return outcomes;
  }
  let next = 0;
  let done = 0;
  const pool = Array.from({ length: count }, () => new Worker(workerScript()));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            /** The task this worker holds, or -1 when it holds none. */
            let current = -1;
            const feed = () => {
              current = -1;
              if (next >= tasks.length) return resolve();
              current = next++;
              worker.postMessage({ index: current, task: tasks[current] });
            };
            worker.on("message", (message: { index: number; outcome?: ReplicationOutcome; error?: string; name?: string }) => {
              if (message.error !== undefined) return reject(errorFromWorker({ error: message.error, name: message.name }));
              outcomes[message.index] = message.outcome!;
              onDone?.(++done, tasks.length);
              feed();
            });
            worker.on("error", (error: Error & { code?: string }) => {
              if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
                return reject(new ResourceError(`a worker thread ran out of memory running ${describeTask(tasks[current])}: ${error.message}; run fewer replications or models at once, or raise the limit with NODE_OPTIONS=--max-old-space-size=MB`));
              }
              reject(error);
            });
            worker.on("messageerror", (error) => reject(new WorkerCrashError(`a worker thread's result could not be read (${describeTask(tasks[current])}): ${error.message}`)));
            // A worker that ends while holding a task (process.exit in it, a native crash) never
            // reports: without this the run would wait for it forever. After resolve() this is a no-op.
            worker.on("exit", (code) => {
              if (current >= 0) reject(new WorkerCrashError(`a worker thread stopped (exit code ${code}) while running ${describeTask(tasks[current])}, without reporting a result; nothing was written`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return outcomes;
}
