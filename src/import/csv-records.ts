/**
 * Reads a CAD export's records one at a time, synchronously, with the line each starts on:
 * csv-parse does the parsing (quoted fields, embedded line breaks, BOM), fed from the file
 * descriptor in fixed chunks, so a file larger than memory streams through in constant memory.
 *
 * Why a Parser subclass that catches `push`: csv-parse's stream parser hands each record to
 * `this.push` as soon as it is complete, while `this.info.bytes` still says where that record
 * ends in the input. Catching it there gives each record's end offset for free; the `info` and
 * `on_record` options copy the whole info object per record instead, which cost about 30% of the
 * import's speed when measured. Line numbers are then counted here, over the same bytes, as an
 * editor counts them (LF, CRLF or a lone CR each end a line), because csv-parse counts a CRLF
 * inside a quoted field as two lines.
 */
import { closeSync, readSync } from "node:fs";
import { CsvError, Parser } from "csv-parse";
import { DataFileError } from "../streams/data-file-error.js";
import { checkNotBinary, formatBytes, MAX_LINE_BYTES, openRegularFile } from "../streams/input-file.js";
import { FieldDecoder } from "./field-decoder.js";

/** Bytes read at a time; larger chunks were no faster, and keep more parsed records alive at once. */
export const CHUNK_BYTES = 64 * 1024;

/** csv-parse's field buffer, as FieldDecoder reads it (csv-parse 6), with the decoder this reader put on it. */
type DecodedField = { buf: Buffer; length: number; resimDecoder: FieldDecoder };

/**
 * The field buffer's `toString`, one function for every parser: a closure made per parser would
 * be a new call target for csv-parse's parse at each import, and code optimised for one import's
 * parser would be thrown away (deoptimised) at the next.
 */
function decodeField(this: DecodedField, encoding?: BufferEncoding): unknown {
  const decoder = this.resimDecoder;
  if (encoding !== decoder.encoding) {
    decoder.decodedElsewhere();
    return decoder.general.call(this, encoding);
  }
  return decoder.decode(this.buf, this.length);
}

class CapturingParser extends Parser {
  readonly records: string[][] = [];
  readonly ends: number[] = [];
  /** Per record, whether a field may hold a line break (all true when fields are decoded by csv-parse itself). */
  readonly lineBreaks: boolean[] = [];
  /** Decodes the fields, where csv-parse's field buffer is as this was written against (csv-parse 6). */
  readonly decoder: FieldDecoder | null;

  constructor(options: ConstructorParameters<typeof Parser>[0] & { encoding: "utf8" | "latin1" }) {
    super(options);
    // csv-parse decodes each field as field.buf.slice(0, length).toString(encoding): a Buffer view
    // made and dropped per field. FieldDecoder gives the same string for less (field-decoder.ts).
    type Field = { buf?: unknown; length?: unknown; toString?: unknown };
    const state = (this as unknown as { state?: { field?: Field; record?: unknown; record_length?: unknown } }).state;
    const field = state?.field;
    if (
      state !== undefined &&
      field !== undefined &&
      Buffer.isBuffer(field.buf) &&
      typeof field.length === "number" &&
      typeof field.toString === "function" &&
      Array.isArray(state.record) &&
      typeof state.record_length === "number"
    ) {
      // The record being built (its fields so far) and its length in characters, which csv-parse checks against max_record_size.
      const building = state as { record: string[]; record_length: number };
      const decoder = new FieldDecoder(options.encoding, building, field.toString as (this: unknown, encoding?: BufferEncoding) => unknown);
      this.decoder = decoder;
      (field as unknown as DecodedField).resimDecoder = decoder;
      field.toString = decodeField;
    } else {
      this.decoder = null;
    }
  }

  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk === null) return super.push(null, encoding);
    this.records.push(chunk as string[]);
    this.ends.push(this.info.bytes);
    this.lineBreaks.push(this.decoder === null || this.decoder.takeLineBreak());
    return true;
  }
}

/**
 * Counts line breaks up to increasing byte offsets over the chunks fed to it. A chunk without a
 * CR (most exports end lines with LF alone) is counted by the native `indexOf`, one call per
 * line; others byte by byte.
 */
class LineCounter {
  private readonly chunks: Buffer[] = [];
  private chunkStart = 0;
  private cursor = 0;
  private line = 1;
  private previousWasCR = false;
  /** Whether the first chunk holds a CR (known once it is first counted), and its next LF at or after the cursor (-1: not looked for). */
  private firstHasCR: boolean | null = null;
  private nextLF = -1;

