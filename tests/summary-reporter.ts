/**
 * Prints one plain closing line, "tests: N passed, N failed, N skipped", that CI logs read the same
 * way whatever the test runner. "failed" counts everything that makes the run exit non-zero, so
 * the line never says 0 failed when the run failed: failed tests, test files that failed outside
 * their tests (a suite that did not load, a failing beforeAll), and unhandled errors.
 */
import type { Reporter, RunnerTestFile, RunnerTask } from "vitest/node";

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

function count(tasks: readonly RunnerTask[], totals: Totals): void {
  for (const task of tasks) {
    if (task.type === "suite") count(task.tasks, totals);
    else if (task.result?.state === "pass") totals.passed++;
    else if (task.result?.state === "fail") totals.failed++;
    else totals.skipped++;
  }
}

/** Whether a failed test lies anywhere below these tasks. */
function hasFailedTest(tasks: readonly RunnerTask[]): boolean {
  return tasks.some((task) => (task.type === "suite" ? hasFailedTest(task.tasks) : task.result?.state === "fail"));
}

export default class SummaryReporter implements Reporter {
  onFinished(files: RunnerTestFile[] = [], errors: readonly unknown[] = []): void {
    const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
    count(files, totals);
    const failedFiles = files.filter((file) => file.result?.state === "fail" && !hasFailedTest(file.tasks));
    totals.failed += failedFiles.length + errors.length;
    const notes = [
      ...failedFiles.map((file) => `failed outside its tests: ${file.name}`),
      ...(errors.length > 0 ? [`unhandled errors: ${errors.length}`] : []),
    ];
    process.stdout.write(`\n${notes.map((note) => `${note}\n`).join("")}tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
  }
}
