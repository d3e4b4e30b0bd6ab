/**
 * The compact form in which the import carries a mapped call from the row mapper, through the
 * external sort, to the writer: the call's table line, written once as UTF-8 bytes that go to the
 * table as they are, behind a fixed binary header of the values the import tally reads back.
 *
 * The header holds those values as the table line states them (the received second, minutes to
 * 0.001, ...), so the tally counts exactly what the table says, as it did when the writer parsed
 * each line back; now no line is parsed. It also holds where the line's id ends and where its
 * content ends (before the export line number), so the writer compares duplicates as bytes.
 *
 * Layout, little-endian, HEADER_BYTES long, then the line's bytes:
 *   0 received (civil second, as written)  8 dispatched  16 en route  24 arrived  32 cleared
 *   40 queued  48 units  56 initial priority  64 priority  72 export line  (float64 each)
 *   80 category (uint16, index in the codec's names)  82 initial category (uint16, 0 = none)
 *   84 flags (uint8)  88 id start  92 id end  96 content end  100 line length (uint32 each,
 *   byte offsets in the line)
 */
import { parseCallTableLine } from "../streams/call-table.js";
import { callTableRowBound, writeCallTableRow, writtenRow } from "../streams/call-table-writer.js";
import type { ImportedCall } from "./row-mapper.js";

/** Bytes before the line's text in each record. */
export const HEADER_BYTES = 104;

const PRIORITY_EXPORT = 1;
const BEHAVIORAL_HEALTH = 2;
const WEAPON = 4;
const MAPPED = 8;
const CANCELLED_KNOWN = 16;
const CANCELLED = 32;

/** Minutes as the table writes them (3 decimals) and reads them back; -0 reads back as 0. */
function asWritten(minutes: number): number {
  return Number.isNaN(minutes) ? NaN : Math.round(minutes * 1000) / 1000 + 0;
}

/**
 * Encodes calls into records and decodes their headers (see the file header). One per import.
 * The table line is streams/call-table-writer.ts's (writeCallTableRow).
 */
