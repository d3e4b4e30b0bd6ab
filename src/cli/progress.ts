/**
 * Progress on stderr while replications run: done/total, rate and time left. Only when stderr is
 * a terminal and the user did not ask for --quiet; wall-clock time is used here and never in a
 * result.
 */
import { describeRate, formatDuration, MAX_ESTIMATED_SECONDS, SHOW_ESTIMATE_SECONDS, type RunEstimate } from "../experiment/run-budget.js";

/** A progress callback for runExperiment(s), or undefined when progress should not be shown. */
export function progressReporter(label: string, quiet: boolean | undefined): ((done: number, total: number) => void) | undefined {
  if (quiet || !process.stderr.isTTY) return undefined;
  const start = performance.now();
  return (done, total) => {
    const seconds = (performance.now() - start) / 1000;
    const rate = done / Math.max(seconds, 1e-9);
    const left = Math.max(0, (total - done) / rate);
    process.stderr.write(`\r${label}: ${done}/${total} replications, ${rate.toFixed(1)}/s, ${left.toFixed(0)} s left   `);
    if (done === total) process.stderr.write("\n");
  };
}

/**
 * Prints a long run's estimated time on stderr before it starts (also when stderr is not a
 * terminal: a batch job's log should say it), unless --quiet.
 */
export function estimateReporter(quiet: boolean | undefined): ((estimate: RunEstimate) => void) | undefined {
  if (quiet) return undefined;
  return (estimate) => {
    if (estimate.seconds < SHOW_ESTIMATE_SECONDS) return;
    const over = estimate.seconds > MAX_ESTIMATED_SECONDS ? `, over the ${formatDuration(MAX_ESTIMATED_SECONDS)} resim runs without --allow-long` : "";
    process.stderr.write(`resim: this run will take about ${formatDuration(estimate.seconds)} (${describeRate(estimate)}${over}): ${estimate.timeReason}\n`);
  };
}
