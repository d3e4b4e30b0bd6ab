/**
 * report.html as a person sees it: opened from disk in headless Chromium (Debian's `chromium`,
 * driven by playwright-core; .ci/run installs it). No console errors, no network requests, every
 * chart loaded and visible on screen and in print; the decision summary first; nothing wider than
 * a phone; and printed to PDF on A4 and Letter, a bounded number of pages with the decision summary
 * alone on the first and no table, row, chart or option's sentence cut by a page break. One report
 * and one browser serve every check. A screenshot and the two PDFs are kept in
 * reports/test-output/browser/ for a human to look at.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resim } from "../helpers/cli.js";
import { readPdf } from "../helpers/pdf-pages.js";

const CHROMIUM = "/usr/bin/chromium";
const OUTPUT = resolve("reports/test-output/browser");
const REPORT_URL = pathToFileURL(join(OUTPUT, "report.html")).href;
const DAYS = 7;

/**
 * Pages this report may take on paper: one for the decision summary, two or three for the key
 * numbers and cost tables, three for five charts, four for the assumptions, one for the method
 * (11 on A4 and 12 on Letter when this was written). At least 5 (every part present, not
 * truncated), at most 15 (a third more: larger type or a chart per page would pass that).
 */
const MIN_PAGES = 5;
const MAX_PAGES = 15;

/** Paper sizes in millimetres, as page.pdf() takes them. */
const PAPER = { A4: { width: 210, height: 297 }, Letter: { width: 215.9, height: 279.4 } } as const;
const MM = 96 / 25.4;
/** Chromium's PDFs count 72 points to the 96 CSS pixels of an inch. */
const PX_PER_PT = 96 / 72;

let browser: Browser;

// CI must run this test (.ci/run installs Chromium); elsewhere a machine without it skips the test
// with one line, rather than failing a whole run for want of a browser.
const hasChromium = existsSync(CHROMIUM);
const skip = !hasChromium && !process.env.CI;
if (skip) process.stderr.write(`report-browser: skipped, no Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-liberation, as .ci/run does)\n`);

