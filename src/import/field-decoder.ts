/**
 * Turns csv-parse's field bytes into the strings a record holds, doing less work than decoding
 * every field of every row, which was about a tenth of an import:
 * - a column the mapping does not read (`readOnly`) is not decoded: its value is "", unless it
 *   holds a line break (the runaway-quote check reads those) or a non-ASCII byte (then its length
 *   in characters, which csv-parse counts against its record-size limit, is not its byte count);
 * - short ASCII values that repeat (call types, dispositions, beats, priorities) come from a small
 *   cache of strings checked byte by byte, instead of a new string from the platform's decoder;
 *   a column whose values seldom repeat (ids, timestamps) stops using it;
 * - it notes whether the record may hold a line break, so the importer looks for one only then.
 * The strings are the ones decoding would give; only unread columns differ (empty).
 */

type Slice = (this: Buffer, start: number, end: number) => string;
/** Node's own decoders behind Buffer#toString (undocumented, so used only where present). */
const UTF8_SLICE = sliceMethod("utf8Slice");
const LATIN1_SLICE = sliceMethod("latin1Slice");

function sliceMethod(name: string): Slice | null {
  const method = (Buffer.prototype as unknown as Record<string, unknown>)[name];
  return typeof method === "function" ? (method as Slice) : null;
}

/** Values of at most this many bytes are looked up in the cache. */
const CACHED_BYTES = 24;
const CACHE_SLOTS = 4096;
/** Columns followed for the cache (later ones are always decoded). */
const CACHED_COLUMNS = 256;
/** Lookups after which a column whose values hit the cache less than a quarter of the time stops using it. */
const TRIAL_LOOKUPS = 512;

/** Decodes csv-parse's fields (see the file header). One per reader. */
export class FieldDecoder {
  private readonly slice: Slice | null;
  /** Per column, 1 when its values are not read; null: all are read. */
  private unread: Uint8Array | null = null;
  private readonly cache: string[] = new Array<string>(CACHE_SLOTS).fill("");
  /** Per column: lookups and hits so far, and whether it uses the cache (0 = no longer). */
  private readonly lookups = new Uint32Array(CACHED_COLUMNS);
  private readonly hits = new Uint32Array(CACHED_COLUMNS);
  private readonly caching = new Uint8Array(CACHED_COLUMNS).fill(1);
  /** Whether a field decoded since the last `takeLineBreak` may hold a line break. */
  private lineBreak = false;

  /**
   * @param building the parser's record being built: its fields so far (the next field's column)
   *   and its length in characters, which csv-parse checks against its record-size limit
   * @param general the field buffer's own toString, for a field decoded in another encoding
   */
  constructor(
    readonly encoding: "utf8" | "latin1",
    readonly building: { record: readonly unknown[]; record_length: number },
    readonly general: (this: unknown, encoding?: BufferEncoding) => unknown,
  ) {
    this.slice = encoding === "utf8" ? UTF8_SLICE : LATIN1_SLICE;
  }

  /** From now on, `columns` (and the first, which tells a blank line) of a header `width` wide are decoded; the others come as "". */
  readOnly(columns: readonly number[], width: number): void {
    const unread = new Uint8Array(width).fill(1);
    unread[0] = 0;
    for (const column of columns) if (column >= 0 && column < width) unread[column] = 0;
    this.unread = unread;
  }

  /** Whether the fields decoded since the last call may hold a line break (and forgets it). */
  takeLineBreak(): boolean {
    const lineBreak = this.lineBreak;
    this.lineBreak = false;
    return lineBreak;
  }

  /** Notes a field decoded without this decoder: it may hold a line break. */
  decodedElsewhere(): void {
    this.lineBreak = true;
  }

  /**
   * The value of bytes [0, length) of `buf`, the next field of the record being built; an unread
   * value's characters are added to the record's length (csv-parse's record-size count).
   */
  decode(buf: Buffer, length: number): string {
    const building = this.building;
    const column = building.record.length;
    const unread = this.unread;
    if (length <= CACHED_BYTES || (unread !== null && column < unread.length && unread[column] === 1)) {
      // One pass over the bytes: a line break or a non-ASCII byte stops it; else the value's hash.
      let hash = length;
      let i = 0;
      while (i < length) {
        const byte = buf[i];
        if (byte === 10 || byte === 13 || byte > 127) break;
        hash = (Math.imul(hash, 31) + byte) | 0;
        i++;
      }
      if (i === length) {
        if (unread !== null && column < unread.length && unread[column] === 1) {
          building.record_length += length;
          return "";
        }
        if (column < CACHED_COLUMNS && this.caching[column] === 1) return this.cached(buf, length, column, hash);
        return this.decoded(buf, length);
      }
    }
    const value = this.decoded(buf, length);
    if (!this.lineBreak && (value.indexOf("\n") >= 0 || value.indexOf("\r") >= 0)) this.lineBreak = true;
    return value;
  }

  private decoded(buf: Buffer, length: number): string {
    return this.slice === null ? buf.toString(this.encoding, 0, length) : this.slice.call(buf, 0, length);
  }

  /** The ASCII value of `buf`'s first `length` bytes, whose hash is `hash`, from the cache or decoded into it. */
  private cached(buf: Buffer, length: number, column: number, hash: number): string {
    const slot = (hash ^ (hash >>> 12)) & (CACHE_SLOTS - 1);
    const held = this.cache[slot];
    if (++this.lookups[column] === TRIAL_LOOKUPS && this.hits[column] * 4 < TRIAL_LOOKUPS) this.caching[column] = 0;
    if (held.length === length) {
      let i = 0;
      while (i < length && held.charCodeAt(i) === buf[i]) i++;
      if (i === length) {
        this.hits[column]++;
        return held;
      }
    }
    const value = this.decoded(buf, length);
    this.cache[slot] = value;
    return value;
  }
}
