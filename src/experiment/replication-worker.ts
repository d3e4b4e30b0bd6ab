/**
 * Worker-thread entry point: receives tasks, runs them, posts outcomes back. It holds no state
 * that could change a result: each task is a pure function of its scenario, model and replication.
 */
import { parentPort } from "node:worker_threads";
import { TaskRunner, type ReplicationTask } from "./replication-task.js";

const runner = new TaskRunner();
parentPort!.on("message", (message: { index: number; task: ReplicationTask }) => {
  try {
    parentPort!.postMessage({ index: message.index, outcome: runner.run(message.task) });
  } catch (error) {
    // The name lets the pool tell a resource limit (exit 2) from a bug (exit 1).
    parentPort!.postMessage({ index: message.index, error: (error as Error).message, name: (error as Error).name });
  }
});
