/**
 * Headless rendering: Vega-Lite -> SVG -> PNG with the bundled font only. Same spec, same bytes;
 * text measured with the font's own widths (Arimo has Arial's metrics, so Arial's widths are the
 * expected values).
 */
import { describe, expect, it } from "vitest";
import { chartFontFiles } from "../../src/report/chart-font.js";
import { rasterize, renderChart, PNG_SCALE } from "../../src/report/render-chart.js";
import { reportCharts } from "../../src/report/report-charts.js";
import { readFontWidths } from "../../src/report/text-width.js";
import { fixtureDocument } from "./fixture.js";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe("readFontWidths", () => {
  const regular = readFontWidths(chartFontFiles().regular);

  it("measures text with Arial's advance widths (H 722, e 556, l 222, o 556 per 1000 em)", () => {
    expect(regular.measure("Hello", 10)).toBeCloseTo((722 + 556 + 222 + 222 + 556) / 100, 1);
  });

  it("scales with the font size and counts a character the font lacks as its missing glyph", () => {
    expect(regular.measure("Hello", 20)).toBeCloseTo(2 * regular.measure("Hello", 10), 9);
    expect(regular.measure("\u{e000}", 10)).toBeGreaterThan(0);
  });

  it("measures bold text wider than regular", () => {
    const bold = readFontWidths(chartFontFiles().bold);
    expect(bold.measure("Response time", 12)).toBeGreaterThan(regular.measure("Response time", 12));
  });
});

describe("renderChart", () => {
  const [chart] = reportCharts(fixtureDocument(), { status: "absent" });

  it("gives byte-identical SVG and PNG when the same spec is rendered twice", async () => {
    const first = await renderChart(chart.spec);
    const second = await renderChart(chart.spec);
    expect(second.svg).toBe(first.svg);
    expect(Buffer.from(second.png).equals(Buffer.from(first.png))).toBe(true);
  });

  it("gives the same bytes whatever was rendered before (clip-path ids restart)", async () => {
    const alone = await renderChart(chart.spec);
    await Promise.all(reportCharts(fixtureDocument(), { status: "absent" }).map((c) => renderChart(c.spec)));
    expect((await renderChart(chart.spec)).svg).toBe(alone.svg);
  });

  it("writes an SVG whose text uses the chart font and escapes names from the scenario", async () => {
    const document = fixtureDocument((d) => {
      d.scenario = "<script>alert(1)</script>";
    });
    const { svg } = await renderChart(reportCharts(document, { status: "absent" })[0].spec);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain(`font-family="Arimo, Arial, Helvetica, 'Liberation Sans', sans-serif"`);
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it(`rasterizes at ${PNG_SCALE}x the SVG's size, for slides`, async () => {
    const { svg, png } = await renderChart(chart.spec);
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    const width = Number(/width="([\d.]+)"/.exec(svg)![1]);
    expect(pngSize(png).width).toBe(Math.round(width * PNG_SCALE));
  });

  it("draws text without any system font (a text-only SVG gives ink)", () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20"><text x="2" y="15" font-family="Arimo" font-size="14">Text</text></svg>`;
    const blank = `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20"></svg>`;
    expect(Buffer.from(rasterize(svg)).equals(Buffer.from(rasterize(blank)))).toBe(false);
  });
});
