/**
 * Atomic file output: write a temporary file beside the target, then rename it over the target,
 * so a crash or a full disk never leaves a half-written report behind.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, basename } from "node:path";

/** Writes `content` to `file` atomically, creating its folder if needed. */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  // The pid keeps concurrent writers (parallel runs, shards) from sharing a temporary name.
  const temporary = join(dirname(file), `.tmp-${process.pid}-${basename(file)}`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
