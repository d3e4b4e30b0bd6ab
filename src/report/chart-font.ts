/**
 * The one typeface charts are laid out and rasterized with: Arimo (SIL Open Font License), shipped
 * as TTF files in the `@expo-google-fonts/arimo` npm package, so rendering needs no fonts installed
 * on the machine and gives the same pixels everywhere. Arimo has the same advance widths as Arial,
 * Helvetica and Liberation Sans, so an SVG laid out for Arimo also fits when a browser or a slide
 * program draws it with one of those.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** CSS font-family list written into charts and the HTML report: Arimo first, then its metric twins. */
export const CHART_FONT_FAMILY = "Arimo, Arial, Helvetica, 'Liberation Sans', sans-serif";

/** Family name inside the TTF files (what resvg matches against). */
export const CHART_FONT_NAME = "Arimo";

/** Absolute paths of the regular and bold TTF files. Throws if the package is not installed. */
export function chartFontFiles(): { regular: string; bold: string } {
  // Resolved from this module, not the working directory, so `npx resim` works from any folder.
  const packageFolder = dirname(createRequire(import.meta.url).resolve("@expo-google-fonts/arimo/package.json"));
  return {
    regular: join(packageFolder, "400Regular", "Arimo_400Regular.ttf"),
    bold: join(packageFolder, "700Bold", "Arimo_700Bold.ttf"),
  };
}
