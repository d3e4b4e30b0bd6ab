/**
 * `resim report` as a library call: read a run's folder (summary.json, and sweep.csv if present),
 * render every chart and the page, and commit them to the folder as one set (output/), so an
 * interrupted build never leaves a report.html beside charts of another report. The report is
 * tied to the files it read: it fails if they were written again meanwhile, and a later run or
 * sweep into the folder removes it with the files it described.
 */
import { existsSync } from "node:fs";
import { commitFolder, interruptedSwap, readBasis } from "../output/folder-commit.js";
import { OutputError } from "../output/atomic-write.js";
import { ReportInputError } from "./report-error.js";
import { readSummaryDocument } from "./read-summary.js";
import { renderChart } from "./render-chart.js";
import { reportCharts } from "./report-charts.js";
import { reportHtml, type RenderedReportChart } from "./report-html.js";
import type { SummaryDocument } from "./summary-files.js";
import { readSweep, type SweepSection } from "./sweep-csv.js";
import { isStudyFolder, writeStudyReport } from "./study-report.js";

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
 * @throws {ReportInputError} if the folder has no readable run summary, or its files do not match
 *   its manifest.
 */
export async function writeReport(folder: string): Promise<WrittenReport> {
  const aside = existsSync(folder) ? null : interruptedSwap(folder);
  if (aside !== null) {
    throw new ReportInputError(`${folder} is missing, but ${aside} holds what was in it (a resim was killed while replacing the folder): rename it to ${folder}`);
  }
  // A sweep or sensitivity folder has no run summary: its report is the study's charts and table.
  if (isStudyFolder(folder)) return writeStudyReport(folder);
  let basis;
  try {
    basis = readBasis(folder, ["summary.json", "sweep.csv"]);
  } catch (error) {
    if (error instanceof OutputError) throw new ReportInputError(error.message);
    throw error;
  }
  if (basis.problems.length > 0) {
    const problems = basis.problems.map(({ file, problem }) => `${file}: ${problem}`);
    throw new ReportInputError(`${problems.join("\n")}\n${folder} changed after resim wrote it, or was copied incompletely: write it again (resim run ... --out ${folder}), or copy it again`);
  }
  const document = readSummaryDocument(folder);
  const sweep = readSweep(folder);
  const files = await renderReport(document, sweep);
  const written = commitFolder(folder, files, { set: "report", builtFrom: basis.builtFrom });
  return { files: written, notes: sweep.status === "skipped" ? [sweep.reason] : [] };
}
