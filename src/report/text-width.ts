/**
 * Text widths from a TrueType font's own advance widths, for Vega's layout. Without a canvas
 * package Vega guesses 0.8 em per character, which spaces axis titles and legends far too widely;
 * with a guessed width a label may also be truncated that would have fitted. Reading the `cmap`
 * (format 4, the Basic Multilingual Plane) and `hmtx` tables is enough: kerning changes a label's
 * width by well under a pixel at chart sizes and is left out.
 *
 * Table layouts follow the OpenType specification (https://learn.microsoft.com/typography/opentype/spec/):
 * `head` unitsPerEm at byte 18, `hhea` numberOfHMetrics at byte 34, `hmtx` long metrics of 4 bytes.
 */
import { readFileSync } from "node:fs";

/** Advance widths of one font. */
export interface FontWidths {
  /** Width of `text` at `fontSize` pixels. Characters the font lacks count as its missing glyph. */
  measure(text: string, fontSize: number): number;
}

/** Reads a TTF/OTF file. Throws an Error naming the file if a required table is missing. */
export function readFontWidths(file: string): FontWidths {
  const data = readFileSync(file);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const tables = new Map<string, number>();
  const tableCount = view.getUint16(4);
  for (let i = 0; i < tableCount; i++) {
    const record = 12 + 16 * i;
    tables.set(data.toString("latin1", record, record + 4), view.getUint32(record + 8));
  }
  const table = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`${file}: font has no '${tag}' table`);
    return offset;
  };
  const unitsPerEm = view.getUint16(table("head") + 18);
  const longMetrics = view.getUint16(table("hhea") + 34);
  const hmtx = table("hmtx");
  // Glyphs past the last long metric share its advance (monospaced tails), per the spec.
  const advance = (glyph: number) => view.getUint16(hmtx + 4 * Math.min(glyph, longMetrics - 1)) / unitsPerEm;
  const glyphOf = characterMap(view, table("cmap"), file);
  const cache = new Map<number, number>();
  const widthOf = (code: number) => {
    let width = cache.get(code);
    if (width === undefined) {
      width = advance(glyphOf(code));
      cache.set(code, width);
    }
    return width;
  };
  return {
    measure(text: string, fontSize: number): number {
      let em = 0;
      for (let i = 0; i < text.length; i++) em += widthOf(text.charCodeAt(i));
      return em * fontSize;
    },
  };
}

/** The glyph index of a UTF-16 code unit from the Windows Unicode BMP (3, 1) or Unicode (0, x) format-4 subtable. */
function characterMap(view: DataView, cmap: number, file: string): (code: number) => number {
  const count = view.getUint16(cmap + 2);
  let subtable = -1;
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + 8 * i;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const offset = cmap + view.getUint32(record + 4);
    if (view.getUint16(offset) === 4 && ((platform === 3 && encoding === 1) || platform === 0)) {
      subtable = offset;
      break;
    }
  }
  if (subtable < 0) throw new Error(`${file}: font has no format-4 Unicode character map`);
  const segments = view.getUint16(subtable + 6) / 2;
  const ends = subtable + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (code: number) => {
    for (let s = 0; s < segments; s++) {
      if (code > view.getUint16(ends + 2 * s)) continue;
      const start = view.getUint16(starts + 2 * s);
      if (code < start) return 0;
      const delta = view.getUint16(deltas + 2 * s);
      const rangeOffset = view.getUint16(rangeOffsets + 2 * s);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      // idRangeOffset is relative to its own position in the file (the spec's pointer trick).
      const glyph = view.getUint16(rangeOffsets + 2 * s + rangeOffset + 2 * (code - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}
