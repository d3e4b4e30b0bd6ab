/**
 * report.html: one self-contained page for a council briefing. Charts are inline SVG images
 * (data: URLs, so each keeps its own ids and prints as vectors); no scripts, fonts, styles or
 * images are fetched, and the Content-Security-Policy forbids them, so the page reads the same
 * offline. Order: decision summary, key numbers, charts, sweep, assumptions, method and caveats. No date
 * or path of the machine appears, so the same run gives the same bytes.
 */
import { COMPARISON_DECISION_STYLE, decisionSummarySection } from "./decision-summary-html.js";
import { caveatsSection, switchedOnList } from "./caveats-html.js";
import { comparisonAssumptions, comparisonCaveats, comparisonSwitches } from "./compare-scenarios-html.js";
import { html, type SafeHtml } from "./html-escape.js";
import { pageHead } from "./page-head.js";
import { periodPhrase } from "./period.js";
import type { ReportChart } from "./report-charts.js";
import { describeOverride } from "../scenario/provenance.js";
import { assumptionsTable, comparisonTables, costEffectivenessTable } from "./report-tables.js";
import type { SummaryDocument } from "./summary-files.js";
import type { SweepSection } from "./sweep-csv.js";
import type { UncertaintyDocument } from "./uncertainty-document.js";
import { uncertaintySection, type UncertaintyFigure } from "./uncertainty-section.js";

/** A chart with its rendered SVG. */
export interface RenderedReportChart {
  chart: ReportChart;
  svg: string;
}

/** What the page is made from. */
export interface ReportPageInput {
  document: SummaryDocument;
  charts: readonly RenderedReportChart[];
  sweep: SweepSection;
  /** An uncertainty analysis of the same scenario in the run's folder: its section follows the decision summary. */
  uncertainty?: { document: UncertaintyDocument; figures: readonly UncertaintyFigure[] };
}

/** The complete report.html text. */
export function reportHtml({ document, charts, sweep, uncertainty }: ReportPageInput): string {
  const main = charts.filter((c) => c.chart.section === "main");
  const sweepCharts = charts.filter((c) => c.chart.section === "sweep");
  // The uncertainty section's figures come first on the page, so they take the first numbers.
  const before = uncertainty?.figures.length ?? 0;
  const models = Object.keys(document.models);
  const baseline = document.baseline !== undefined && document.models[document.baseline] ? document.baseline : null;
  const compared = models.filter((model) => model !== baseline);
  const heading = document.comparison
    ? `B (${document.comparison.b.scenarioFile}) compared with A (${document.comparison.a.scenarioFile}), on the same calls`
    : baseline && compared.length > 0 ? `${compared.join(" and ")} compared with ${baseline}` : models.join(", ");
  const page = html`${pageHead(`${document.scenario}: response models compared`, document.comparison ? COMPARISON_DECISION_STYLE : "")}<header>
<p class="kicker">Response-model briefing</p>
<h1>${document.scenario}: ${heading}</h1>
${document.description ? html`<p class="lead">${document.description}</p>` : ""}
<p class="meta">${runSummary(document)}</p>
</header>
<main>
<section id="decision">
<h2>Decision summary</h2>
${decisionSummarySection(document, uncertainty !== undefined)}</section>
${uncertainty ? uncertaintySection(uncertainty.document, uncertainty.figures, 1, true) : ""}<section id="comparison">
<h2>Key numbers</h2>
${comparisonTables(document)}
${costEffectivenessSection(document)}</section>
<section id="charts">
<h2>Charts</h2>
<p class="note">Each chart is also in the charts/ folder beside this page, as a PNG for slides, an SVG and a Vega-Lite specification.</p>
${main.map((c, i) => figure(c, i + 1 + before))}</section>
${sweepSection(sweep, sweepCharts, before + main.length)}
<section id="assumptions">
<h2>Assumptions</h2>
${document.comparison ? comparisonSwitches(document, document.comparison) : switchedOnList(document)}
<p>The scenario's key parameters, as simulated, with the sources the scenario file cites for them. Figures spread over call categories are shown as averages over the call mix.${document.provenance && document.provenance.overrides.length > 0 ? " Values overridden on the command line are marked." : ""}${document.assumptions?.some((a) => a.setByExtends) ? " Values the scenario file sets over the file it extends are marked." : ""}</p>
${document.comparison ? comparisonAssumptions(document, document.comparison) : assumptionsTable(document)}
</section>
<section id="method">
<h2>Method and caveats</h2>
${methodSection(document)}
</section>
</main>
<footer><p>Made by resim from the run's summary.json (scenario file ${document.scenarioFile}, seed ${document.seed}). The same run always gives this same page.</p></footer>
</body>
</html>
`;
  return page.markup;
}

