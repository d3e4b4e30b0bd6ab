/**
 * The last net under the CLI: a system error that reached it is the machine's situation (a full
 * disk, a read-only or pseudo filesystem, a folder where a file should be, no permission), not a
 * bug in resim, so it is reported in one line with exit code 2, as git and SQLite report them:
 * what failed, on which path, and why in words. The code that writes and reads files names its
 * files itself; this catches what slips through.
 */

/** Error codes that describe the machine or the user's paths, with a plain reason. */
const REASONS: Record<string, string> = {
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is used up",
  EFBIG: "the file is larger than this system allows (a file size limit, ulimit -f?)",
  EROFS: "the filesystem is read-only",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "it is a folder, expected a file",
  ENOTDIR: "a part of the path is not a folder",
  EEXIST: "something is already there",
  ENAMETOOLONG: "the name is too long",
  ELOOP: "too many symbolic links",
  EMFILE: "too many open files (ulimit -n)",
  ENFILE: "too many open files on this system",
  EIO: "an input/output error from the device",
  ENXIO: "no such device",
  ENODEV: "no such device",
  EXDEV: "a rename across filesystems",
  EBUSY: "the file or device is busy",
  ETXTBSY: "the file is busy",
};

/** The one-line message for a system error on a file, or null for anything else (a bug). */
export function machineProblem(error: unknown): string | null {
  const { code, path, dest, syscall } = (error ?? {}) as NodeJS.ErrnoException & { dest?: string };
  if (typeof code !== "string" || !(code in REASONS)) return null;
  const where = path === undefined ? "" : dest === undefined ? ` ${path}` : ` ${path} -> ${dest}`;
  return `cannot ${syscall ?? "access"}${where}: ${REASONS[code]} (${code})`;
}
