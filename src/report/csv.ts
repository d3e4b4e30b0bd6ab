/**
 * CSV cells for tidy output: quoted when needed (RFC 4180), and text that a spreadsheet would run
 * as a formula (leading =, +, -, @, tab or carriage return) is prefixed with an apostrophe (OWASP
 * "CSV injection"). Numbers are written as numbers, so a negative difference stays a number.
 */

/** One CSV cell from a string, number or null (empty). */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document from a header and rows, with a final newline. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\n") + "\n";
}
