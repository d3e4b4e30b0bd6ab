/**
 * Writing one file so that nobody ever sees half of it and nobody can redirect it: the bytes go
 * to a temporary file beside the target, created exclusively (O_CREAT|O_EXCL, and O_NOFOLLOW
 * where the system has it) under an unpredictable name, flushed to disk, then renamed over the
 * target. A link planted at the temporary name makes the create fail instead of being followed
 * (another name is tried); a link planted at the target is replaced by the rename, its own target
 * left untouched. The temporary file is registered for removal on every exit path the process
 * can catch (cleanup.ts).
 */
import { randomBytes } from "node:crypto";
import { closeSync, constants, fsyncSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { removeOnExit } from "./cleanup.js";

/** Raised when an output cannot be written (a folder that cannot be created, a full disk): exit 2. */
export class OutputError extends Error {
  override name = "OutputError";
}

/** Replaceable steps, so tests can fail a write mid-way (a full disk) or aim a name at a planted link. */
export interface OutputHooks {
  /** Writes all of `data` to the open file `fd` (which will become `path`). */
  write?: (fd: number, data: Uint8Array, path: string) => void;
  /** Random bytes for temporary names. */
  random?: (size: number) => Buffer;
}

/** Create, write only, fail if anything (even a dangling link) is at the path, never follow a link. */
const EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
/** Names tried before giving up: a collision of 96 random bits means something is planting files. */
const NAME_ATTEMPTS = 8;

function writeAll(fd: number, data: Uint8Array): void {
  for (let offset = 0; offset < data.length; ) offset += writeSync(fd, data, offset, data.length - offset);
}

/**
 * A hidden name beside `target` for a temporary file or folder: a dot, part of the target's name
 * (so a stray one says what it was for), the purpose and 96 random bits.
 */
export function hiddenName(target: string, purpose: string, hooks: OutputHooks = {}): string {
  const random = (hooks.random ?? randomBytes)(12).toString("base64url");
  return join(dirname(target), `.${basename(target).slice(0, 80)}.${purpose}-${random}`);
}

/** Opens a new file exclusively at `path` (see EXCLUSIVE); throws EEXIST if anything is there. */
export function openExclusive(path: string): number {
  return openSync(path, EXCLUSIVE, 0o666);
}

/**
 * Creates `folder` and its missing parents one level at a time. Node's recursive mkdir loops
 * forever under some pseudo-filesystems (/proc); this stops at the first level that fails.
 */
export function makeFolders(folder: string): void {
  const missing: string[] = [];
  for (let path = resolve(folder); ; path = dirname(path)) {
    try {
      if (lstatSync(path).isDirectory()) break;
      // Something else is there: mkdir below says what (EEXIST, ENOTDIR).
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    missing.push(path);
    if (dirname(path) === path) break;
  }
  for (const path of missing.reverse()) {
    try {
      mkdirSync(path);
    } catch (error) {
      // Another process may have made it meanwhile; anything but a folder is still an error.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || !lstatSync(path).isDirectory()) throw error;
    }
  }
}

/**
 * Creates a new, empty file under a hidden unpredictable name beside `target` (see EXCLUSIVE);
 * on the rare name that is taken, or planted, another name is tried.
 */
export function createTemporary(target: string, purpose: string, hooks: OutputHooks = {}): { fd: number; path: string } {
  for (let attempt = 1; ; attempt++) {
    const path = hiddenName(target, purpose, hooks);
    try {
      return { fd: openExclusive(path), path };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= NAME_ATTEMPTS) throw error;
    }
  }
}

/**
 * Creates a new folder (mode 0700: nobody else can put anything in it) under a hidden
 * unpredictable name beside `target`; mkdir never follows a link, and a taken name is skipped.
 */
export function makeHiddenFolder(target: string, purpose: string, hooks: OutputHooks = {}): string {
  for (let attempt = 1; ; attempt++) {
    const path = hiddenName(target, purpose, hooks);
    try {
      mkdirSync(path, { mode: 0o700 });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= NAME_ATTEMPTS) throw error;
    }
  }
}

/** An error from writing `target`, as a one-line OutputError naming it. */
export function outputError(target: string, error: unknown, after = ""): OutputError {
  if (error instanceof OutputError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const message = (error as Error).message.replace(/^[A-Z]+: /, "");
  return new OutputError(`cannot write ${target}: ${code ? `${code}, ` : ""}${message}${after}`);
}

/** A file written under a temporary name and renamed over its target by {@link commit}. */
export class AtomicFile {
  readonly temporary: string;
  private fd: number | null;
  private readonly forget: () => void;

  constructor(
    readonly file: string,
    private readonly hooks: OutputHooks = {},
  ) {
    const { fd, path } = createTemporary(file, "tmp", hooks);
    this.fd = fd;
    this.temporary = path;
    this.forget = removeOnExit(path);
  }

  /** Appends bytes or UTF-8 text. */
  write(chunk: string | Uint8Array): void {
    if (this.fd === null) throw new Error(`${this.file}: written after commit or abort`);
    const data = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    (this.hooks.write ?? writeAll)(this.fd, data, this.file);
  }

  /** Flushes the file to disk and renames it over the target (a link there is replaced, not followed). */
  commit(): void {
    if (this.fd === null) throw new Error(`${this.file}: committed twice`);
    // Flushed before the rename, so a power loss cannot leave the new name on empty blocks.
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = null;
    // A device, pipe or socket at the target (say /dev/null, as root) must never be replaced by a file.
    const existing = lstatOrNull(this.file);
    if (existing !== null && !existing.isFile() && !existing.isSymbolicLink()) {
      this.abort();
      throw new OutputError(`cannot write ${this.file}: it is not a regular file (a ${existing.isDirectory() ? "folder" : "device, pipe or socket"}); name a file to write`);
    }
    renameSync(this.temporary, this.file);
    this.forget();
  }

  /** Closes and removes the temporary file; the target is left as it was. Never throws. */
  abort(): void {
    try {
      if (this.fd !== null) closeSync(this.fd);
    } catch {
      // already closed or never valid: the removal below is what matters
    }
    this.fd = null;
    rmSync(this.temporary, { force: true });
    this.forget();
  }
}

/**
 * Writes `content` to `file` atomically, creating its folder if needed.
 *
 * @throws {OutputError} naming the file and the system's reason; the file is then unchanged.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array, hooks: OutputHooks = {}): void {
  let written: AtomicFile | undefined;
  try {
    makeFolders(dirname(file));
    written = new AtomicFile(file, hooks);
    written.write(content);
    written.commit();
  } catch (error) {
    written?.abort();
    throw outputError(file, error);
  }
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}
