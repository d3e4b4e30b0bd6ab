/**
 * Duplicate calls, found as the sorted calls stream to the table: the same id at the same received
 * second (San Luis Obispo's scraper read some days twice). The first row in sorted order, the one
 * from the earlier export line, is kept; a later one is a duplicate row when its table line says
 * the same (apart from the export line number), else a duplicate id with different values.
 *
 * Ids and lines are compared as the table writes them (bytes of the compact records), so nothing
 * is parsed; memory holds only the calls of the current second.
 */

/** The skip reasons, as the import report lists them. */
export const DUPLICATE_ROW = "duplicate row (same id and received time as an earlier row)";
export const DUPLICATE_ID = "duplicate id with different values (same id and received time; the first row is kept)";

/** Calls of one second compared one by one; past this many, their ids go into a Map. */
const SCANNED = 8;

/** Remembers the calls kept at the current received second (see the file header). */
export class DuplicateFilter {
  private second = NaN;
  /** Id (its bytes as latin1, one character per byte) -> where its line's content lies in `kept`; filled once the second has more than SCANNED calls. */
  private readonly ids = new Map<string, number>();
  private kept = Buffer.allocUnsafe(16 * 1024);
  /**
   * Per kept call: where its content ends in `kept`, and where its id starts and ends there; the
   * first `count` entries are this second's. Never truncated (emptying an array drops its storage,
   * three allocations per call when each second starts with an empty one).
   */
  private readonly keptEnds: number[] = [];
  private readonly idStarts: number[] = [];
  private readonly idEnds: number[] = [];
  private count = 0;
  private used = 0;

  /**
   * Checks the call whose table line is record[start, end): its id at [idStart, idEnd), its
   * content up to `contentEnd`. Returns null for a call to keep (and remembers it), else why it
   * is skipped.
   */
  check(second: number, record: Buffer, start: number, idStart: number, idEnd: number, contentEnd: number): string | null {
    if (second !== this.second) {
      this.second = second;
      if (this.count > SCANNED) this.ids.clear();
      this.count = 0;
      this.used = 0;
    }
    // A call without an id cannot be told to be a duplicate.
    if (idStart === idEnd) return null;
    const count = this.count;
    const kept = count > SCANNED ? this.ids.get(record.toString("latin1", idStart, idEnd)) : this.scan(record, idStart, idEnd);
    if (kept !== undefined) {
      const keptStart = kept === 0 ? 0 : this.keptEnds[kept - 1];
      return record.compare(this.kept, keptStart, this.keptEnds[kept], start, contentEnd) === 0 ? DUPLICATE_ROW : DUPLICATE_ID;
    }
    const length = contentEnd - start;
    if (this.used + length > this.kept.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.kept.length * 2, this.used + length));
      this.kept.copy(bigger, 0, 0, this.used);
      this.kept = bigger;
    }
    const at = this.used;
    this.used += record.copy(this.kept, at, start, contentEnd);
    this.idStarts[count] = at + idStart - start;
    this.idEnds[count] = at + idEnd - start;
    this.keptEnds[count] = this.used;
    this.count = count + 1;
    if (count === SCANNED) {
      // latin1: one character per byte, so equal keys are equal bytes (and equal ids).
      for (let i = 0; i <= count; i++) this.ids.set(this.kept.toString("latin1", this.idStarts[i], this.idEnds[i]), i);
    } else if (count > SCANNED) {
      this.ids.set(record.toString("latin1", idStart, idEnd), count);
    }
    return null;
  }

  /** The kept call with the id record[idStart, idEnd), compared byte by byte, or undefined. */
  private scan(record: Buffer, idStart: number, idEnd: number): number | undefined {
    const { kept, idStarts, idEnds, count } = this;
    const length = idEnd - idStart;
    for (let k = 0; k < count; k++) {
      const from = idStarts[k];
      if (idEnds[k] - from !== length) continue;
      let i = 0;
      while (i < length && kept[from + i] === record[idStart + i]) i++;
      if (i === length) return k;
    }
    return undefined;
  }
}