/**
 * "Cost per additional outcome": each model's extra cost per outcome gained against the baseline
 * (the incremental cost-effectiveness ratio), or nothing when summary.json has none.
 */
function costEffectivenessSection(document: SummaryDocument): SafeHtml | string {
  const table = costEffectivenessTable(document);
  if (table === null) return "";
  return html`<h3 id="cost-effectiveness">Cost per additional outcome</h3>
<p>What each extra outcome costs compared with ${document.comparison ? "A, model by model" : document.baseline}: the extra cost of a model divided by the extra outcomes it achieves, both from the same replications (the incremental cost-effectiveness ratio health economists report), never the whole city's cost divided by a count. The ratio is not defined when the model's difference in that outcome is not clear (its 95% interval includes zero) or when it achieves fewer of them; the yearly totals below each ratio still show both differences. A model that is cheaper and better is marked dominant.</p>
${table}
`;
}

function runSummary(document: SummaryDocument): string {
  const runs = document.replications === 1 ? "1 replication" : `${document.replications} replications`;
  return `${runs} of ${document.horizonDays} days after ${document.warmupDays} days of warm-up · seed ${document.seed} · scenario file ${document.scenarioFile}`;
}

function figure({ chart, svg }: RenderedReportChart, number: number): SafeHtml {
  const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  const source = `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
  return html`<figure id="chart-${chart.id}">
<img src="${source}" alt="${chart.title}. ${chart.caption}"${size ? html` width="${size[1]}" height="${size[2]}"` : ""}>
<figcaption><strong>Figure ${number}.</strong> ${chart.caption} <span class="files">charts/${chart.id}.png</span></figcaption>
</figure>
`;
}

function sweepSection(sweep: SweepSection, charts: readonly RenderedReportChart[], numbered: number): SafeHtml | string {
  if (sweep.status === "absent") return "";
  if (sweep.status === "skipped") {
    return html`<section id="sweep">\n<h2>Sweep</h2>\n<p class="note">${sweep.reason}.</p>\n</section>`;
  }
  return html`<section id="sweep">
<h2>Sweep: ${sweep.parameter}</h2>
<p>The run's folder holds a sweep over ${sweep.parameter}: the scenario was run again at each value shown, on the same replication seeds.</p>
${charts.map((c, i) => figure(c, numbered + i + 1))}</section>`;
}

/** What produced these figures: resim version, input digests, overrides (absent from older summary.json files). */
function provenanceParagraph(document: SummaryDocument): SafeHtml {
  const p = document.provenance;
  if (!p) return html``;
  const inputs = p.inputs.map((i) => html`<li>${i.role} <code>${i.file}</code>: SHA-256 <code>${i.sha256}</code></li>`);
  const overrides = p.overrides.length === 0
    ? html`<p>No value was overridden: this is the scenario as written.</p>`
    : html`<p>Values overridden on the command line, in the order applied (the assumptions above show them as overridden):</p><ul>${p.overrides.map((o) => html`<li><code>${describeOverride(o)}</code>${"was" in o ? html` (was <code>${JSON.stringify(o.was)}</code>)` : html` (was the default)`}</li>`)}</ul>`;
  return html`<p>Made by resim ${p.resimVersion} from these inputs (scenario digest <code>${p.scenarioDigest}</code>):</p><ul>${inputs}</ul>${overrides}`;
}

function methodSection(document: SummaryDocument): SafeHtml {
  const baseline = document.baseline !== undefined && document.models[document.baseline] ? document.baseline : null;
  return html`<p>Each model answered the same simulated calls: ${document.replications} independent replications of ${document.horizonDays} days, after ${document.warmupDays} days of warm-up that are not counted, from seed ${document.seed}. Replication <i>r</i> of every model sees the same calls with the same random draws (common random numbers), so differences between models come from the models, not from luck in the calls.</p>
${provenanceParagraph(document)}
<p>Figures are means across replications with 95% confidence intervals (Student t). ${baseline ? html`Differences from ${document.comparison ? "the same model under A" : baseline} are paired by replication; in the key-numbers tables they are bold when their interval excludes zero, and the decision summary also asks whether they exceed a practical threshold. ` : ""}Percentiles are estimated with streaming sketches accurate to 0.5%. Costs and counts are totals over the ${document.horizonDays} measured days (${periodPhrase(document.horizonDays)}), in the scenario's currency.</p>
${document.comparison ? comparisonCaveats(document, document.comparison) : caveatsSection(document)}`;
}
