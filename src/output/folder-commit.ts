/**
 * Committing a set of files into an output folder all at once, so that the folder always holds
 * one complete version of every set in it, never a mix of two runs.
 *
 * The protocol (what `resim run`, `report`, `sweep`, `sensitivity` and `merge` write through):
 * 1. A staging folder is made beside the target (same parent, so same filesystem; hidden name
 *    `.NAME.resim-staging-RANDOM`, mode 0700 while it fills, registered for removal on exit).
 * 2. The new files are written into it, each created exclusively and flushed to disk.
 * 3. Everything else in the target is carried over by hard link (a copy where links are not
 *    allowed): files resim did not write (a user's notes), and resim's other sets that were not
 *    built from what this one replaces (a sweep beside a run). This set's old files, a set that
 *    shared a path with it, and the sets built from any file of those or any file written now (a
 *    report drawn from the old summary.json) are not carried: they belong to the old version.
 * 4. The manifest (manifest.ts) is written last, listing every resim file with size and SHA-256.
 * 5. The swap: the target is renamed aside (`.NAME.resim-old-RANDOM`), the staging folder is
 *    renamed into its place, the old folder is removed. If the second rename fails, the first is
 *    undone. POSIX has no atomic exchange of two folders, so between the two renames (two system
 *    calls, microseconds) the target does not exist; only SIGKILL or a power loss can stop the
 *    process there (signal handlers run between synchronous steps). A reader then finds no
 *    folder, and {@link interruptedSwap} finds the complete previous one beside it.
 *
 * Files resim did not write are never removed: a planner's `resim run --out X` then `resim report
 * X` works, a re-run replaces the old results and the report drawn from them, and a user's files
 * in X stay (a user's file at a path resim writes is replaced, as any writer would). Because the
 * folder is replaced as a whole, {@link checkOutputFolder} refuses the current folder, home, a
 * root, a link and a file as targets.
 *
 * A failure or a kill before the swap leaves the target exactly as it was (and, except for
 * SIGKILL, no staging folder). Two processes writing one folder at once are not supported (give
 * shards their own folders); the state is re-read just before the swap, so all but a narrow race
 * is caught, and even then the folder holds complete sets, never a mix.
 */
import { chmodSync, closeSync, copyFileSync, constants, existsSync, fsyncSync, linkSync, lstatSync, openSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeSync } from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, join, resolve, sep } from "node:path";
import { hiddenName, makeFolders, makeHiddenFolder, openExclusive, OutputError, outputError, type OutputHooks } from "./atomic-write.js";
import { removeOnExit } from "./cleanup.js";
import { checkListedFiles, fileEntry, isInsidePath, MANIFEST_FILE, manifestText, readManifest, type FileEntry, type FileProblem, type Manifest, type SetEntry } from "./manifest.js";

/** Files by path relative to the folder ("/" between folders), in the order to report them. */
export type FolderFiles = ReadonlyMap<string, string | Uint8Array>;

export interface CommitOptions {
  /** The set's name: what the command writes (`run`, `report`, `sweep`, `sensitivity`). */
  set: string;
  /**
   * The files the new ones were computed from, with their manifest entries as the writer found
   * them (null: not listed), from {@link readBasis}. The commit fails if one of them was written
   * again since (a run finished while its report was drawn), and the new set is removed whenever
   * one of them is written again later.
   */
  builtFrom?: Record<string, FileEntry | null>;
  hooks?: OutputHooks;
}

/** Times the folder is re-read when it changed while the staging folder was filled. */
const ATTEMPTS = 3;

/**
 * Commits `files` as the set `options.set` of the folder `target` (see the file header).
 * Returns the paths written, in the order of `files`.
 *
 * @throws {OutputError} naming the folder and the reason; the folder is then as it was.
 */
export function commitFolder(target: string, files: FolderFiles, options: CommitOptions): string[] {
  const contents = new Map<string, Uint8Array>();
  for (const [path, content] of files) {
    if (!isInsidePath(path) || path === MANIFEST_FILE) throw new Error(`commitFolder: '${path}' is not a file path it may write`);
    contents.set(path, typeof content === "string" ? Buffer.from(content, "utf8") : content);
  }
  const absolute = resolve(target);
  try {
    checkOutputFolder(target);
    makeFolders(dirname(absolute));
    for (let attempt = 1; ; attempt++) {
      const before = folderState(absolute);
      const old = readManifest(absolute)?.manifest ?? null;
      checkBasis(target, old, options.builtFrom ?? {});
      const staging = stage(absolute, contents, old, options);
      if (folderState(absolute) === before) {
        swap(target, absolute, staging);
        return [...files.keys()].map((path) => join(target, path));
      }
      staging.discard();
      if (attempt >= ATTEMPTS) throw new OutputError(`${target} kept changing while resim wrote it: is another resim writing the same folder?`);
    }
  } catch (error) {
    throw outputError(target, error, existsSync(absolute) ? `; ${target} is as it was` : "; nothing was written");
  }
}

/**
 * What a reader of `paths` in `folder` must know: the problems with the ones the manifest lists
 * (missing, changed: a folder changed or copied incompletely), and their entries, to pass as
 * `builtFrom` when it commits what it computed from them.
 */
