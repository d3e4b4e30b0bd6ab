/**
 * The bad-input corpus's machinery: a case is some files written to a fresh folder, a `resim`
 * command run there (the built CLI, as a user runs it), the exit code it must end with, and what
 * its stderr must and must not say. Every case must end within a deadline (a hang fails, it does
 * not stall the suite) and must never print a stack trace for a user's or machine's situation.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

export const CLI = resolve("dist/src/cli/main.js");
/** A case that runs longer than this is hung (most take under a second). */
const DEADLINE_MS = 30_000;

export interface Case {
  /** The class of mistake and the input, e.g. "unbounded read: extends: /dev/zero". */
  name: string;
  /** Files to write in the case's folder (path -> text or bytes; a function is called only then). */
  files?: Record<string, string | Buffer | (() => string | Buffer)>;
  /** Folders to create in the case's folder. */
  folders?: string[];
  /** Arguments to `resim`, run in the case's folder. */
  args: string[];
  exit: number;
  /** Substrings (or patterns) stderr must hold: the file, the key path or line, expected and found. */
  says: (string | RegExp)[];
  /** Substrings stderr must not hold (a misleading message). */
  never?: (string | RegExp)[];
  /** Most lines stderr may have (default 1: one line per problem). */
  lines?: number;
  /** Options for node itself (a preload that makes a worker die). */
  node?: string[];
  env?: Record<string, string>;
  /** A shell prefix, e.g. "ulimit -f 16;" (the command then runs under sh). */
  shell?: string;
  /** Why the case cannot run here (another platform), or null. */
  skip?: () => string | null;
}

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  /** True when the deadline passed and the process was killed. */
  hung: boolean;
}

/** Writes the case's files into a new folder and runs it; the folder is removed afterwards. */
export async function runCase(c: Case): Promise<Outcome> {
  const folder = mkdtempSync(join(tmpdir(), "resim-bad-input-"));
  try {
    for (const sub of c.folders ?? []) mkdirSync(join(folder, sub), { recursive: true });
    for (const [path, content] of Object.entries(c.files ?? {})) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), typeof content === "function" ? content() : content);
    }
    return await spawnCase(c, folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function spawnCase(c: Case, cwd: string): Promise<Outcome> {
  const argv = [...(c.node ?? []), CLI, ...c.args];
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const [command, args] = c.shell === undefined ? [process.execPath, argv] : ["sh", ["-c", `${c.shell} exec ${[process.execPath, ...argv].map(quote).join(" ")}`]];
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...c.env }, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      child.kill("SIGKILL");
    }, DEADLINE_MS);
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8"), hung });
    });
  });
}

/** Only where the platform has the file (devices, /proc). */
export function needs(path: string): () => string | null {
  return () => (existsSync(path) ? null : `${path} does not exist on this platform`);
}

/** A scenario small enough that a run of one day and one replication takes milliseconds. */
export const TINY = `name: tiny
run: { horizonDays: 1, warmupDays: 0, replications: 1 }
demand:
  callsPerDay: 20
  categories:
    other: { share: 1, priorityShares: [1] }
unitTypes:
  server:
    crew: { officer: 1 }
    costPerHour: 0
    onSceneMin: { default: { dist: exponential, mean: 30 } }
    dispositions: { default: { resolved: 1 } }
models:
  m:
    staffing:
      server: [{ from: "00:00", to: "24:00", units: 2 }]
    dispatch:
      - send: [server]
`;

/** TINY with some text replaced. */
export function tiny(from: string, to: string): string {
  if (!TINY.includes(from)) throw new Error(`TINY has no '${from}'`);
  return TINY.replace(from, to);
}

/** A replay of `table` (a call table file name), two categories, a rule on priority 1. */
export function replay(table: string): string {
  return `name: replay
run: { horizonDays: 1, warmupDays: 0, replications: 1 }
demand:
  historical: { file: ${JSON.stringify(table)} }
  categories:
    welfare-check: {}
    disturbance: {}
unitTypes:
  server:
    crew: { officer: 1 }
    costPerHour: 0
    onSceneMin: { default: { dist: exponential, mean: 30 } }
    dispositions: { default: { resolved: 1 } }
models:
  m:
    staffing:
      server: [{ from: "00:00", to: "24:00", units: 2 }]
    dispatch:
      - match: { priorities: [1] }
        send: [server]
      - send: [server]
waiting:
  abandonment:
    patienceMin: { dist: fixed, value: 30 }
    priorities: [1]
`;
}

/** A call table as 'resim import' writes it: three calls on Monday 2 and Tuesday 3 January 2023. */
export const CALL_TABLE = `received,category,priority,priority_source,behavioral_health,weapon,dispatched_min,enroute_min,arrived_min,cleared_min,id,zone,type,type_description,line
2023-01-02T10:00:00,welfare-check,1,export,1,0,,,5,30,1,1,WELFARE CHECK,,2
2023-01-02T11:00:00,disturbance,3,export,0,0,,,7,40,2,1,DISTURBANCE,,3
2023-01-03T09:00:00,welfare-check,1,export,1,0,,,5,30,3,2,WELFARE CHECK,,4
`;

/** A mapping for EXPORT's columns. */
export const MAPPING = `name: tiny
timeZone: America/Los_Angeles
taxonomy: ${JSON.stringify(resolve("data/taxonomy/resim.yaml"))}
columns:
  id: id
  received: { column: when, format: "YYYY-MM-DD HH:mm:ss" }
  type: type
  priority: prio
priorities: { A: 1, B: 3 }
`;

export const EXPORT_HEADER = "id,when,type,prio";
/** A small CAD export the mapping reads. */
export const EXPORT = `${EXPORT_HEADER}
1,2023-01-02 10:00:00,WELFARE CHECK,A
2,2023-01-02 11:00:00,DISTURBANCE,B
3,2023-01-03 09:00:00,WELFARE CHECK,A
`;
