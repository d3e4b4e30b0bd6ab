/**
 * Checks an output file's path before a long command starts (an import can read for minutes), so
 * a path that can never be written fails at once, in one line naming the option:
 * - a folder at the path (the user meant a file in it), or a device, pipe or socket: resim writes
 *   a temporary file and renames it over the target, and renaming over /dev/null would replace
 *   the device itself;
 * - a part of the path that is a file, not a folder;
 * - a folder on a pseudo-filesystem (/proc, /sys, cgroup...), where files cannot be created.
 */
import { statfsSync, statSync, type Stats } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { kindOf } from "../streams/input-file.js";
import { UsageError } from "./usage-error.js";

/** Linux filesystem magic numbers (statfs f_type) of kernel pseudo-filesystems. */
const PSEUDO_FILESYSTEMS = new Map<number, string>([
  [0x9fa0, "proc"],
  [0x62656572, "sysfs"],
  [0x1cd1, "devpts"],
  [0x27e0eb, "cgroup"],
  [0x63677270, "cgroup2"],
  [0x64626720, "debugfs"],
  [0x73636673, "securityfs"],
  [0x74726163, "tracefs"],
  [0xcafe4a11, "bpf"],
  [0x62656570, "configfs"],
  [0x65735543, "fusectl"],
  [0x6165676c, "pstore"],
  [0xde5e81e4, "efivarfs"],
  [0x42494e4d, "binfmt_misc"],
  [0x6e736673, "nsfs"],
]);

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}


/** The pseudo-filesystem `folder` is on, or null (also where statfs is not available). */
function pseudoFilesystem(folder: string): string | null {
  try {
    return PSEUDO_FILESYSTEMS.get(Number(statfsSync(folder).type)) ?? null;
  } catch {
    return null;
  }
}

/** Throws UsageError, naming `flag`, when `file` cannot be written as a file (see the file header). */
export function checkOutputFile(file: string, flag: string, example = "calls.csv"): void {
  const target = statOrNull(file);
  if (target !== null && !target.isFile()) {
    const hint = target.isDirectory() ? ` (a file in it: ${join(file, example)}?)` : "; resim replaces only regular files";
    throw new UsageError(`${flag} ${file}: is ${kindOf(target)}, expected a file to write${hint}`);
  }
  // The nearest folder that exists: resim creates the missing ones below it.
  let folder = dirname(resolve(file));
  let stats = statOrNull(folder);
  while (stats === null && dirname(folder) !== folder) {
    folder = dirname(folder);
    stats = statOrNull(folder);
  }
  if (stats !== null && !stats.isDirectory()) throw new UsageError(`${flag} ${file}: ${folder} is ${kindOf(stats)}, not a folder`);
  const pseudo = pseudoFilesystem(folder);
  if (pseudo !== null) throw new UsageError(`${flag} ${file}: ${folder} is on the kernel's ${pseudo} pseudo-filesystem, where files cannot be written`);
}
