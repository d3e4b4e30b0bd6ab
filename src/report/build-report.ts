/**
 * `resim report` as a library call: read a run's folder (summary.json, and sweep.csv if present),
 * render every chart and the page, and commit them to the folder as one set (output/), so an
 * interrupted build never leaves a report.html beside charts of another report. The report is
 * tied to the files it read: it fails if they were written again meanwhile, and a later run or
 * sweep into the folder removes it with the files it described.
 *
 * Which report a folder gets follows what it holds: summary.json, a run's (with an "Uncertain
 * inputs" section when an uncertainty analysis of the same scenario sits beside it); else
 * uncertainty.json, staffing.json or study.json, the report of that study (uncertainty-report.ts,
 * staffing-report.ts, study-report.ts); else exit 2 naming what was looked for.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { commitFolder, interruptedSwap, readBasis } from "../output/folder-commit.js";
import { OutputError } from "../output/atomic-write.js";
import { ReportInputError } from "./report-error.js";
import { readSummaryDocument } from "./read-summary.js";
import { renderChart } from "./render-chart.js";
import { reportCharts } from "./report-charts.js";
import { reportHtml, type RenderedReportChart } from "./report-html.js";
import type { SummaryDocument } from "./summary-files.js";
import { readSweep, type SweepSection } from "./sweep-csv.js";
import { STAFFING_FILE, writeStaffingReport } from "./staffing-report.js";
import { isStudyFolder, writeStudyReport } from "./study-report.js";
import { readUncertaintyDocument, UNCERTAINTY_FILE, type UncertaintyDocument } from "./uncertainty-document.js";
import { uncertaintyBasisFiles, uncertaintyFigures, writeUncertaintyReport } from "./uncertainty-report.js";
import type { UncertaintyFigure } from "./uncertainty-section.js";

/** Report files by path relative to the run's folder, in writing order (report.html last). */
export type ReportFiles = Map<string, string | Uint8Array>;

/** An uncertainty analysis of the run's scenario in its folder, with its charts rendered. */
export interface RunUncertainty {
  document: UncertaintyDocument;
  figures: readonly UncertaintyFigure[];
  files: ReadonlyMap<string, string | Uint8Array>;
}

/** Renders the report of a document (and its sweep and uncertainty analysis) in memory. Same input, same bytes. */
export async function renderReport(document: SummaryDocument, sweep: SweepSection = { status: "absent" }, uncertainty?: RunUncertainty): Promise<ReportFiles> {
  const files: ReportFiles = new Map(uncertainty?.files ?? []);
  const rendered: RenderedReportChart[] = [];
  for (const chart of reportCharts(document, sweep)) {
    const { svg, png } = await renderChart(chart.spec);
    files.set(`charts/${chart.id}.vl.json`, JSON.stringify(chart.spec, null, 2) + "\n");
    files.set(`charts/${chart.id}.svg`, svg);
    files.set(`charts/${chart.id}.png`, png);
    rendered.push({ chart, svg });
  }
  files.set("report.html", reportHtml({ document, charts: rendered, sweep, uncertainty: uncertainty && { document: uncertainty.document, figures: uncertainty.figures } }));
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
 * Builds the report of the run or study in `folder` and writes report.html and charts/ into it.
 *
 * @throws {ReportInputError} if the folder holds no results of a kind it reports on, they are not
 *   readable, or its files do not match its manifest.
 */
export async function writeReport(folder: string): Promise<WrittenReport> {
  const aside = existsSync(folder) ? null : interruptedSwap(folder);
  if (aside !== null) {
    throw new ReportInputError(`${folder} is missing, but ${aside} holds what was in it (a resim was killed while replacing the folder): rename it to ${folder}`);
  }
  const has = (file: string) => existsSync(join(folder, file));
  if (!has("summary.json")) {
    // A study folder has no run summary: its report has the sections that fit its kind.
    if (has(UNCERTAINTY_FILE)) return writeUncertaintyReport(folder);
    if (has(STAFFING_FILE)) return writeStaffingReport(folder);
    if (isStudyFolder(folder)) return writeStudyReport(folder);
    throw new ReportInputError(unknownFolderMessage(folder));
  }
  // An uncertainty analysis of the same scenario in the run's folder adds its section to the run's report.
  const analysis = has(UNCERTAINTY_FILE) ? readUncertaintyDocument(folder) : null;
  let basis;
  try {
    basis = readBasis(folder, ["summary.json", "sweep.csv", ...(analysis ? uncertaintyBasisFiles(analysis) : [])]);
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
  const notes = sweep.status === "skipped" ? [sweep.reason] : [];
  let uncertainty: RunUncertainty | undefined;
  if (analysis && analysis.scenario !== document.scenario) {
    notes.push(`${join(folder, UNCERTAINTY_FILE)} is an analysis of the scenario '${analysis.scenario}', not of this run's '${document.scenario}': the report leaves it out`);
  } else if (analysis) {
    uncertainty = { document: analysis, ...(await uncertaintyFigures(folder, analysis)) };
  }
  const builtFrom = uncertainty ? basis.builtFrom : Object.fromEntries(Object.entries(basis.builtFrom).filter(([file]) => file === "summary.json" || file === "sweep.csv"));
  const files = await renderReport(document, sweep, uncertainty);
  const written = commitFolder(folder, files, { set: "report", builtFrom });
  return { files: written, notes };
}

/** What `resim report` says of a folder holding none of the files it reads. */
function unknownFolderMessage(folder: string): string {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    return `${folder}: no such folder (expected the output folder of resim run, compare, sweep, sensitivity, uncertainty or staff, such as reports/riverton)`;
  }
  return `${folder} holds no results to report on: expected summary.json (from resim run or compare), study.json (sweep or sensitivity), ${UNCERTAINTY_FILE} (uncertainty) or ${STAFFING_FILE} (staff); run one of them with --out ${folder} first, or pass --report to it`;
}