export function readBasis(folder: string, paths: readonly string[]): { problems: FileProblem[]; builtFrom: Record<string, FileEntry | null> } {
  const manifest = readManifest(folder)?.manifest ?? null;
  const builtFrom = Object.fromEntries(paths.map((path) => [path, listedEntry(manifest, path)]));
  const selected = new Set(paths);
  return { problems: checkListedFiles(folder, manifest, (path) => selected.has(path)), builtFrom };
}

function listedEntry(manifest: Manifest | null, path: string): FileEntry | null {
  for (const set of Object.values(manifest?.sets ?? {})) if (Object.hasOwn(set.files, path)) return set.files[path];
  return null;
}

/**
 * When `target` is missing but the folder it was renamed to during a swap is still beside it
 * (the process was killed between the two renames), that folder's path: it holds the complete
 * previous version, and renaming it back restores it.
 */
export function interruptedSwap(target: string): string | null {
  const prefix = `.${basename(resolve(target)).slice(0, 80)}.resim-old-`;
  try {
    lstatSync(target);
    return null;
  } catch {
    try {
      const found = readdirSync(dirname(resolve(target))).find((name) => name.startsWith(prefix));
      return found === undefined ? null : join(dirname(target), found);
    } catch {
      return null;
    }
  }
}

/**
 * Refuses targets that must not be replaced as a whole: the working folder, home, a root, a link,
 * a file. Commands call it before simulating too, so a bad --out fails in a second, not after the run.
 *
 * @throws {OutputError} saying what the target is and what to give instead.
 */
export function checkOutputFolder(target: string): void {
  const absolute = resolve(target);
  const cwd = process.cwd();
  const holdsCwd = absolute === cwd || cwd.startsWith(absolute.endsWith(sep) ? absolute : absolute + sep);
  const what = dirname(absolute) === absolute ? "a filesystem root" : absolute === homedir() ? "your home folder" : holdsCwd ? "the folder you are in (or one holding it)" : null;
  if (what !== null) {
    throw new OutputError(`${target} is ${what}: resim replaces an output folder as a whole when it writes it, so give a folder of its own, such as reports/NAME${holdsCwd ? ", or run resim from outside it" : ""}`);
  }
  let stats;
  try {
    stats = lstatSync(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  if (stats.isSymbolicLink()) {
    throw new OutputError(`${target} is a symbolic link (to ${readlinkSync(absolute)}): resim replaces an output folder as a whole and does not replace links; give the folder it points to`);
  }
  if (!stats.isDirectory()) throw new OutputError(`${target} is a file, not a folder`);
}

/** A token that changes when the folder appears, disappears or gets another manifest. */
function folderState(absolute: string): string {
  try {
    lstatSync(absolute);
  } catch {
    return "absent";
  }
  return readManifest(absolute)?.text ?? "no manifest";
}

function checkBasis(target: string, old: Manifest | null, builtFrom: Record<string, FileEntry | null>): void {
  for (const [path, entry] of Object.entries(builtFrom)) {
    const now = listedEntry(old, path);
    if (JSON.stringify(now) !== JSON.stringify(entry)) {
      throw new OutputError(`${target} changed while resim was reading it (${path} was written again); run the command again`);
    }
  }
}

/**
 * The sets that leave with this commit: its own old version, any set sharing a path with it, and,
 * to a fixed point, any set built from a file written now or a file of a set that leaves.
 */
function droppedSets(old: Manifest | null, set: string, paths: ReadonlySet<string>, folders: ReadonlySet<string>): Set<string> {
  const dropped = new Set([set]);
  if (old === null) return dropped;
  const clashes = (path: string) => paths.has(path) || folders.has(path) || parentFolders(path).some((folder) => paths.has(folder));
  for (const [name, entry] of Object.entries(old.sets)) if (Object.keys(entry.files).some(clashes)) dropped.add(name);
  const leaving = (path: string) => paths.has(path) || [...dropped].some((name) => old.sets[name] !== undefined && Object.hasOwn(old.sets[name].files, path));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, entry] of Object.entries(old.sets)) {
      if (!dropped.has(name) && entry.builtFrom.some(leaving)) {
        dropped.add(name);
        grew = true;
      }
    }
  }
  return dropped;
}

function parentFolders(path: string): string[] {
  const parts = path.split("/");
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join("/"));
}

interface Staging {
  path: string;
  /** The mode the target will have: the old folder's, or a new folder's default. */
  mode: number;
  hooks: OutputHooks;
  forget: () => void;
  discard: () => void;
}

