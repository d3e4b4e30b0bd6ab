/**
 * Reads a text file line by line, synchronously, through a small fixed buffer: a call source's
 * `next()` is synchronous, and a call table may be larger than memory, so the source pulls one
 * line at a time from the file descriptor instead of loading the file or awaiting a stream.
 *
 * Lines end at LF; a CR before the LF is dropped. Only the line being returned is decoded. Only a
 * regular file is read, and a line may not exceed MAX_LINE_BYTES: a device (/dev/zero) or a file
 * with no line breaks would otherwise be read into memory without end.
 */
import { closeSync, readSync } from "node:fs";
import { DataFileError } from "./data-file-error.js";
import { formatBytes, MAX_LINE_BYTES, openRegularFile } from "./input-file.js";

const DEFAULT_BUFFER_BYTES = 64 * 1024;
const LF = 10;
const CR = 13;

/** A synchronous line-by-line reader over a file descriptor (see the file header). */
export class LineReader {
  private readonly fd: number;
  private buffer: Buffer;
  private start = 0;
  private end = 0;
  private eof = false;
  private closed = false;
  /** 1-based number of the line last returned by {@link next} (0 before the first). */
  lineNumber = 0;

  /** Opens `file`; throws DataFileError if it cannot be read or is not a regular file. */
  constructor(
    private readonly file: string,
    bufferBytes = DEFAULT_BUFFER_BYTES,
    private readonly maxLineBytes = MAX_LINE_BYTES,
  ) {
    this.fd = openRegularFile(file, "a call table (a CSV file)");
    this.buffer = Buffer.allocUnsafe(bufferBytes);
  }

  /** The next line without its line break, or null at the end of the file (which also closes it). */
  next(): string | null {
    for (;;) {
      const newline = this.buffer.indexOf(LF, this.start);
      if (newline >= 0 && newline < this.end) {
        const line = this.take(this.start, newline);
        this.start = newline + 1;
        return line;
      }
      if (this.eof) {
        if (this.start < this.end) {
          const line = this.take(this.start, this.end);
          this.start = this.end;
          return line;
        }
        this.close();
        return null;
      }
      this.fill();
    }
  }

  /** Closes the file early (safe to call more than once). */
  close(): void {
    if (!this.closed) {
      this.closed = true;
      closeSync(this.fd);
    }
  }

  private take(from: number, to: number): string {
    this.lineNumber++;
    const stop = to > from && this.buffer[to - 1] === CR ? to - 1 : to;
    return this.buffer.toString("utf8", from, stop);
  }

  /** Moves the unread tail to the front and reads more; grows the buffer for a very long line. */
  private fill(): void {
    if (this.start > 0) {
      this.buffer.copy(this.buffer, 0, this.start, this.end);
      this.end -= this.start;
      this.start = 0;
    }
    if (this.end === this.buffer.length) {
      if (this.end >= this.maxLineBytes) {
        this.close();
        throw new DataFileError(this.file, this.lineNumber + 1, null, `is longer than ${formatBytes(this.maxLineBytes)}, the longest line resim reads: is it a call table (written by 'resim import')?`);
      }
      const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
      this.buffer.copy(bigger, 0, 0, this.end);
      this.buffer = bigger;
    }
    const read = readSync(this.fd, this.buffer, this.end, this.buffer.length - this.end, null);
    if (read === 0) this.eof = true;
    this.end += read;
  }
}
