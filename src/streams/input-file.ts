/**
 * Opening the files a user names (scenarios, mapping and taxonomy files, code lists, CAD exports,
 * call tables) so that no input can read forever or fill memory:
 *
 * - only regular files are read: a folder, a device (/dev/zero, /dev/urandom), a named pipe or a
 *   socket is refused before it is opened (opening a pipe would wait for a writer);
 * - a file read whole is refused above {@link MAX_TEXT_FILE_BYTES}, and must be text (git's
 *   test: no NUL byte in its first 8,000 bytes) in UTF-8;
 * - a file read as a stream may be any size (memory stays flat), but one line or record may not
 *   exceed {@link MAX_LINE_BYTES} (the readers enforce it).
 *
 * Every refusal is a DataFileError naming the file, what it is and the limit.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { DataFileError } from "./data-file-error.js";

/** Largest file read whole: scenarios are kilobytes; this leaves room for generated ones. */
export const MAX_TEXT_FILE_BYTES = 16 * 1024 * 1024;
/** Longest line of a call table, or record of a CAD export: real ones are under 1 KB. */
export const MAX_LINE_BYTES = 1024 * 1024;
/** Bytes git looks at to decide that a file is binary. */
const BINARY_PROBE_BYTES = 8000;

/** Says how much `bytes` is, in the largest unit that fits ("16 MiB"). */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${Math.round(bytes)} bytes`;
  return `${value >= 1e6 ? value.toExponential(1) : value >= 100 ? value.toFixed(0) : value.toFixed(1).replace(/\.0$/, "")} ${units[unit]}`;
}

/** What a file system entry is, in words ("a folder", "a character device", ...). */
export function kindOf(stats: Stats): string {
  if (stats.isFile()) return "a file";
  if (stats.isDirectory()) return "a folder";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isFIFO()) return "a named pipe";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}

/** The one-line reason a system error gives, without Node's "ENOENT: ..., open 'x'" decoration. */
function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOTDIR":
      return "a part of its path is not a folder";
    case "ELOOP":
      return "too many symbolic links (a link that points to itself?)";
    case "ENAMETOOLONG":
      return "the name is too long";
    default:
      return (error as Error).message;
  }
}

/**
 * Checks that `file` is a regular file (following links) and returns its stats. `what` names it
 * in the message ("a scenario file"). Throws DataFileError.
 */
export function checkRegularFile(file: string, what = "a file", hint = ""): Stats {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new DataFileError(file, null, null, `cannot be read: ${reasonOf(error)}${missing ? hint : ""}`);
  }
  if (!stats.isFile()) throw new DataFileError(file, null, null, `cannot be read: it is ${kindOf(stats)}, expected ${what}`);
  return stats;
}

/**
 * Opens a regular file for reading. It is checked before opening (so a pipe is never opened and
 * waited on) and again on the open descriptor (so a swap in between is caught). Throws DataFileError.
 */
export function openRegularFile(file: string, what = "a file", hint = ""): number {
  checkRegularFile(file, what, hint);
  let fd: number;
  try {
    // O_NONBLOCK: should a pipe appear at the name after the check, opening it does not wait.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new DataFileError(file, null, null, `cannot be read: ${reasonOf(error)}`);
  }
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    throw new DataFileError(file, null, null, `cannot be read: it is ${kindOf(stats)}, expected ${what}`);
  }
  return fd;
}

/**
 * Reads a regular file whole, at most `maxBytes` (even if it grows while being read). Throws
 * DataFileError when it is not a regular file or is larger than the limit.
 */
export function readRegularFile(file: string, what = "a file", maxBytes = MAX_TEXT_FILE_BYTES): Buffer {
  const fd = openRegularFile(file, what);
  try {
    const tooBig = () =>
      new DataFileError(file, null, null, `is larger than ${formatBytes(maxBytes)}, the most resim reads of ${what}; is it the right file?`);
    if (fstatSync(fd).size > maxBytes) throw tooBig();
    const buffer = Buffer.allocUnsafe(maxBytes + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > maxBytes) throw tooBig();
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a regular text file whole as UTF-8 (see {@link readRegularFile}). Throws DataFileError
 * for a binary file (naming the first NUL byte's line) or bytes that are not UTF-8 (naming the line).
 */
export function readTextFile(file: string, what = "a text file", maxBytes = MAX_TEXT_FILE_BYTES): string {
  const bytes = readRegularFile(file, what, maxBytes);
  checkText(bytes, file, what);
  return bytes.toString("utf8");
}

/**
 * Checks that `bytes` (a whole file, or its first chunk) look like text: UTF-16 is named as such,
 * a NUL byte in the first 8,000 bytes means binary. Throws DataFileError.
 */
export function checkNotBinary(bytes: Uint8Array, file: string, what: string): void {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new DataFileError(file, null, null, `is UTF-16 text, expected ${what} in UTF-8: save it as UTF-8 (in Excel: 'CSV UTF-8')`);
  }
  const nul = bytes.subarray(0, BINARY_PROBE_BYTES).indexOf(0);
  if (nul >= 0) {
    throw new DataFileError(file, lineAt(bytes, nul), null, `is not a text file (a NUL byte at byte ${nul + 1}), expected ${what}`);
  }
}

function checkText(bytes: Buffer, file: string, what: string): void {
  checkNotBinary(bytes, file, what);
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new DataFileError(file, lineAt(bytes, at), null, `is not UTF-8 text (byte 0x${bytes[at].toString(16).padStart(2, "0")} at byte ${at + 1}), expected ${what} in UTF-8`);
  }
}

/** 1-based line of the byte at `offset`. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

/** Offset of the first byte of the first sequence that is not valid UTF-8 (called once decoding failed). */
function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i];
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates and code points past U+10FFFF; TextDecoder rejects them too.
    const second = bytes[i + 1];
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return 0;
}
