/**
 * Worker-thread entry point: receives tasks, runs them, posts outcomes back. It holds no state
 * that could change a result: each task is a pure function of its scenario, model and replication.
 * It does not validate the scenario again, nor load the YAML parser: the main thread has validated
 * it and sends its data (see replication-task.ts).
 */
import { parentPort } from "node:worker_threads";
import { TaskRunner, type PostedTask } from "./replication-task.js";

const runner = new TaskRunner();
parentPort!.on("message", (task: PostedTask) => {
  try {
    parentPort!.postMessage({ index: task.index, outcome: runner.runPosted(task) });
  } catch (error) {
    // The name lets the pool tell a resource limit (exit 2) from a bug (exit 1).
    parentPort!.postMessage({ index: task.index, error: (error as Error).message, name: (error as Error).name });
  }
});