/** Makes and fills the staging folder (steps 1-4 of the protocol). */
function stage(absolute: string, contents: ReadonlyMap<string, Uint8Array>, old: Manifest | null, options: CommitOptions): Staging {
  const hooks = options.hooks ?? {};
  // 0700 while it fills: nobody else can plant anything in it before the swap.
  const path = makeHiddenFolder(absolute, "resim-staging", hooks);
  const forget = removeOnExit(path);
  const discard = () => {
    rmSync(path, { recursive: true, force: true });
    forget();
  };
  try {
    let mode = 0o777 & ~process.umask();
    const sets: Record<string, SetEntry> = {};
    const files: Record<string, ReturnType<typeof fileEntry>> = {};
    for (const [file, content] of contents) {
      writeNew(join(path, file), content, hooks);
      files[file] = fileEntry(content);
    }
    sets[options.set] = { builtFrom: Object.keys(options.builtFrom ?? {}), files };
    if (folderState(absolute) !== "absent") {
      mode = lstatSync(absolute).mode & 0o7777;
      const paths = new Set(contents.keys());
      const folders = new Set([...paths].flatMap(parentFolders));
      const dropped = droppedSets(old, options.set, paths, folders);
      const leaving = new Set<string>();
      for (const [name, entry] of Object.entries(old?.sets ?? {})) {
        if (dropped.has(name)) Object.keys(entry.files).forEach((file) => leaving.add(file));
        else sets[name] = entry;
      }
      carry(absolute, path, "", { paths, folders, leaving });
    }
    writeNew(join(path, MANIFEST_FILE), Buffer.from(manifestText(sets), "utf8"), hooks);
    syncFolder(path);
    return { path, mode, hooks, forget, discard };
  } catch (error) {
    discard();
    throw error;
  }
}

/** Writes a new file inside the staging folder: created exclusively, flushed to disk. */
function writeNew(file: string, content: Uint8Array, hooks: OutputHooks): void {
  makeFolders(dirname(file));
  const fd = openExclusive(file);
  try {
    if (hooks.write) hooks.write(fd, content, file);
    else for (let offset = 0; offset < content.length; ) offset += writeSync(fd, content, offset, content.length - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Carries the target's entries that stay into the staging folder (step 3). A folder is made only
 * when something in it stays, or when it was empty (a user's); links are copied as links.
 */
function carry(from: string, to: string, folder: string, drop: { paths: ReadonlySet<string>; folders: ReadonlySet<string>; leaving: ReadonlySet<string> }): void {
  const entries = readdirSync(join(from, folder), { withFileTypes: true });
  if (entries.length === 0 && folder !== "") makeFolders(join(to, folder));
  for (const entry of entries) {
    const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
    const source = join(from, path);
    const copy = join(to, path);
    if (path === MANIFEST_FILE) continue;
    if (entry.isDirectory()) {
      if (drop.paths.has(path)) throw inTheWay(from, path);
      carry(from, to, path, drop);
      continue;
    }
    if (drop.leaving.has(path) || drop.paths.has(path)) continue;
    if (drop.folders.has(path)) throw inTheWay(from, path);
    makeFolders(join(to, folder));
    if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), copy);
    else if (entry.isFile()) linkOrCopy(source, copy);
    else throw new OutputError(`${source} is not a regular file, folder or link; resim does not replace a folder holding it (move it out)`);
  }
  // A folder that stays keeps its permissions (a shared notes/ folder, say).
  if (folder !== "" && existsSync(join(to, folder))) chmodSync(join(to, folder), lstatSync(join(from, folder)).mode & 0o7777);
}

function inTheWay(folder: string, path: string): OutputError {
  return new OutputError(`${join(folder, path)} is in the way of a file resim writes there (a folder where it writes a file, or a file where it needs a folder); move it out`);
}

function linkOrCopy(source: string, copy: string): void {
  try {
    linkSync(source, copy);
  } catch (error) {
    // No hard links here (some network and USB filesystems; protected_hardlinks on another user's file).
    if (!["EPERM", "EXDEV", "ENOTSUP", "EOPNOTSUPP", "EMLINK", "ENOSYS", "EACCES"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
    copyFileSync(source, copy, constants.COPYFILE_EXCL);
    chmodSync(copy, lstatSync(source).mode & 0o7777);
  }
}

/** Step 5: the two renames, undone if the second fails, then the old folder removed. */
function swap(target: string, absolute: string, staging: Staging): void {
  chmodSync(staging.path, staging.mode);
  let aside: string | null = null;
  if (folderState(absolute) !== "absent") {
    aside = hiddenName(absolute, "resim-old", staging.hooks);
    renameSync(absolute, aside);
  }
  try {
    renameSync(staging.path, absolute);
  } catch (error) {
    if (aside !== null) {
      try {
        renameSync(aside, absolute);
      } catch {
        throw new OutputError(`cannot write ${target}: ${(error as Error).message}; the previous folder could not be put back and is at ${join(dirname(target), basename(aside))}: rename it to ${target}`);
      }
    }
    staging.discard();
    throw error;
  }
  staging.forget();
  syncFolder(dirname(absolute));
  if (aside !== null) {
    // Registered only now: until the new folder was in place, the old one was the only copy.
    const forget = removeOnExit(aside);
    try {
      rmSync(aside, { recursive: true, force: true });
      forget();
    } catch {
      // Left registered: the exit handler tries again; the new folder is in place either way.
    }
  }
}

/** Flushes a folder's entries (the renames) to disk, where the system allows it. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not supported everywhere (Windows); the data itself was flushed file by file.
  }
}
