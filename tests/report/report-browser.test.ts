/**
 * report.html as a person sees it: opened from disk in headless Chromium (Debian's `chromium`,
 * driven by playwright-core; .ci/run installs it). No console errors, no network requests, every
 * chart loaded and visible on screen and in print. A screenshot is kept in
 * reports/test-output/browser/ for a human to look at.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resim } from "../helpers/cli.js";

const CHROMIUM = "/usr/bin/chromium";
const OUTPUT = resolve("reports/test-output/browser");

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
  const run = await resim("run", "scenarios/riverton.yaml", "--days", "7", "--replications", "3", "--workers", "1", "--quiet", "--report", "--out", OUTPUT);
  expect(run.stderr).toBe("");
  // launch() (not a persistent context) gives Chromium a new, empty profile in a temporary folder.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

afterAll(async () => {
  await browser?.close();
});

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
    const url = pathToFileURL(join(OUTPUT, "report.html")).href;
    await page.goto(url, { waitUntil: "load" });

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
    expect(requests).toEqual([url]);
    await page.close();
  });
});
