/**
 * `resim-manifest.json`: what resim wrote in an output folder, by set (the files one command
 * writes together: a run's summary files, a report, a sweep), each file with its size and SHA-256.
 * It is written last into the staging folder, so it arrives with the files it lists. It serves two
 * purposes: a writer knows which files are resim's (to replace) and which are not (to keep), and a
 * reader can tell a folder that was changed or copied incompletely (a cut-short rsync of a shard)
 * from a complete one. A folder without a manifest (filled by hand, or by an older resim) is read
 * as it is. The file holds no time or path, so the same run gives the same bytes.
 */
import { createHash } from "node:crypto";
import { lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { OutputError } from "./atomic-write.js";

export const MANIFEST_FILE = "resim-manifest.json";
const FORMAT = "resim-output-manifest 1";
const ABOUT =
  "The files resim wrote in this folder, by the command that wrote them together, with their sizes and SHA-256 digests. resim checks them before reading the folder and replaces them as a set; files not listed here are not resim's and are kept.";

export interface FileEntry {
  bytes: number;
  sha256: string;
}

/** One set: the files one command wrote together, and the files it was computed from. */
export interface SetEntry {
  /**
   * Paths of the files this set was computed from (a report from summary.json and sweep.csv,
   * listed or not): when any of them is written again, this set is removed with the old version.
   */
  builtFrom: string[];
  /** Files by path relative to the folder, with "/" between folders. */
  files: Record<string, FileEntry>;
}

export interface Manifest {
  format: string;
  about: string;
  sets: Record<string, SetEntry>;
}

/** A file's entry from its bytes. */
export function fileEntry(content: Uint8Array): FileEntry {
  return { bytes: content.length, sha256: createHash("sha256").update(content).digest("hex") };
}

/** A relative path inside a folder: no absolute path, no "..", no empty or "." part. */
export function isInsidePath(path: string): boolean {
  return path.length > 0 && !path.startsWith("/") && !path.includes("\\") && path.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}

/** The manifest's text, sets and files in sorted order so that equal contents give equal bytes. */
export function manifestText(sets: Record<string, SetEntry>): string {
  const sorted: Record<string, SetEntry> = {};
  for (const name of Object.keys(sets).sort()) {
    const files: Record<string, FileEntry> = {};
    for (const path of Object.keys(sets[name].files).sort()) files[path] = sets[name].files[path];
    sorted[name] = { builtFrom: [...sets[name].builtFrom].sort(), files };
  }
  return JSON.stringify({ format: FORMAT, about: ABOUT, sets: sorted } satisfies Manifest, null, 2) + "\n";
}

/**
 * Reads `folder`'s manifest: null when there is none (or no folder).
 *
 * @throws {OutputError} if it is there but damaged (resim cannot tell its files from others then).
 */
export function readManifest(folder: string): { manifest: Manifest; text: string } | null {
  const file = join(folder, MANIFEST_FILE);
  let text: string;
  try {
    if (!lstatSync(file).isFile()) throw new OutputError(`${file} is not a regular file; remove it (resim then treats every file in ${folder} as not its own)`);
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR") return null;
    throw error instanceof OutputError ? error : new OutputError(`cannot read ${file}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw damaged(file, folder, `not JSON (${(error as Error).message})`);
  }
  const problem = shapeProblem(data);
  if (problem) throw damaged(file, folder, problem);
  return { manifest: data as Manifest, text };
}

function damaged(file: string, folder: string, problem: string): OutputError {
  return new OutputError(`${file} is damaged: ${problem}; remove it (resim then treats every file in ${folder} as not its own) or write the folder again`);
}

function shapeProblem(data: unknown): string | null {
  const record = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
  if (!record(data) || data.format !== FORMAT) return `expected format '${FORMAT}'`;
  if (!record(data.sets)) return "'sets' must be an object";
  for (const [name, set] of Object.entries(data.sets)) {
    if (!record(set) || !record(set.files) || !Array.isArray(set.builtFrom) || !set.builtFrom.every((path) => typeof path === "string")) {
      return `sets.${name} must have 'files' and 'builtFrom' (a list of paths)`;
    }
    for (const [path, entry] of Object.entries(set.files)) {
      if (!isInsidePath(path)) return `sets.${name} lists '${path}', which is not a path inside the folder`;
      if (!record(entry) || typeof entry.bytes !== "number" || typeof entry.sha256 !== "string") return `sets.${name}.files['${path}'] must have 'bytes' and 'sha256'`;
    }
  }
  return null;
}

/** A listed file that is not as resim wrote it. */
export interface FileProblem {
  /** The file's path (the folder joined with its listed path). */
  file: string;
  problem: string;
}

/** The set that lists `path`, if any. */
export function setOf(manifest: Manifest | null, path: string): string | null {
  if (manifest === null) return null;
  for (const [name, set] of Object.entries(manifest.sets)) if (Object.hasOwn(set.files, path)) return name;
  return null;
}

/**
 * Checks the files the manifest lists against what is in the folder: each must be a regular
 * file (not a link) of the listed size and digest. Returns one problem per file that is not
 * (none when all is well, or when the folder has no manifest).
 *
 * @param select which listed paths to check (a reader checks what it reads; default all)
 */
export function checkListedFiles(folder: string, manifest: Manifest | null, select: (path: string) => boolean = () => true): FileProblem[] {
  if (manifest === null) return [];
  const problems: FileProblem[] = [];
  for (const set of Object.values(manifest.sets)) {
    for (const [path, entry] of Object.entries(set.files)) {
      if (!select(path)) continue;
      const file = join(folder, path);
      let content: Buffer;
      try {
        if (!lstatSync(file).isFile()) {
          problems.push({ file, problem: `listed in ${MANIFEST_FILE} as a file resim wrote, but it is not a regular file now` });
          continue;
        }
        content = readFileSync(file);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        problems.push({ file, problem: code === "ENOENT" ? `listed in ${MANIFEST_FILE} but missing` : `cannot be read: ${(error as Error).message}` });
        continue;
      }
      const found = fileEntry(content);
      if (found.bytes !== entry.bytes) problems.push({ file, problem: `${found.bytes} bytes, but ${MANIFEST_FILE} lists ${entry.bytes}: it changed after resim wrote it` });
      else if (found.sha256 !== entry.sha256) problems.push({ file, problem: `its SHA-256 differs from the one in ${MANIFEST_FILE}: it changed after resim wrote it` });
    }
  }
  return problems;
}
