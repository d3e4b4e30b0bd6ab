/**
 * `resim report` on a `resim uncertainty` folder: a page with what was uncertain, what the ranges
 * cover, one sentence per option, the probability that each option is better and cost-effective,
 * the acceptability curves, the tornadoes, and each model's key measures. Committed like a run's
 * report (set "report"), tied to uncertainty.json and the chart specs it drew, so a later analysis
 * into the folder removes it with them. Also the charts of the "Uncertain inputs" section that a
 * run's report adds when its folder holds an analysis of the same scenario.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { TopLevelSpec } from "vega-lite";
import { commitFolder, readBasis } from "../output/folder-commit.js";
import { OutputError } from "../output/atomic-write.js";
import { html, type SafeHtml } from "./html-escape.js";
import { pageHead } from "./page-head.js";
import { metricLabel } from "./metric-labels.js";
import { renderChart } from "./render-chart.js";
import { ReportInputError } from "./report-error.js";
import { readUncertaintyDocument, uncertaintyChartFiles, uncertaintyOptions, UNCERTAINTY_FILE, type UncertaintyDocument } from "./uncertainty-document.js";
import { amount, keyMeasures, uncertaintyCaption, uncertaintySection, type UncertaintyFigure } from "./uncertainty-section.js";

/** The files a report of the analysis reads (for readBasis): uncertainty.json and the chart specs it lists. */
export function uncertaintyBasisFiles(document: UncertaintyDocument): string[] {
  return [UNCERTAINTY_FILE, ...uncertaintyChartFiles(document).map((chart) => chart.file)];
}

/** Renders the analysis's charts from its specs: the report's chart files and the section's figures. */
export async function uncertaintyFigures(folder: string, document: UncertaintyDocument): Promise<{ files: Map<string, string | Uint8Array>; figures: UncertaintyFigure[] }> {
  const files = new Map<string, string | Uint8Array>();
  const figures: UncertaintyFigure[] = [];
  for (const chart of uncertaintyChartFiles(document)) {
    let spec: TopLevelSpec;
    try {
      spec = JSON.parse(readFileSync(join(folder, chart.file), "utf8")) as TopLevelSpec;
    } catch (error) {
      throw new ReportInputError(`${join(folder, chart.file)}: ${(error as Error).message} (${UNCERTAINTY_FILE} lists this chart; run resim uncertainty again)`);
    }
    const { svg, png } = await renderChart(spec);
    files.set(`charts/${chart.id}.vl.json`, JSON.stringify(spec, null, 2) + "\n");
    files.set(`charts/${chart.id}.svg`, svg);
    files.set(`charts/${chart.id}.png`, png);
    const title = (spec as { title?: { text?: string } }).title?.text ?? chart.id;
    const caption = uncertaintyCaption(document, chart.tornado);
    figures.push({ id: chart.id, svg, caption, alt: `${title}. ${caption}` });
  }
  return { files, figures };
}

/** Checks the analysis's files against the folder's manifest; returns what to pass as builtFrom. */
export function uncertaintyBasis(folder: string, document: UncertaintyDocument): ReturnType<typeof readBasis>["builtFrom"] {
  let basis;
  try {
    basis = readBasis(folder, uncertaintyBasisFiles(document));
  } catch (error) {
    if (error instanceof OutputError) throw new ReportInputError(error.message);
    throw error;
  }
  if (basis.problems.length > 0) {
    const problems = basis.problems.map(({ file, problem }) => `${file}: ${problem}`);
    throw new ReportInputError(`${problems.join("\n")}\n${folder} changed after resim wrote it, or was copied incompletely: run the uncertainty analysis again (resim uncertainty ... --out ${folder})`);
  }
  return basis.builtFrom;
}

/**
 * Builds report.html and charts/ for the uncertainty analysis in `folder`; returns the paths written, report.html last.
 *
 * @throws {ReportInputError} if uncertainty.json is not an analysis's, or the folder changed since written.
 */
export async function writeUncertaintyReport(folder: string): Promise<{ files: string[]; notes: string[] }> {
  const document = readUncertaintyDocument(folder);
  const builtFrom = uncertaintyBasis(folder, document);
  const { files, figures } = await uncertaintyFigures(folder, document);
  files.set("report.html", uncertaintyPage(document, figures));
  const written = commitFolder(folder, files, { set: "report", builtFrom });
  return { files: written, notes: [] };
}

function uncertaintyPage(document: UncertaintyDocument, figures: readonly UncertaintyFigure[]): string {
  const options = uncertaintyOptions(document);
  const heading = options.length > 0 ? `${options.join(" and ")} compared with ${document.baseline}, with uncertain inputs` : `${document.baseline} with uncertain inputs`;
  return html`${pageHead(`${document.scenario}: uncertainty analysis`)}<header>
<p class="kicker">Uncertainty analysis</p>
<h1>${document.scenario}: ${heading}</h1>
<p class="meta">${document.draws} draws of ${document.inputs.length} uncertain inputs, ${document.horizonDays} days each · seed ${document.seed} · scenario file ${document.scenarioFile}${document.overrides.length > 0 ? ` · overrides ${document.overrides.join(", ")}` : ""}</p>
</header>
<main>
${uncertaintySection(document, figures)}<section id="numbers">
<h2>Numbers</h2>
${valuesTable(document)}</section>
</main>
<footer><p>Made by resim from the analysis's uncertainty.json and chart specifications (uncertainty-summary.csv, ceac.csv and uncertainty-tornado.csv hold the same figures for analysts). The same analysis always gives this same page.</p></footer>
</body>
</html>
`.markup;
}

function valuesTable(document: UncertaintyDocument): SafeHtml {
  return html`<table class="numbers" id="values">
<caption>Each model's key measures over the ${document.horizonDays} measured days: the average over the ${document.draws} draws, and the range that holds 95% of them.</caption>
<thead><tr><th scope="col">Measure</th>${document.models.map((m) => html`<th scope="col" class="num">${m}</th>`)}</tr></thead>
<tbody>
${keyMeasures(document).map((metric) => {
  const unit = document.units[metric];
  return html`<tr><th scope="row">${metricLabel(metric)}</th>${document.models.map((model) => {
    const s = document.summary[model].metrics[metric];
    return html`<td class="num">${s ? amount(s.mean, unit) : "n/a"}${s?.range95 ? html`<span class="ci">${amount(s.range95[0], unit)} to ${amount(s.range95[1], unit)}</span>` : ""}</td>`;
  })}</tr>\n`;
})}</tbody>
</table>
`;
}
