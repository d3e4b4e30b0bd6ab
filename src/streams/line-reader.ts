/**
 * Reads a text file line by line, synchronously, through a small fixed buffer: a call source's
 * `next()` is synchronous, and a call table may be larger than memory, so the source pulls one
 * line at a time from the file descriptor instead of loading the file or awaiting a stream.
 *
 * Lines end at LF; a CR before the LF is dropped. Only the line being returned is decoded.
 */
import { closeSync, openSync, readSync } from "node:fs";

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

  /** Opens `file`; throws the system error if it cannot be read. */
  constructor(file: string, bufferBytes = DEFAULT_BUFFER_BYTES) {
    this.fd = openSync(file, "r");
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
      const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
      this.buffer.copy(bigger, 0, 0, this.end);
      this.buffer = bigger;
    }
    const read = readSync(this.fd, this.buffer, this.end, this.buffer.length - this.end, null);
    if (read === 0) this.eof = true;
    this.end += read;
  }
}