beforeAll(async () => {
  if (skip) return;
  if (!hasChromium) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium), as .ci/run does`);
  }
  rmSync(OUTPUT, { recursive: true, force: true });
  mkdirSync(OUTPUT, { recursive: true });
  const run = await resim("run", "scenarios/riverton.yaml", "--days", String(DAYS), "--replications", "3", "--workers", "1", "--quiet", "--report", "--out", OUTPUT);
  expect(run.stderr).toBe("");
  // launch() (not a persistent context) gives Chromium a new, empty profile in a temporary folder.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

async function openReport(width: number, height = 900): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(REPORT_URL, { waitUntil: "load" });
  return page;
}

/** summary.csv's mean for one model and metric ("estimate" or "minus BASELINE"). */
function summaryMean(model: string, comparison: string, metric: string): number {
  const lines = readFileSync(join(OUTPUT, "summary.csv"), "utf8").trim().split("\n");
  const header = lines[0].split(",");
  const column = (name: string) => header.indexOf(name);
  const row = lines.slice(1).map((line) => line.split(",")).find((r) => r[column("model")] === model && r[column("comparison")] === comparison && r[column("metric")] === metric);
  if (!row) throw new Error(`summary.csv has no row ${model},${comparison},${metric}`);
  return Number(row[column("mean")]);
}

describe.skipIf(skip)("report.html in a browser", () => {
  it("opens offline with no console errors and no network requests, shows every chart, and prints", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("request", (request) => {
      if (!request.url().startsWith("data:")) requests.push(request.url());
    });
    await page.goto(REPORT_URL, { waitUntil: "load" });

    const expected = readdirSync(join(OUTPUT, "charts")).filter((name) => name.endsWith(".png")).length;
    const figures = page.locator("figure img");
    expect(await figures.count()).toBe(expected);
    for (const media of ["screen", "print"] as const) {
      await page.emulateMedia({ media });
      for (let i = 0; i < expected; i++) {
        const image = figures.nth(i);
        await image.scrollIntoViewIfNeeded();
        await expect.poll(() => image.isVisible()).toBe(true);
        const size = await image.evaluate((element) => {
          const img = element as HTMLImageElement;
          return { loaded: img.complete && img.naturalWidth > 0, width: img.getBoundingClientRect().width, height: img.getBoundingClientRect().height };
        });
        expect(size.loaded, `chart ${i + 1} did not load`).toBe(true);
        expect(size.width).toBeGreaterThan(200);
        expect(size.height).toBeGreaterThan(100);
      }
    }
    await page.emulateMedia({ media: "screen" });
    expect(await page.locator("h2").allInnerTexts()).toEqual(["Decision summary", "Key numbers", "Charts", "Assumptions", "Method and caveats"]);
    await page.screenshot({ path: join(OUTPUT, "report-screenshot.png"), fullPage: true });

    expect(problems).toEqual([]);
    expect(requests).toEqual([REPORT_URL]);
    await page.close();
  });

  it("opens with the decision summary, where every measure shows the base level and each option's level, change and verdict", async () => {
    const page = await openReport(1100);
    const first = await page.evaluate(() => {
      const section = document.querySelector("main > section");
      return { id: section?.id, heading: section?.querySelector("h2")?.textContent };
    });
    expect(first).toEqual({ id: "decision", heading: "Decision summary" });

    const table = await page.evaluate(() => {
      const decision = document.querySelector("#decision table")!;
      const columns = [...decision.querySelectorAll("thead th")].map((th) => th.textContent!.trim());
      const rows = [...decision.querySelectorAll("tbody tr:not(.ratio)")].map((tr) => ({
        measure: tr.querySelector("th")!.textContent!.trim(),
        cells: [...tr.querySelectorAll("td")].map((td) => (td as HTMLElement).innerText.replace(/\s+/g, " ").trim()),
      }));
      const sentences = [...document.querySelectorAll("#decision .option-sentence")].map((p) => p.textContent!.trim());
      return { columns, rows, sentences };
    });
    const summary = JSON.parse(readFileSync(join(OUTPUT, "summary.json"), "utf8")) as { baseline: string; models: Record<string, unknown> };
    const options = Object.keys(summary.models).filter((m) => m !== summary.baseline);
    expect(table.columns).toEqual(["Measure", `${summary.baseline} (base)`, ...options]);
    expect(table.sentences.map((s) => s.split(".")[0])).toEqual(options);
    expect(table.rows.length).toBeGreaterThanOrEqual(8);
    for (const row of table.rows) {
      const [base, ...cells] = row.cells;
      expect(base, `${row.measure}: base level`).toMatch(/\d|none/);
      expect(cells).toHaveLength(options.length);
      for (const cell of cells) {
        expect(cell, `${row.measure}: option cell`).toMatch(/^(about )?[$\d]/);
        expect(cell, `${row.measure}: change`).toMatch(/change [+-]?[$\d]/);
        expect(cell, `${row.measure}: verdict`).toMatch(/clearly better|clearly worse|no meaningful change|unclear|costs more|saves money/);
      }
    }

    // The officer-hours row is the summary files' weekly figure scaled to a year.
    const perYear = 365 / DAYS;
    const hours = table.rows.find((r) => r.measure.startsWith("Officer-hours on BH calls"))!;
    const figure = (value: number, sign = false) => `${sign && Math.round(value) > 0 ? "+" : ""}${Math.round(value).toLocaleString("en-US")}`;
    expect(hours.cells[0].startsWith(figure(summaryMean(summary.baseline, "estimate", "officerHoursBH") * perYear)), hours.cells[0]).toBe(true);
    options.forEach((option, i) => {
      const cell = hours.cells[i + 1];
      expect(cell.startsWith(figure(summaryMean(option, "estimate", "officerHoursBH") * perYear)), cell).toBe(true);
      expect(cell).toContain(`change ${figure(summaryMean(option, `minus ${summary.baseline}`, "officerHoursBH") * perYear, true)}`);
    });
    await page.close();
  });

  it("fits a phone: at 420 and 375 pixels wide nothing is wider than the screen and tables stack", async () => {
    const page = await openReport(420);
    for (const width of [420, 375]) {
      await page.setViewportSize({ width, height: 800 });
      const layout = await page.evaluate(() => {
        const tooWide = [...document.querySelectorAll("body *")]
          .filter((element) => {
            const box = element.getBoundingClientRect();
            return box.width > 0 && (box.right > innerWidth + 1 || box.left < -1);
          })
          .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}.${[...element.classList].join(".")} (${Math.round(element.getBoundingClientRect().right)} px)`);
        const measured = [...document.querySelectorAll("table, img, svg")].map((element) => element.getBoundingClientRect().right);
        const decisionRow = document.querySelector("#decision tbody tr")!;
        return {
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth,
          tooWide: tooWide.slice(0, 10),
          tablesAndCharts: measured.length,
          widest: Math.max(...measured),
          rowDisplay: getComputedStyle(decisionRow).display,
          headerDisplay: getComputedStyle(document.querySelector("#decision thead")!).display,
          cellLabel: getComputedStyle(decisionRow.querySelector("td[data-label]")!, "::before").content,
        };
      });
      expect(layout.innerWidth).toBe(width);
      expect(layout.scrollWidth, `page scrolls sideways at ${width} px`).toBeLessThanOrEqual(width);
      expect(layout.tooWide, `elements wider than a ${width} px screen`).toEqual([]);
      expect(layout.tablesAndCharts).toBeGreaterThan(5);
      expect(layout.widest).toBeLessThanOrEqual(width + 1);
      // Each row of the decision table becomes a block whose cells say which option they are.
      expect([layout.rowDisplay, layout.headerDisplay]).toEqual(["block", "none"]);
      expect(layout.cellLabel).toMatch(/\(base\)/);
    }
    await page.close();
  });

  for (const format of ["A4", "Letter"] as const) {
    it(`prints on ${format} in ${MIN_PAGES} to ${MAX_PAGES} pages, the decision summary alone on the first, with no table, row, chart or heading cut from what follows`, async () => {
      const paper = PAPER[format];
      const page = await openReport(Math.round(paper.width * MM));
      await page.emulateMedia({ media: "print" });
      // The printed page's margins, as the style sheet's @page rule sets them.
      const margins = await page.evaluate(() => {
        const rule = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]).find((r): r is CSSPageRule => r instanceof CSSPageRule)!;
        const length = (value: string) => {
          const probe = document.createElement("div");
          probe.style.width = value;
          document.body.append(probe);
          const px = probe.getBoundingClientRect().width;
          probe.remove();
          return px;
        };
        return { top: length(rule.style.marginTop), right: length(rule.style.marginRight), bottom: length(rule.style.marginBottom), left: length(rule.style.marginLeft) };
      });
      expect(margins.top).toBeGreaterThan(0);
      const contentWidth = paper.width * MM - margins.left - margins.right;
      // Lay the page out at the printed width, measure every block, and link to each (hidden
      // links) so that Chromium writes a named destination for it: the PDF then says on which page
      // and where each block starts.
      await page.setViewportSize({ width: Math.round(contentWidth), height: 1000 });
      const layout = await page.evaluate(() => {
        const links = document.createElement("div");
        links.hidden = true;
        const blocks: { id: string; what: string; top: number; height: number; marker?: boolean; rowOf?: string; next?: string; decision: boolean }[] = [];
        let n = 0;
        const track = (element: Element, what: string, extra: { marker?: boolean; rowOf?: string; next?: string } = {}) => {
          element.id ||= `resim-check-${n++}`;
          const link = document.createElement("a");
          link.href = `#${element.id}`;
          links.append(link);
          const box = element.getBoundingClientRect();
          blocks.push({ id: element.id, what, top: box.top + scrollY, height: box.height, decision: element.closest("#decision") !== null, ...extra });
          return element.id;
        };
        // Markers only say where a part starts; every other block must not be cut.
        track(document.body.firstElementChild!, "page top", { marker: true });
        track(document.querySelector("main > section:nth-of-type(2)")!, "second section", { marker: true });
        track(document.querySelector("#decision")!, "decision summary");
        document.querySelectorAll("table").forEach((table, t) => {
          const caption = table.caption?.textContent?.slice(0, 40) ?? `table ${t + 1}`;
          const id = track(table, `table "${caption}"`);
          table.querySelectorAll("tbody tr").forEach((row) => track(row, `row "${row.querySelector("th")?.textContent?.trim() ?? ""}" of table "${caption}"`, { rowOf: id }));
        });
        document.querySelectorAll("figure").forEach((figure) => track(figure, `chart ${figure.id}`));
        document.querySelectorAll(".option-sentence").forEach((p) => track(p, `sentence "${p.textContent!.slice(0, 30)}"`));
        document.querySelectorAll("h2, h3").forEach((heading) => {
          const next = heading.nextElementSibling;
          if (next) track(heading, `heading "${heading.textContent}"`, { next: track(next, `block after "${heading.textContent}"`, { marker: true }) });
        });
        document.body.append(links);
        const positioned = [...document.querySelectorAll("*")].filter((e) => ["fixed", "sticky"].includes(getComputedStyle(e).position)).map((e) => e.tagName);
        const images = [...document.querySelectorAll("figure img")].map((img) => img.getBoundingClientRect().width);
        return { blocks, positioned, images };
      });
      expect(layout.positioned, "fixed or sticky elements in print").toEqual([]);
      expect(layout.images.length).toBeGreaterThan(0);
      for (const width of layout.images) expect(width, "a chart wider than the printed page").toBeLessThanOrEqual(contentWidth + 1);
      // A link in the report would print its address after its text (none is in this report yet, so one is added).
      const linkSuffix = await page.evaluate(() => {
        const link = document.createElement("a");
        link.href = "https://example.org/source";
        link.textContent = "source";
        document.querySelector("footer")!.append(link);
        const after = getComputedStyle(link, "::after").content;
        link.remove();
        return after;
      });
      expect(linkSuffix).toContain("https://example.org/source");

      const bytes = await page.pdf({ format });
      writeFileSync(join(OUTPUT, `report-${format}.pdf`), bytes);
      const pdf = readPdf(bytes);
      expect(pdf.pages.length).toBe(pdf.declaredCount);
      expect(pdf.pages.length).toBeGreaterThanOrEqual(MIN_PAGES);
      expect(pdf.pages.length).toBeLessThanOrEqual(MAX_PAGES);
      for (const p of pdf.pages) expect([p.width / 72, p.height / 72].map((inches) => Math.round(inches * 25.4))).toEqual([Math.round(paper.width), Math.round(paper.height)]);

      const pageHeight = pdf.pages[0].height * PX_PER_PT;
      const contentHeight = pageHeight - margins.top - margins.bottom;
      const where = (id: string) => {
        const destination = pdf.destinations.get(id);
        if (!destination) throw new Error(`the PDF has no destination for ${id}`);
        return { page: destination.page, offset: pageHeight - destination.y * PX_PER_PT };
      };
      // Where the top of the first page's content lands: Chromium measures destinations from the
      // top of the content area (0), or from the paper's edge (the top margin).
      const origin = where(layout.blocks[0].id).offset - layout.blocks[0].top;
      const byId = new Map(layout.blocks.map((b) => [b.id, b]));
      const cut: string[] = [];
      const strayFromPageOne: string[] = [];
      for (const block of layout.blocks) {
        const at = where(block.id);
        if (block.decision && at.page !== 0) strayFromPageOne.push(`${block.what} on page ${at.page + 1}`);
        if (block.marker) continue;
        const bottom = at.offset - origin + block.height;
        const table = block.rowOf ? byId.get(block.rowOf)! : undefined;
        // A row is checked on its own only in a table longer than a page (which must break between rows).
        const mustBeWhole = block.height <= contentHeight && !(table && table.height <= contentHeight);
        if (mustBeWhole && bottom > contentHeight + 2) cut.push(`${block.what}: page ${at.page + 1}, ends ${Math.round(bottom - contentHeight)} px below the page`);
        if (block.height > contentHeight && !block.what.startsWith("table")) cut.push(`${block.what}: ${Math.round(block.height)} px, taller than a page (${Math.round(contentHeight)} px)`);
        if (block.next && where(block.next).page !== at.page) cut.push(`${block.what}: at the foot of page ${at.page + 1}, apart from what follows it`);
      }
      expect(cut).toEqual([]);
      expect(strayFromPageOne).toEqual([]);
      expect(where(layout.blocks[1].id).page, "the section after the decision summary starts page 2").toBe(1);
      await page.close();
    });
  }
});
