/**
 * Widths of chart labels in the chart font, so a panel's value axis can leave room for the
 * longest label written past its bar ("5.7% (51 a year)" needs more room than "13.2").
 */
import { chartFontFiles } from "../chart-font.js";
import { readFontWidths, type FontWidths } from "../text-width.js";

let regular: FontWidths | undefined;

/** Width in pixels of `text` at `fontSize` in the regular chart font. */
export function labelWidth(text: string, fontSize = 12): number {
  regular ??= readFontWidths(chartFontFiles().regular);
  return regular.measure(text, fontSize);
}
