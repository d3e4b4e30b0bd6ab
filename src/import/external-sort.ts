/**
 * Sorting more calls than fit in memory: calls are buffered as binary records (compact-call.ts)
 * with two numeric keys, in runs of bounded size; a full run is sorted and written to a temporary
 * file; at the end the runs are merged through a heap. An export that fits in one run is sorted in
 * memory and never touches the disk. Memory is bounded by the run size, not by the file.
 *
 * Records are kept as bytes back to back in one buffer per run, not as objects or strings:
 * strings that live until their run is sorted would be promoted to V8's old generation and, once
 * dropped, left there as garbage until a major collection, which made a 1,000,000-row import peak
 * at about twice the memory. A run file frames each record with its keys and length, so the merge
 * reads records back with no parsing at all; the caller writes each record straight into the
 * run's buffer (`reserve`, then `commit`), so a record is never copied on its way in.
 *
 * CAD exports are nearly in time order but not quite (San Luis Obispo's is in case-number order,
 * and repeats whole days it scraped twice), so a replay's table has to be sorted.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BinaryHeap } from "../engine/binary-heap.js";
import { removeOnExit } from "../output/cleanup.js";

/** Records per run. */
export const DEFAULT_RUN_SIZE = 200_000;
/** A run is also written out when its records reach this many bytes. */
const RUN_BYTES = 32 * 1024 * 1024;
/** Records the key arrays hold at first; they double up to the run size (a small export never allocates a full run). */
const FIRST_CAPACITY = 4096;
/** A run file's frame before each record: primary key, secondary key (float64), record length (uint32). */
const FRAME_BYTES = 20;
const READ_BYTES = 256 * 1024;
const EMPTY = Buffer.allocUnsafe(0);

/**
 * Receives the records in key order: `visit` gets buffer[start, end), valid during the call only.
 * An object's method rather than a callback: a class's method is the same function in every
 * import, where a closure made per import would be a new call target for the sort's optimised
 * loop each time (its code thrown away and compiled again).
 */
export interface RecordSink {
  visit(buffer: Buffer, start: number, end: number): void;
}

/** Sorts binary records by two numeric keys in bounded memory (see the file header). */
export class ExternalSorter {
  /** The buffered records, back to back; record i is bytes[starts[i], starts[i + 1]). */
  private bytes = Buffer.allocUnsafe(1024 * 1024);
  private starts: Float64Array;
  private primary: Float64Array;
  private secondary: Float64Array;
  private count = 0;
  private readonly runs: string[] = [];
  private folder: string | null = null;
  /** Forgets the spill folder in the process-wide exit cleanup (output/cleanup.ts) once removed. */
  private forgetFolder: () => void = () => {};

  /** @param runSize records sorted in memory before a run is written to disk */
  constructor(private readonly runSize = DEFAULT_RUN_SIZE) {
    const capacity = Math.min(runSize, FIRST_CAPACITY);
    this.primary = new Float64Array(capacity);
    this.secondary = new Float64Array(capacity);
    this.starts = new Float64Array(capacity + 1);
  }

  /** The buffer `reserve` returns an offset into (it changes when it grows). */
  get buffer(): Buffer {
    return this.bytes;
  }

  /** Makes room for a record of at most `maxBytes`; returns where in `buffer` to write it. */
  reserve(maxBytes: number): number {
    // A run that would pass RUN_BYTES is written out first, so the buffer never doubles past it.
    if (this.count > 0 && this.starts[this.count] + maxBytes > RUN_BYTES) this.spill();
    const used = this.starts[this.count];
    if (used + maxBytes > this.bytes.length) {
      // Only the used part is copied; the rest is written before it is read, so it need not be zeroed.
      const bigger = Buffer.allocUnsafe(Math.max(Math.min(this.bytes.length * 2, RUN_BYTES), used + maxBytes));
      this.bytes.copy(bigger, 0, 0, used);
      this.bytes = bigger;
    }
    return used;
  }

  /** Adds the record of `length` bytes written where `reserve` said, with its keys (the pair must be unique). */
  commit(length: number, primary: number, secondary: number): void {
    const at = this.count;
    if (at === this.primary.length) this.grow();
    this.primary[at] = primary;
    this.secondary[at] = secondary;
    this.starts[at + 1] = this.starts[at] + length;
    this.count++;
    if (this.count >= this.runSize || this.starts[this.count] >= RUN_BYTES) this.spill();
  }

  /** Adds a whole record (copied in) with its keys: for callers that do not write in place. */
  add(record: Uint8Array | string, primary: number, secondary: number): void {
    const at = this.reserve(typeof record === "string" ? record.length * 3 : record.length);
    if (typeof record === "string") {
      this.commit(this.bytes.write(record, at), primary, secondary);
    } else {
      this.bytes.set(record, at);
      this.commit(record.length, primary, secondary);
    }
  }

  /** Visits all records added, in key order. Call once; the temporary files are removed when it finishes. */
  sorted(sink: RecordSink): void {
    try {
      if (this.runs.length === 0) {
        const { bytes, starts } = this;
        for (const index of this.order()) sink.visit(bytes, starts[index], starts[index + 1]);
        return;
      }
      if (this.count > 0) this.spill();
      this.merge(sink);
    } finally {
      this.dispose();
    }
  }

  /** Removes temporary files (also done by `sorted`). */
  dispose(): void {
    this.count = 0;
    this.bytes = EMPTY;
    if (this.folder !== null) rmSync(this.folder, { recursive: true, force: true });
    this.forgetFolder();
    this.folder = null;
  }

