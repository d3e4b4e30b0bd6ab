/**
 * Runs replication tasks on worker threads (or in this thread when one worker is asked for).
 * Outcomes are stored by task index, so the order in which workers finish never reaches a result.
 */
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { TaskRunner, type ReplicationOutcome, type ReplicationTask } from "./replication-task.js";

/** Default number of workers: the machine's cores. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** Raised when a replication fails inside a worker; carries the worker's message. */
export class WorkerTaskError extends Error {
  override name = "WorkerTaskError";
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
            const feed = () => {
              if (next >= tasks.length) return resolve();
              const index = next++;
              worker.postMessage({ index, task: tasks[index] });
            };
            worker.on("message", (message: { index: number; outcome?: ReplicationOutcome; error?: string }) => {
              if (message.error !== undefined) return reject(new WorkerTaskError(message.error));
              outcomes[message.index] = message.outcome!;
              onDone?.(++done, tasks.length);
              feed();
            });
            worker.on("error", reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return outcomes;
}
