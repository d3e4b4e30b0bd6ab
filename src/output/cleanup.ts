/**
 * Paths to remove if the process ends before it is done with them: temporary files, staging
 * folders and import spill folders. Whoever creates such a path registers it at once and forgets
 * it when the path has been renamed into place or removed; the command line installs the handlers
 * once (src/cli/main.ts), so an error, a normal exit, Ctrl-C (SIGINT), SIGTERM or SIGHUP leaves
 * none of them behind. SIGKILL and power loss cannot be caught: what they leave is hidden beside
 * its target (a leading dot, the target's name) or in the system's temporary folder (an import's
 * spill), and never read by resim.
 */
import { rmSync } from "node:fs";

const pending = new Set<string>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
let installed = false;
let listening = false;

/**
 * Registers a path (file or folder) that must not outlive the process; returns the function that
 * forgets it (call it once the path is renamed into place or removed). Register only paths this
 * process created under a name of its own: the path is removed recursively.
 */
export function removeOnExit(path: string): () => void {
  pending.add(path);
  if (installed) listenForSignals();
  return () => {
    pending.delete(path);
  };
}

/** The paths registered and not yet forgotten (for tests). */
export function pendingRemovals(): string[] {
  return [...pending];
}

/** Removes every registered path, ignoring failures: this runs on the way out. */
export function removePending(): void {
  for (const path of pending) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // Best effort: the process is ending, and a path that cannot be removed cannot be helped.
    }
  }
  pending.clear();
}

/**
 * Installs the exit handler, and the signal handlers from the first registered path on, once per
 * process. A signal removes the registered paths and then ends the process with the same signal
 * (the handler removes itself first), so a shell or a job scheduler still sees "killed by
 * SIGINT/SIGTERM", not a normal exit.
 *
 * Why from the first path on, not at once: Node runs a signal handler only when JavaScript
 * yields, and a simulation on one worker runs in this thread without yielding; with a handler
 * installed, Ctrl-C would wait for the run to end. Until a path is registered there is nothing to
 * remove, so the default action (immediate) is kept. Once installed they stay, so a signal that
 * arrives during a synchronous step (a folder's swap, an import's sort) is acted on when it ends,
 * never lost and never in the middle of the swap.
 */
export function installExitCleanup(): void {
  if (installed) return;
  installed = true;
  process.on("exit", removePending);
  if (pending.size > 0) listenForSignals();
}

function listenForSignals(): void {
  if (listening) return;
  listening = true;
  const handlers = new Map<NodeJS.Signals, () => void>();
  for (const signal of SIGNALS) {
    const handler = () => {
      removePending();
      for (const [s, h] of handlers) process.removeListener(s, h);
      process.kill(process.pid, signal);
    };
    handlers.set(signal, handler);
    process.on(signal, handler);
  }
}
