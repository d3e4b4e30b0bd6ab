/**
 * Prints one plain closing line, "tests: N passed, N failed, N skipped", that CI logs read the same
 * way whatever the test runner.
 */
import type { Reporter, RunnerTestFile, RunnerTask } from "vitest/node";

function count(tasks: readonly RunnerTask[], totals: { passed: number; failed: number; skipped: number }): void {
  for (const task of tasks) {
    if (task.type === "suite") count(task.tasks, totals);
    else if (task.result?.state === "pass") totals.passed++;
    else if (task.result?.state === "fail") totals.failed++;
    else totals.skipped++;
  }
}

export default class SummaryReporter implements Reporter {
  onFinished(files: RunnerTestFile[] = []): void {
    const totals = { passed: 0, failed: 0, skipped: 0 };
    count(files, totals);
    // Suites that fail to load have no tests; count them as failures so they are never missed.
    totals.failed += files.filter((file) => file.result?.state === "fail" && file.tasks.length === 0).length;
    process.stdout.write(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
  }
}