  feed(chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  /** The line of the byte at `offset` (offsets must not decrease between calls). */
  lineAt(offset: number): number {
    while (this.cursor < offset) {
      const chunk = this.chunks[0];
      const stop = Math.min(chunk.length, offset - this.chunkStart);
      let i = this.cursor - this.chunkStart;
      if (this.firstHasCR === null) this.firstHasCR = chunk.indexOf(13) >= 0;
      if (this.firstHasCR) {
        this.countBytes(chunk, i, stop);
      } else {
        // The LF of a CR LF split across chunks was counted with its CR.
        if (this.previousWasCR && chunk[i] === 10) i++;
        this.previousWasCR = false;
        let lf = this.nextLF >= i ? this.nextLF : chunk.indexOf(10, i);
        while (lf >= 0 && lf < stop) {
          this.line++;
          lf = chunk.indexOf(10, lf + 1);
        }
        this.nextLF = lf < 0 ? chunk.length : lf;
      }
      this.cursor = this.chunkStart + stop;
      if (stop === chunk.length) {
        this.chunkStart += chunk.length;
        this.chunks.shift();
        this.firstHasCR = null;
        this.nextLF = -1;
      }
    }
    return this.line;
  }

  private countBytes(chunk: Buffer, from: number, stop: number): void {
    let line = this.line;
    let previousWasCR = this.previousWasCR;
    for (let i = from; i < stop; i++) {
      const byte = chunk[i];
      if (byte === 10) {
        if (!previousWasCR) line++;
        previousWasCR = false;
      } else if (byte === 13) {
        line++;
        previousWasCR = true;
      } else {
        previousWasCR = false;
      }
    }
    this.line = line;
    this.previousWasCR = previousWasCR;
  }
}

/** Reads an export's records lazily with their start lines (see the file header). */
export class CsvRecordReader {
  private readonly fd: number;
  private readonly parser: CapturingParser;
  private readonly lines = new LineCounter();
  private head = 0;
  private previousEnd = 0;
  private ended = false;
  private closed = false;
  private firstChunk = true;
  /** The line the record `next` returned last starts on (the header is line 1). */
  line = 0;
  /** False when no field of that record holds a line break. */
  mayHoldLineBreak = true;

  /** Opens `file`. Throws DataFileError if it cannot be read. */
  constructor(
    private readonly file: string,
    options: { delimiter: string; encoding: "utf8" | "latin1" },
  ) {
    // Only a regular file: a device (/dev/zero) or a pipe would be read without end.
    this.fd = openRegularFile(file, "a CAD export (a CSV file)");
    // relax_quotes: a stray quote inside an unquoted field (5" TALL) is text, as CAD exports have them;
    // relax_column_count: a row with too few or too many fields is reported by the importer, with its line;
    // max_record_size: a quote never closed would otherwise gather the rest of the file into one field.
    this.parser = new CapturingParser({
      bom: true,
      delimiter: options.delimiter,
      encoding: options.encoding,
      relax_quotes: true,
      relax_column_count: true,
      max_record_size: MAX_LINE_BYTES,
    });
    // Errors are read synchronously below; the stream's own 'error' event must not crash the process.
    this.parser.on("error", () => {});
  }

  /** The next record's fields (its line in `line`), or null at the end of the file. Throws DataFileError for unparseable CSV. */
  next(): string[] | null {
    const { records, ends, lineBreaks } = this.parser;
    while (this.head >= records.length) {
      if (this.ended) {
        this.close();
        return null;
      }
      records.length = 0;
      ends.length = 0;
      lineBreaks.length = 0;
      this.head = 0;
      this.readChunk();
    }
    this.line = this.lines.lineAt(this.previousEnd);
    this.previousEnd = ends[this.head];
    this.mayHoldLineBreak = lineBreaks[this.head];
    return records[this.head++];
  }

  /**
   * From the next chunk on, reads only the values of `columns` (and of the first column, which
   * tells a blank line), out of a header of `width` columns: the others come as "" unless they hold
   * a line break or a non-ASCII byte. Records already parsed keep all their values.
   */
  readOnly(columns: readonly number[], width: number): void {
    this.parser.decoder?.readOnly(columns, width);
  }

  /** Closes the file (safe to call more than once). */
  close(): void {
    if (!this.closed) {
      this.closed = true;
      closeSync(this.fd);
    }
  }

  private readChunk(): void {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    const read = readSync(this.fd, chunk, 0, CHUNK_BYTES, null);
    if (read === 0) {
      this.ended = true;
      this.parser.end();
    } else {
      const data = chunk.subarray(0, read);
      // A binary or UTF-16 file would be reported row by row as garbage; say what it is once.
      if (this.firstChunk) checkNotBinary(data, this.file, "a CAD export (a CSV file)");
      this.firstChunk = false;
      this.lines.feed(data);
      this.parser.write(data);
    }
    const error = this.parser.errored;
    if (error) {
      this.close();
      // The failing record starts where the last complete one ends.
      const ends = this.parser.ends;
      const line = this.lines.lineAt(ends.length > 0 ? ends[ends.length - 1] : this.previousEnd);
      const code = error instanceof CsvError ? error.code : "";
      const problem =
        code === "CSV_QUOTE_NOT_CLOSED"
          ? "is not valid CSV: a quoted field that starts in this record is never closed"
          : code === "CSV_MAX_RECORD_SIZE"
            ? `is not valid CSV: the record that starts here is longer than ${formatBytes(MAX_LINE_BYTES)}, the most resim reads as one row (a quoted field that is never closed?)`
            : `is not valid CSV: ${error.message}`;
      throw new DataFileError(this.file, line, null, problem);
    }
  }
}
