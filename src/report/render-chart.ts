/**
 * Headless chart rendering: Vega-Lite spec -> Vega (vega-lite's compiler) -> SVG (vega's string
 * renderer, no DOM, no canvas) -> PNG (resvg, a Rust SVG rasterizer, no browser). Text is laid out
 * and drawn with the fonts in `chart-font.ts`, never the machine's, so the same spec gives the same
 * bytes on a laptop and on a bare CI machine.
 */
import { createRequire } from "node:module";
import type { TopLevelSpec } from "vega-lite";
import { CHART_FONT_NAME, chartFontFiles } from "./chart-font.js";
import { readFontWidths } from "./text-width.js";

/** A chart as SVG text and as PNG bytes. */
export interface RenderedChart {
  svg: string;
  png: Uint8Array;
}

/** PNG pixels per SVG pixel: twice the on-screen size keeps slides sharp on a projector. */
export const PNG_SCALE = 2;

interface VegaTextItem {
  fontSize?: number;
  fontWeight?: string | number;
}

// The chart stack (vega, vega-lite, the resvg native addon: about half a second and 400 modules)
// is loaded on the first render, never when this module is imported: commands that import the
// report's modules without drawing a chart do not pay for it.
type Vega = typeof import("vega");
type VegaLite = typeof import("vega-lite");
type ResvgModule = typeof import("@resvg/resvg-js");
let chartStack: Promise<{ vega: Vega; vegaLite: VegaLite }> | undefined;
let resvg: ResvgModule | undefined;

function loadChartStack(): Promise<{ vega: Vega; vegaLite: VegaLite }> {
  chartStack ??= Promise.all([import("vega"), import("vega-lite")]).then(([vega, vegaLite]) => {
    useChartFontWidths(vega);
    return { vega, vegaLite };
  });
  return chartStack;
}

/**
 * Vega measures text through a replaceable `textMetrics.width` (the hook vl-convert uses); point it
 * at the chart font's real advance widths. Done once, when vega is loaded: the hook is process-wide.
 */
function useChartFontWidths(vega: Vega): void {
  const files = chartFontFiles();
  const regular = readFontWidths(files.regular);
  const bold = readFontWidths(files.bold);
  const metrics = (vega as unknown as { textMetrics: { width: (item: VegaTextItem, text: unknown) => number } }).textMetrics;
  metrics.width = (item, text) => {
    const size = item.fontSize ?? 11;
    const weight = item.fontWeight;
    const font = weight === "bold" || (typeof weight === "number" && weight >= 600) ? bold : regular;
    return font.measure(text === null || text === undefined ? "" : String(text).trim(), size);
  };
}

// Vega numbers SVG clip paths and gradients with a process-wide counter; renders run one at a time
// and reset it first, so a chart's bytes never depend on what was rendered before it.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Renders a Vega-Lite spec to SVG and PNG. The spec must carry its data inline (no URLs): charts
 * read no files and make no requests. Safe to call concurrently (calls are serialized).
 *
 * @throws Error if the spec does not compile or a font file is missing.
 */
export function renderChart(spec: TopLevelSpec): Promise<RenderedChart> {
  const result = queue.then(() => renderNow(spec));
  queue = result.catch(() => undefined);
  return result;
}

async function renderNow(spec: TopLevelSpec): Promise<RenderedChart> {
  const { vega, vegaLite } = await loadChartStack();
  const compiled = vegaLite.compile(spec).spec;
  vega.resetSVGDefIds();
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    return { svg, png: rasterize(svg) };
  } finally {
    view.finalize();
  }
}

/** PNG bytes of an SVG drawn with the chart fonts only (no system fonts: same pixels everywhere). */
export function rasterize(svg: string): Uint8Array {
  const files = chartFontFiles();
  // A native addon (CommonJS): required on first use, synchronously.
  resvg ??= createRequire(import.meta.url)("@resvg/resvg-js") as ResvgModule;
  const image = new resvg.Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [files.regular, files.bold], defaultFontFamily: CHART_FONT_NAME, sansSerifFamily: CHART_FONT_NAME },
    fitTo: { mode: "zoom", value: PNG_SCALE },
    background: "white",
  }).render();
  return new Uint8Array(image.asPng());
}
