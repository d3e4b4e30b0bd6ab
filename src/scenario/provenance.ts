/**
 * Where a result came from, so that a number in a report can be traced to exactly what produced
 * it: the resim version, a digest of every input file (the scenario, each file it `extends`, the
 * call table it replays) and every command-line override in the order applied.
 *
 * Nothing here depends on the machine or the clock: files are named as the user or the scenario
 * wrote them (relative), and the digest covers file contents only, so the same inputs give the
 * same bytes on any machine, and a moved or renamed file keeps its digest.
 */
import { createHash } from "node:crypto";
import { closeSync, readSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { openRegularFile } from "../streams/input-file.js";
import { RESIM_VERSION } from "../version.js";
import type { OverrideRecord } from "./assignments.js";
import { readScenarioData, type LoadedScenario } from "./load.js";

/** One input file and the SHA-256 of its bytes. */
export interface InputDigest {
  role: "scenario" | "extends" | "call table";
  /** The scenario as named on the command line (relative to the working folder); the others as the scenario file writes them. */
  file: string;
  sha256: string;
}

export interface Provenance {
  resimVersion: string;
  /** SHA-256 over the inputs' roles and digests, in order: one value that changes when any input's bytes do. */
  scenarioDigest: string;
  inputs: InputDigest[];
  /** Every override, in the order applied (empty: the scenario as written). */
  overrides: OverrideRecord[];
}

/**
 * A file name that is the same on every machine: the path relative to the working folder when the
 * file is under it, else the file's own name (an absolute path names one machine's layout).
 */
export function portableFileName(file: string): string {
  const path = relative(process.cwd(), resolve(file));
  if (path === "" || path.startsWith("..") || isAbsolute(path)) return basename(file);
  return path.split(sep).join("/");
}

/** The inputs of a loaded scenario with their digests: the file, its extends chain (outermost first), its call table. */
export function scenarioInputs(loaded: Pick<LoadedScenario, "file" | "input">): InputDigest[] {
  const inputs: InputDigest[] = [{ role: "scenario", file: portableFileName(loaded.file), sha256: sha256OfRegularFile(loaded.file, "a scenario file") }];
  // The chain was read (and checked for cycles) when the scenario loaded; it is followed again here for the bytes.
  let file = loaded.file;
  for (let depth = 0; depth < 64; depth++) {
    const data = readScenarioData(file);
    const base = typeof data === "object" && data !== null ? (data as Record<string, unknown>).extends : undefined;
    if (typeof base !== "string" || base === "") break;
    file = isAbsolute(base) ? base : join(dirname(file), base);
    inputs.push({ role: "extends", file: base, sha256: sha256OfRegularFile(file, "a scenario file") });
  }
  const table = loaded.input.demand.historical?.file;
  if (table !== undefined) {
    // Resolved as replay-demand.ts resolves it: relative to the scenario file named on the command line.
    inputs.push({ role: "call table", file: table, sha256: sha256OfRegularFile(resolve(dirname(loaded.file), table), "a call table") });
  }
  return inputs;
}

/** The provenance of a run of `loaded` (its overrides as loadScenario recorded them). Throws DataFileError. */
export function scenarioProvenance(loaded: Pick<LoadedScenario, "file" | "input" | "overrides">): Provenance {
  const inputs = scenarioInputs(loaded);
  const scenarioDigest = createHash("sha256")
    .update(inputs.map((i) => `${i.role}\t${i.sha256}\n`).join(""))
    .digest("hex");
  return { resimVersion: RESIM_VERSION, scenarioDigest, inputs, overrides: loaded.overrides ?? [] };
}

/**
 * A short tag for the `--set` overrides (8 hex digits of the SHA-256 of their paths and values,
 * in order), or null when there are none. Names an override run's default folder, so two
 * different what-ifs never overwrite each other or the scenario as written. --seed, --days and
 * --replications do not count: they change the sample, not the scenario.
 */
export function overridesTag(overrides: readonly OverrideRecord[]): string | null {
  const set = overrides.filter((o) => o.given === "--set").map((o) => [o.path, o.value]);
  if (set.length === 0) return null;
  return createHash("sha256").update(JSON.stringify(set)).digest("hex").slice(0, 8);
}

/** "reports/NAME" for the scenario as written, "reports/NAME-set-TAG" with --set overrides; `suffix` for a study ("-sweep"). */
export function defaultOutputFolder(name: string, overrides: readonly OverrideRecord[], suffix = ""): string {
  const tag = overridesTag(overrides);
  return join("reports", `${name}${tag === null ? "" : `-set-${tag}`}${suffix}`);
}

/** "--set a.b=4", "--seed 7": an override as it was given, for tables and messages. */
export function describeOverride(o: OverrideRecord): string {
  const value = JSON.stringify(o.value);
  if (o.given === "--set") return `--set ${o.path}=${value}`;
  if (o.given.startsWith("--") && !o.given.includes(" ")) return `${o.given} ${value}`;
  return `${o.path}=${value} (${o.given})`;
}

/**
 * SHA-256 (hex) of a regular file's bytes, read in 1 MiB chunks so a large call table is hashed
 * in flat memory; opened as {@link openRegularFile} opens (a device or pipe is refused, never
 * read forever). Throws DataFileError. Here rather than in streams/input-file.ts so that loading a
 * scenario (`resim validate`) does not load node:crypto.
 */
function sha256OfRegularFile(file: string, what = "a file"): string {
  const fd = openRegularFile(file, what);
  try {
    const hash = createHash("sha256");
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
    }
    return hash.digest("hex");
  } finally {
    closeSync(fd);
  }
}