  private grow(): void {
    const capacity = Math.min(this.runSize, this.primary.length * 2);
    const primary = new Float64Array(capacity);
    const secondary = new Float64Array(capacity);
    const starts = new Float64Array(capacity + 1);
    primary.set(this.primary);
    secondary.set(this.secondary);
    starts.set(this.starts);
    this.primary = primary;
    this.secondary = secondary;
    this.starts = starts;
  }

  /**
   * Indices of the buffered records in key order. An array's sort (TimSort) takes a run already in
   * order in one pass, and exports come nearly in time order; a typed array's sort merges
   * regardless, with n log n calls of the comparison.
   */
  private order(): number[] {
    const { primary, secondary, count } = this;
    const order: number[] = [];
    for (let i = 0; i < count; i++) order.push(i);
    return order.sort((a, b) => primary[a] - primary[b] || secondary[a] - secondary[b]);
  }

  private spill(): void {
    if (this.folder === null) {
      // mkdtemp: a new folder (0700) under a random name, so nobody can plant a link in it.
      this.folder = mkdtempSync(join(tmpdir(), "resim-import-"));
      this.forgetFolder = removeOnExit(this.folder);
    }
    const file = join(this.folder, `run-${this.runs.length}.bin`);
    const fd = openSync(file, "wx");
    const { bytes, starts, primary, secondary } = this;
    const out = Buffer.allocUnsafe(1 << 20);
    let used = 0;
    try {
      for (const index of this.order()) {
        const start = starts[index];
        const length = starts[index + 1] - start;
        if (used + FRAME_BYTES + length > out.length) {
          writeAll(fd, out, used);
          used = 0;
        }
        out.writeDoubleLE(primary[index], used);
        out.writeDoubleLE(secondary[index], used + 8);
        out.writeUInt32LE(length, used + 16);
        used += FRAME_BYTES;
        if (length > out.length - FRAME_BYTES) {
          writeAll(fd, out, used);
          writeAll(fd, bytes.subarray(start, start + length), length);
          used = 0;
          continue;
        }
        used += bytes.copy(out, used, start, start + length);
      }
      if (used > 0) writeAll(fd, out, used);
    } finally {
      closeSync(fd);
    }
    this.runs.push(file);
    this.count = 0;
  }

  private merge(sink: RecordSink): void {
    const heap = new BinaryHeap<RunReader>((a, b) => a.primary < b.primary || (a.primary === b.primary && a.secondary < b.secondary));
    const readers: RunReader[] = [];
    try {
      for (const file of this.runs) {
        const reader = new RunReader(file);
        readers.push(reader);
        if (reader.advance()) heap.push(reader);
      }
      for (let head = heap.pop(); head !== undefined; head = heap.pop()) {
        sink.visit(head.buffer, head.start, head.end);
        if (head.advance()) heap.push(head);
      }
    } finally {
      for (const reader of readers) reader.close();
    }
  }
}

function writeAll(fd: number, data: Buffer, length: number): void {
  for (let offset = 0; offset < length; ) offset += writeSync(fd, data, offset, length - offset);
}

/** Reads one run file's records in order, through a buffer that grows to the largest record. */
class RunReader {
  private readonly fd: number;
  buffer = Buffer.allocUnsafe(READ_BYTES);
  /** Bytes of the buffer holding data read from the file, and where the next frame starts. */
  private filled = 0;
  private next = 0;
  private closed = false;
  /** The current record: its keys and where it lies in `buffer`. */
  primary = 0;
  secondary = 0;
  start = 0;
  end = 0;

  constructor(private readonly file: string) {
    this.fd = openSync(file, "r");
  }

  /** Moves to the next record; false at the end of the run (which also closes it). */
  advance(): boolean {
    if (!this.ensure(FRAME_BYTES)) {
      if (this.filled > this.next) this.cutShort();
      this.close();
      return false;
    }
    const length = this.buffer.readUInt32LE(this.next + 16);
    if (!this.ensure(FRAME_BYTES + length)) this.cutShort();
    const frame = this.next;
    this.primary = this.buffer.readDoubleLE(frame);
    this.secondary = this.buffer.readDoubleLE(frame + 8);
    this.start = frame + FRAME_BYTES;
    this.end = this.start + length;
    this.next = this.end;
    return true;
  }

  close(): void {
    if (!this.closed) {
      this.closed = true;
      closeSync(this.fd);
    }
  }

  /** A run file ends inside a record: something else changed the private spill folder. */
  private cutShort(): never {
    throw new Error(`the import's sorted run ${this.file} ends inside a record`);
  }

  /** Makes `bytes` bytes from `next` available in the buffer; false at the end of the file. */
  private ensure(bytes: number): boolean {
    if (this.filled - this.next >= bytes) return true;
    // The record handed out last is done with: move what is left to the front and read on.
    const left = this.filled - this.next;
    const target = bytes > this.buffer.length ? Buffer.allocUnsafe(Math.max(bytes, this.buffer.length * 2)) : this.buffer;
    this.buffer.copy(target, 0, this.next, this.filled);
    this.buffer = target;
    this.filled = left;
    this.next = 0;
    while (this.filled < bytes) {
      const read = readSync(this.fd, this.buffer, this.filled, this.buffer.length - this.filled, null);
      if (read === 0) return false;
      this.filled += read;
    }
    return true;
  }
}
