/**
 * Sorting more calls than fit in memory: calls are buffered as text lines with two numeric keys,
 * in runs of fixed size; a full run is sorted and written to a temporary file; at the end the
 * runs are merged through a heap. An export that fits in one run is sorted in memory and never
 * touches the disk. Memory is bounded by the run size, not by the file.
 *
 * Calls are kept as the bytes of their table line in one buffer per run, not as objects or
 * strings: strings that live until their run is sorted would be promoted to V8's old generation
 * and, once dropped, left there as garbage until a major collection, which made a 1,000,000-row
 * import peak at about twice the memory. The merge reads runs back with no parsing beyond keys.
 *
 * CAD exports are nearly in time order but not quite (San Luis Obispo's is in case-number order,
 * and repeats whole days it scraped twice), so a replay's table has to be sorted.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BinaryHeap } from "../engine/binary-heap.js";
import { removeOnExit } from "../output/cleanup.js";
import { LineReader } from "../streams/line-reader.js";

/** Lines per run (about 20 MB of text for a call table). */
export const DEFAULT_RUN_SIZE = 200_000;
/** A run is also written out when its text reaches this many bytes. */
const RUN_BYTES = 32 * 1024 * 1024;

/** Reads a line's two keys back (primary, then secondary; together unique). */
export type KeysOf = (line: string) => [number, number];

/** Sorts lines by two numeric keys in bounded memory (see the file header). */
export class ExternalSorter {
  /** The buffered lines' UTF-8 bytes, back to back; line i is bytes[starts[i], starts[i + 1]). */
  private bytes = Buffer.allocUnsafe(1024 * 1024);
  private readonly starts: Float64Array;
  private count = 0;
  private readonly primary: Float64Array;
  private readonly secondary: Float64Array;
  private readonly runs: string[] = [];
  private folder: string | null = null;
  /** Forgets the spill folder in the process-wide exit cleanup (output/cleanup.ts) once removed. */
  private forgetFolder: () => void = () => {};

  /**
   * @param keysOf the keys of a line, for the merge (lines must not contain line breaks)
   * @param runSize lines sorted in memory before a run is written to disk
   */
  constructor(
    private readonly keysOf: KeysOf,
    private readonly runSize = DEFAULT_RUN_SIZE,
  ) {
    this.primary = new Float64Array(runSize);
    this.secondary = new Float64Array(runSize);
    this.starts = new Float64Array(runSize + 1);
  }

  /** Adds a line with its keys (ordered by primary, then secondary; the pair must be unique). */
  add(line: string, primary: number, secondary: number): void {
    const at = this.count;
    const used = this.starts[at];
    // A UTF-8 character takes at most 3 bytes per UTF-16 code unit.
    if (used + line.length * 3 > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, used + line.length * 3));
      this.bytes.copy(bigger, 0, 0, used);
      this.bytes = bigger;
    }
    this.primary[at] = primary;
    this.secondary[at] = secondary;
    this.starts[at + 1] = used + this.bytes.write(line, used);
    this.count++;
    if (this.count >= this.runSize || this.starts[this.count] >= RUN_BYTES) this.spill();
  }

  /** All lines added, in key order. Call once; the temporary files are removed when it finishes. */
  *sorted(): Generator<string> {
    try {
      if (this.runs.length === 0) {
        const { bytes, starts } = this;
        for (const index of this.order()) yield bytes.toString("utf8", starts[index], starts[index + 1]);
        return;
      }
      if (this.count > 0) this.spill();
      yield* this.merge();
    } finally {
      this.dispose();
    }
  }

  /** Removes temporary files (also done by `sorted`). */
  dispose(): void {
    this.count = 0;
    this.bytes = Buffer.alloc(0);
    if (this.folder !== null) rmSync(this.folder, { recursive: true, force: true });
    this.forgetFolder();
    this.folder = null;
  }

  /** Indices of the buffered lines in key order. */
  private order(): Uint32Array {
    const { primary, secondary } = this;
    const order = Uint32Array.from({ length: this.count }, (_, i) => i);
    return order.sort((a, b) => primary[a] - primary[b] || secondary[a] - secondary[b]);
  }

  private spill(): void {
    if (this.folder === null) {
      // mkdtemp: a new folder (0700) under a random name, so nobody can plant a link in it.
      this.folder = mkdtempSync(join(tmpdir(), "resim-import-"));
      this.forgetFolder = removeOnExit(this.folder);
    }
    const file = join(this.folder, `run-${this.runs.length}.csv`);
    const fd = openSync(file, "wx");
    const { bytes, starts } = this;
    const out = Buffer.allocUnsafe(1 << 20);
    let used = 0;
    try {
      for (const index of this.order()) {
        const length = starts[index + 1] - starts[index];
        if (used + length + 1 > out.length) {
          writeSync(fd, out, 0, used);
          used = 0;
        }
        if (length + 1 > out.length) {
          writeSync(fd, bytes, starts[index], length);
          writeSync(fd, "\n");
          continue;
        }
        used += bytes.copy(out, used, starts[index], starts[index + 1]);
        out[used++] = 10;
      }
      if (used > 0) writeSync(fd, out, 0, used);
    } finally {
      closeSync(fd);
    }
    this.runs.push(file);
    this.count = 0;
  }

  private *merge(): Generator<string> {
    type Head = { line: string; primary: number; secondary: number; reader: LineReader };
    const heap = new BinaryHeap<Head>((a, b) => a.primary - b.primary < 0 || (a.primary === b.primary && a.secondary < b.secondary));
    const readers = this.runs.map((file) => new LineReader(file));
    const push = (reader: LineReader) => {
      const line = reader.next();
      if (line === null) return;
      const [primary, secondary] = this.keysOf(line);
      heap.push({ line, primary, secondary, reader });
    };
    try {
      readers.forEach(push);
      for (let head = heap.pop(); head !== undefined; head = heap.pop()) {
        yield head.line;
        push(head.reader);
      }
    } finally {
      for (const reader of readers) reader.close();
    }
  }
}
