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

/** Remembers the calls kept at the current received second (see the file header). */
export class DuplicateFilter {
  private second = NaN;
  /** Id (its bytes as latin1, one character per byte) -> where its line's content lies in `kept`. */
  private readonly ids = new Map<string, number>();
  private kept = Buffer.allocUnsafe(16 * 1024);
  private keptEnds: number[] = [];
  private used = 0;

  /**
   * Checks the call whose table line is record[start, end): its id at [idStart, idEnd), its
   * content up to `contentEnd`. Returns null for a call to keep (and remembers it), else why it
   * is skipped.
   */
  check(second: number, record: Buffer, start: number, idStart: number, idEnd: number, contentEnd: number): string | null {
    if (second !== this.second) {
      this.second = second;
      this.ids.clear();
      this.keptEnds.length = 0;
      this.used = 0;
    }
    // A call without an id cannot be told to be a duplicate.
    if (idStart === idEnd) return null;
    // latin1: one character per byte, so equal keys are equal bytes (and equal ids).
    const id = record.toString("latin1", idStart, idEnd);
    const kept = this.ids.get(id);
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
    this.used += record.copy(this.kept, this.used, start, contentEnd);
    this.ids.set(id, this.keptEnds.length);
    this.keptEnds.push(this.used);
    return null;
  }
}
