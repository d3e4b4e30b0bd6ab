/** Plain-text tables for the terminal: the first column left-aligned, the others right-aligned. */

/** The rows as lines, each cell padded to its column's width and separated by two spaces. */
export function alignColumns(rows: readonly (readonly string[])[], indent = ""): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => `${indent}${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ")}`.trimEnd());
}