export class CallCodec {
  /** Category names by index; index 0 is "" (no initial category). */
  private readonly names: string[] = [""];
  private readonly indices = new Map<string, number>([["", 0]]);
  /** The civil second the current call's line states. */
  private received = 0;
  /**
   * A DataView of the buffer written or read last: V8 compiles its float64 reads and writes to
   * single loads and stores, where Buffer's readDoubleLE and writeDoubleLE copy byte by byte.
   */
  private viewed: Buffer | null = null;
  private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));

  /** Readies `call` for `write`; returns the most bytes its record can take. */
  prepare(call: ImportedCall): number {
    this.received = Math.floor(call.receivedSec);
    return HEADER_BYTES + callTableRowBound(call);
  }

  /** Writes the call `prepare` readied at `at` (with the room it asked for); returns the bytes written. */
  write(call: ImportedCall, out: Buffer, at: number): number {
    const textAt = at + HEADER_BYTES;
    const end = writeCallTableRow(call, out, textAt);
    // The export line number, last, differs between duplicates: the content ends at the comma before it.
    const { idStart, idEnd, lineComma: contentEnd } = writtenRow;
    const data = this.viewOf(out);
    data.setFloat64(at, this.received, true);
    data.setFloat64(at + 8, asWritten(call.dispatchedMin), true);
    data.setFloat64(at + 16, asWritten(call.enrouteMin), true);
    data.setFloat64(at + 24, asWritten(call.arrivedMin), true);
    data.setFloat64(at + 32, asWritten(call.clearedMin), true);
    data.setFloat64(at + 40, asWritten(call.queuedMin), true);
    data.setFloat64(at + 48, call.units, true);
    data.setFloat64(at + 56, call.initialPriority, true);
    data.setFloat64(at + 64, call.priority, true);
    data.setFloat64(at + 72, call.line, true);
    data.setUint16(at + 80, this.index(call.category), true);
    data.setUint16(at + 82, this.index(call.initialCategory), true);
    let flags = 0;
    if (call.prioritySource === "export") flags |= PRIORITY_EXPORT;
    if (call.behavioralHealth) flags |= BEHAVIORAL_HEALTH;
    if (call.weapon) flags |= WEAPON;
    if (call.mapped) flags |= MAPPED;
    if (call.cancelled !== null) flags |= call.cancelled ? CANCELLED_KNOWN | CANCELLED : CANCELLED_KNOWN;
    out[at + 84] = flags;
    out[at + 85] = 0;
    out[at + 86] = 0;
    out[at + 87] = 0;
    data.setUint32(at + 88, idStart - textAt, true);
    data.setUint32(at + 92, idEnd - textAt, true);
    data.setUint32(at + 96, contentEnd - textAt, true);
    data.setUint32(at + 100, end - textAt, true);
    return end - at;
  }

  /** Where the line of the record `locate` read last lies: its start, id, content end (before the export line number) and end. */
  textAt = 0;
  idAt = 0;
  idEndAt = 0;
  contentEndAt = 0;
  textEndAt = 0;
  /** That record's civil second. */
  second = 0;

  /** Reads where the record at `at` has its line and id, and its second (one DataView, not six Buffer reads). */
  locate(record: Buffer, at: number): void {
    const data = this.viewOf(record);
    const textAt = at + HEADER_BYTES;
    this.second = data.getFloat64(at, true);
    this.textAt = textAt;
    this.idAt = textAt + data.getUint32(at + 88, true);
    this.idEndAt = textAt + data.getUint32(at + 92, true);
    this.contentEndAt = textAt + data.getUint32(at + 96, true);
    this.textEndAt = textAt + data.getUint32(at + 100, true);
  }

  /**
   * Reads the record at `at` into `call`: every field the table line states. The text columns
   * (id, zone, type, description) are read only for a call no taxonomy rule matched, whose type
   * the import lists; otherwise they keep what they held.
   */
  decode(record: Buffer, at: number, call: ImportedCall): void {
    const flags = record[at + 84];
    call.mapped = (flags & MAPPED) !== 0;
    if (!call.mapped) {
      const textAt = at + HEADER_BYTES;
      parseCallTableLine(record.toString("utf8", textAt, textAt + record.readUInt32LE(at + 100)), call, true);
      return;
    }
    const data = this.viewOf(record);
    call.receivedSec = data.getFloat64(at, true);
    call.dispatchedMin = data.getFloat64(at + 8, true);
    call.enrouteMin = data.getFloat64(at + 16, true);
    call.arrivedMin = data.getFloat64(at + 24, true);
    call.clearedMin = data.getFloat64(at + 32, true);
    call.queuedMin = data.getFloat64(at + 40, true);
    call.units = data.getFloat64(at + 48, true);
    call.initialPriority = data.getFloat64(at + 56, true);
    call.priority = data.getFloat64(at + 64, true);
    call.line = data.getFloat64(at + 72, true);
    call.category = this.names[data.getUint16(at + 80, true)];
    call.initialCategory = this.names[data.getUint16(at + 82, true)];
    call.prioritySource = (flags & PRIORITY_EXPORT) !== 0 ? "export" : "taxonomy";
    call.behavioralHealth = (flags & BEHAVIORAL_HEALTH) !== 0;
    call.weapon = (flags & WEAPON) !== 0;
    call.cancelled = (flags & CANCELLED_KNOWN) === 0 ? null : (flags & CANCELLED) !== 0;
  }

  private viewOf(buffer: Buffer): DataView<ArrayBufferLike> {
    if (buffer !== this.viewed) {
      this.viewed = buffer;
      this.view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    }
    return this.view;
  }

  private index(name: string): number {
    let index = this.indices.get(name);
    if (index === undefined) {
      index = this.names.length;
      // Categories are resim's few names (categories.ts); the limit only guards the uint16.
      if (index > 0xffff) throw new Error("more than 65,535 distinct categories");
      this.names.push(name);
      this.indices.set(name, index);
    }
    return index;
  }
}

/** The civil second the record's table line states. */
export function receivedSecOf(record: Buffer, at: number): number {
  return record.readDoubleLE(at);
}

/** The export line the record's call came from. */
export function exportLineOf(record: Buffer, at: number): number {
  return record.readDoubleLE(at + 72);
}

/** Where the record's table line starts (its length is `textLength`). */
export function textStart(at: number): number {
  return at + HEADER_BYTES;
}

/** Bytes of the record's table line. */
export function textLength(record: Buffer, at: number): number {
  return record.readUInt32LE(at + 100);
}

/** Where the line's id (as written, quoted if need be) starts and ends. */
export function idStart(record: Buffer, at: number): number {
  return at + HEADER_BYTES + record.readUInt32LE(at + 88);
}

export function idEnd(record: Buffer, at: number): number {
  return at + HEADER_BYTES + record.readUInt32LE(at + 92);
}

/** Where the line's content ends: before the comma of its export line number, which differs between duplicates. */
export function contentEnd(record: Buffer, at: number): number {
  return at + HEADER_BYTES + record.readUInt32LE(at + 96);
}
