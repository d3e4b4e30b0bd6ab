/**
 * A quote that is not closed where it should be makes csv-parse read on, across line breaks,
 * until some later quote happens to close it: the rows in between become one field's text. CSV
 * allows line breaks inside quoted fields (a CAD narrative may hold them), so a record spanning
 * lines is not wrong in itself; it is reported, at the line where the quote opened, when the
 * record ends with the wrong number of fields, or when the field swallowed lines that look like
 * whole rows (as many delimiters as the header has). Otherwise that row would be reported later as
 * a wrong field count, or the swallowed rows would silently disappear into one call's type text.
 */
import type { RowProblem } from "./row-mapper.js";

/** The skip reason for such a record, in the import report. */
export const RUNAWAY_QUOTE = "quoted field runs on over several lines (a quote not closed?)";

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * The problem with a record that starts on `line` and spans several lines, or null when it is one
 * line or a plausible multi-line field.
 */
export function runawayQuote(fields: readonly string[], header: readonly string[], line: number, delimiter: string): RowProblem | null {
  let opened = -1;
  let breaks = 0;
  let rowLike = 0;
  for (let i = 0; i < fields.length; i++) {
    // Checked per row of exports with millions: a field without a line break costs two searches.
    if (fields[i].indexOf("\n") < 0 && fields[i].indexOf("\r") < 0) continue;
    const parts = fields[i].split(LINE_BREAK);
    if (opened < 0) opened = i;
    breaks += parts.length - 1;
    // A line inside the field with a delimiter between every column is a row that was taken in.
    for (const part of parts.slice(1)) if (part.split(delimiter).length >= header.length) rowLike++;
  }
  if (opened < 0) return null;
  const where = `a quoted field in column '${(header[opened] ?? `#${opened + 1}`).trim()}' opens on this line and runs on to line ${line + breaks}`;
  if (fields.length !== header.length) {
    return { column: null, message: `${where}, leaving ${fields.length} fields where the header has ${header.length}: a quote is probably not closed` };
  }
  if (rowLike > 0) {
    return { column: null, message: `${where}, taking in ${rowLike} line(s) that look like whole rows: a quote is probably not closed` };
  }
  return null;
}
