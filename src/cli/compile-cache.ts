/**
 * Runs a CommonJS bundle with its compiled code kept on disk between runs, so that a later run
 * skips parsing and compiling it (about a third of `resim validate`'s start-up). Node 22.1 and
 * later do this themselves (module.enableCompileCache(), called in main.ts); on Node 20 it is a
 * V8 code cache made with node:vm after the command ran, in a private folder of the system's
 * temporary folder, as Node's own cache is. NODE_DISABLE_COMPILE_CACHE (Node's switch for its
 * cache) turns it off: the bundle is then required as any CommonJS module is.
 *
 * Node's builtins are reached through process.getBuiltinModule: this runs before anything else
 * and importing one as an ES module costs more than the module itself.
 */
import type { Stats } from "node:fs";
import type { Script } from "node:vm";

const fs = () => process.getBuiltinModule("node:fs");
const path = () => process.getBuiltinModule("node:path");

/**
 * Runs the CommonJS bundle at `url` as require() would, its compiled code cached. Returns false,
 * having run nothing, when there is no such file.
 */
export function runBundle(url: URL): boolean {
  const file = process.getBuiltinModule("node:url").fileURLToPath(url);
  let stats: Stats;
  try {
    stats = fs().statSync(file);
  } catch {
    return false;
  }
  const nodeCaches = typeof (process.getBuiltinModule("node:module") as { enableCompileCache?: unknown }).enableCompileCache === "function";
  const require = process.getBuiltinModule("node:module").createRequire(file);
  if (process.env.NODE_DISABLE_COMPILE_CACHE !== undefined || nodeCaches) {
    require(file);
    return true;
  }
  const cacheFile = cacheFileOf(file, stats);
  let cachedData: Buffer | undefined;
  try {
    if (cacheFile !== undefined) cachedData = fs().readFileSync(cacheFile);
  } catch {
    // No cache yet: this run makes it.
  }
  // Wrapped as Node wraps a CommonJS module, on the file's first line so line numbers in stack traces stay the file's.
  const source = `(function (exports, require, module, __filename, __dirname) {${fs().readFileSync(file, "utf8")}\n})`;
  const script = new (process.getBuiltinModule("node:vm").Script)(source, { filename: file, cachedData });
  // Made at exit, so that it holds the functions the command compiled as it ran, not only the top
  // level; only by a run that succeeded, as one that stopped at a bad file compiled little of it.
  if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
    process.once("exit", (code) => {
      if (code === 0) save(cacheFile, prefixOf(file), script);
    });
  }
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, file, path().dirname(file));
  return true;
}

/**
 * Where the cache of `file` is kept, or undefined when there is no private folder for it. V8
 * checks a cache against its own version, its flags and the source's length, not the source's
 * content, so the name holds what changes when the bundle is rebuilt: its size, time and inode.
 */
function cacheFileOf(file: string, stats: Stats): string | undefined {
  const os = process.getBuiltinModule("node:os");
  const uid = process.getuid?.();
  const folder = path().join(os.tmpdir(), `resim-compile-cache-${uid ?? os.userInfo().username}`);
  try {
    fs().mkdirSync(folder, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") return undefined;
  }
  try {
    // Code from a folder someone else could write to would run as this user: only a private folder of ours.
    const own = fs().lstatSync(folder);
    if (!own.isDirectory() || (uid !== undefined && (own.uid !== uid || (own.mode & 0o077) !== 0))) return undefined;
  } catch {
    return undefined;
  }
  return path().join(folder, `${prefixOf(file)}${process.version}-${process.arch}-${stats.size}-${Math.round(stats.mtimeMs)}-${stats.ino}.v8`);
}

/** The start of the cache names of `file` (its name and a hash of its path), shared by all its versions. */
function prefixOf(file: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) hash = Math.imul(hash ^ file.charCodeAt(i), 0x01000193) >>> 0;
  return `${path().basename(file)}-${hash.toString(16)}-`;
}

/** Writes the cache whole or not at all (two runs may write it at once), removing caches of the file's other versions. */
function save(cacheFile: string, prefix: string, script: Script): void {
  try {
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    fs().writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    fs().renameSync(temporary, cacheFile);
    const [folder, name] = [path().dirname(cacheFile), path().basename(cacheFile)];
    for (const other of fs().readdirSync(folder)) {
      if (other.startsWith(prefix) && other !== name && !other.endsWith(".tmp")) fs().rmSync(path().join(folder, other), { force: true });
    }
  } catch {
    // A cache that cannot be written only makes the next start slower.
  }
}
