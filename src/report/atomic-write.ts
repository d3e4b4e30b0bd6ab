/**
 * Atomic file output: write a temporary file beside the target, then rename it over the target,
 * so a crash or a full disk never leaves a half-written report behind.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, basename } from "node:path";

/** Raised when an output cannot be written (a folder that cannot be created, a full disk): exit 2. */
export class OutputError extends Error {
  override name = "OutputError";
}

/** Writes `content` to `file` atomically, creating its folder if needed. Throws OutputError. */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  try {
    writeAtomically(file, content);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? "";
    throw new OutputError(`cannot write ${file}: ${reason ? `${reason}, ` : ""}${(error as Error).message.replace(/^[A-Z]+: /, "")}`);
  }
}

function writeAtomically(file: string, content: string | Uint8Array): void {
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
