/**
 * Runs the built CLI (dist/src/cli/main.js) as a child process, asynchronously. Tests await it
 * rather than block in spawnSync: a test worker whose event loop is blocked for long on a busy
 * machine misses the test runner's own messages and the whole run fails on a timeout, though
 * every test passed.
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";

export const CLI = resolve("dist/src/cli/main.js");

export interface CliResult {
  /** Exit code, or null when a signal ended the process. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `resim ARGS...` and resolves when it exits, whatever its exit code. */
export function resim(...args: string[]): Promise<CliResult> {
  return resimWithEnv({}, ...args);
}

/** Runs `resim ARGS...` with these variables added to the environment. */
export function resimWithEnv(env: Record<string, string>, ...args: string[]): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8") }));
  });
}
