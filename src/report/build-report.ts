/**
 * `resim report` as a library call: read a run's folder (summary.json, and sweep.csv if present),
 * render every chart and the page, write them atomically. The page is written last, so an
 * interrupted build never leaves a report.html pointing at charts that were not written.
 */
import { join } from "node:path";
import { writeFileAtomic } from "./atomic-write.js";
import { readSummaryDocument } from "./read-summary.js";
import { renderChart } from "./render-chart.js";
import { reportCharts } from "./report-charts.js";
import { reportHtml, type RenderedReportChart } from "./report-html.js";
import type { SummaryDocument } from "./summary-files.js";
import { readSweep, type SweepSection } from "./sweep-csv.js";

/** Report files by path relative to the run's folder, in writing order (report.html last). */
export type ReportFiles = Map<string, string | Uint8Array>;

/** Renders the report of a document (and its sweep) in memory. Same input, same bytes. */
export async function renderReport(document: SummaryDocument, sweep: SweepSection = { status: "absent" }): Promise<ReportFiles> {
  const files: ReportFiles = new Map();
  const rendered: RenderedReportChart[] = [];
  for (const chart of reportCharts(document, sweep)) {
    const { svg, png } = await renderChart(chart.spec);
    files.set(`charts/${chart.id}.vl.json`, JSON.stringify(chart.spec, null, 2) + "\n");
    files.set(`charts/${chart.id}.svg`, svg);
    files.set(`charts/${chart.id}.png`, png);
    rendered.push({ chart, svg });
  }
  files.set("report.html", reportHtml({ document, charts: rendered, sweep }));
  return files;
}

/** What {@link writeReport} did. */
export interface WrittenReport {
  /** Paths written, report.html last. */
  files: string[];
  /** Things the reader should know (a sweep.csv that could not be drawn), one sentence each. */
  notes: string[];
}

/**
 * Builds the report of the run in `folder` and writes report.html and charts/ into it.
 *
 * @throws {ReportInputError} if the folder has no readable run summary.
 */
export async function writeReport(folder: string): Promise<WrittenReport> {
  const document = readSummaryDocument(folder);
  const sweep = readSweep(folder);
  const files = await renderReport(document, sweep);
  const written: string[] = [];
  for (const [path, content] of files) {
    const file = join(folder, path);
    writeFileAtomic(file, content);
    written.push(file);
  }
  return { files: written, notes: sweep.status === "skipped" ? [sweep.reason] : [] };
}
