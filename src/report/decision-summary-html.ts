/**
 * The decision summary as the first section of report.html: one sentence per option, then one
 * table (measure, base level, each option's level, change with its 95% interval and verdict), the
 * thresholds that decide "no meaningful change", and what the intervals cover. Sized to fit one
 * printed page for up to three options; on a phone each row stacks (data-label attributes, see
 * report-style.ts). In a comparison of two files each option has its own base column, its A model.
 */
import type { CostEffectiveness } from "../metrics/cost-effectiveness.js";
import type { MetricSummary } from "../metrics/summarize.js";
import { DECISION_COST_RATIOS, DECISION_MEASURES, decisionSummary, list, shareAgainstCount, thresholdNotes, type DecisionCell, type DecisionRow, type DecisionSummary, type Figure } from "./decision-summary.js";
import { formatMoney } from "./format.js";
import { html, SafeHtml } from "./html-escape.js";
import { comparedWith, type SummaryDocument } from "./summary-files.js";
import { uncertaintySentence } from "./uncertainty-words.js";

/**
 * The section's content, or a sentence saying why there is nothing to compare. `withInputUncertainty`:
 * the page also has the section on uncertain inputs (its note says so).
 */
export function decisionSummarySection(document: SummaryDocument, withInputUncertainty = false): SafeHtml {
  const summary = decisionSummary(document);
  if (summary === null) {
    const baseline = document.baseline !== undefined && document.models[document.baseline] ? document.baseline : null;
    return html`<p>${baseline === null ? "This run has no baseline model, so the report shows each model's estimates without comparing them." : `Only the ${baseline} model was run, so there is nothing to compare it with; the tables and charts show its estimates.`}</p>`;
  }
  const { baseline, options } = summary;
  if (document.comparison) return comparisonSection(document, summary, withInputUncertainty);
  return html`${options.map((option) => html`<p class="option-sentence"><strong>${option}.</strong> ${summary.sentences[option]}</p>\n`)}<table class="numbers decision">
<caption>Each option against ${baseline}, a year (${summary.perYear === 1 ? "the 365 measured days" : `scaled from the ${document.horizonDays} measured days`}): the option's level, its change from ${baseline} with the 95% interval, and whether the change matters in practice.</caption>
<thead><tr><th scope="col">Measure</th><th scope="col" class="num">${baseline} (base)</th>${options.map((o) => html`<th scope="col" class="num">${o}</th>`)}</tr></thead>
<tbody>
${summary.rows.map((row) => html`<tr><th scope="row">${row.label}</th><td class="num" data-label="${baseline} (base)">${baseLevel(row)}</td>${options.map((o) => html`<td class="num" data-label="${o}">${optionCell(row, row.cells[o])}</td>`)}</tr>\n`)}${costRows(document, baseline, options)}</tbody>
</table>
${notes(document, summary, withInputUncertainty)}`;
}

/** What the intervals cover and what decides a verdict, under either table. */
function notes(document: SummaryDocument, summary: DecisionSummary, withInputUncertainty: boolean): SafeHtml {
  return html`<p class="note">${uncertaintySentence(document, withInputUncertainty)}</p>
<p class="note">A change is called <em>no meaningful change</em> when its whole 95% interval lies within a practical threshold, and <em>clear</em> when the interval excludes zero and the change is larger than the threshold; otherwise it is <em>unclear</em>. Thresholds (${document.briefing?.thresholds && Object.keys(document.briefing.thresholds).length > 0 ? "defaults, except where the scenario sets one under briefing.thresholds" : "resim's defaults; a scenario sets its own under briefing.thresholds"}): ${thresholdNotes(summary).join("; ")}. Counts of ED transports and fallbacks are their shares times the calls they are shares of, so they are approximate.</p>
`;
}

/**
 * Added to the page's style for a comparison only (a run's page keeps its bytes): its A columns
 * hold a level and its interval alone, so they may be narrower and seven columns fit the screen.
 */
export const COMPARISON_DECISION_STYLE = new SafeHtml(`@media screen {
  .decision td.num { min-width: 6.5rem; }
  .decision td.base { min-width: 4.5rem; }
  .decision thead th.num { white-space: normal; }
  .decision tbody th { min-width: 8rem; }
}
`);

/**
 * For `resim compare`: each B model is measured against the same model under A, not against one
 * baseline, so each option gets its own pair of columns (its A level, then its B level with the
 * change and verdict) and the rows add up column pair by column pair.
 */
function comparisonSection(document: SummaryDocument, summary: DecisionSummary, withInputUncertainty: boolean): SafeHtml {
  const { options } = summary;
  const a = (option: string) => comparedWith(document, option);
  const pairs = list(options.map((o) => `${o} with ${a(o)}`));
  return html`<p>Each B model is compared with the same model under A (${pairs}), on the same base calls: every change below is B's level minus its own A counterpart's.</p>
${options.map((option) => html`<p class="option-sentence"><strong>${option}.</strong> ${summary.sentences[option]}</p>
`)}<table class="numbers decision">
<caption>Each B model against the same model under A, a year (${summary.perYear === 1 ? "the 365 measured days" : `scaled from the ${document.horizonDays} measured days`}): the A model's level, the B model's level, its change from that A model with the 95% interval, and whether the change matters in practice.</caption>
<thead><tr><th scope="col">Measure</th>${options.map((o) => html`<th scope="col" class="num">${a(o)} (base)</th><th scope="col" class="num">${o}</th>`)}</tr></thead>
<tbody>
${summary.rows.map((row) => html`<tr><th scope="row">${row.label}</th>${options.map((o) => html`<td class="num base" data-label="${a(o)} (base)">${baseLevel({ ...row, base: row.cells[o].base, baseCount: row.cells[o].baseCount })}</td><td class="num" data-label="${o}">${optionCell(row, row.cells[o])}</td>`)}</tr>
`)}${costRows(document, "", options)}</tbody>
</table>
${notes(document, summary, withInputUncertainty)}`;
}

function number(raw: number, kind: DecisionRow["kind"], signed: boolean): string {
  // A change that rounds to zero reads "0.0", never "-0.0".
  const digits = kind === "minutes" ? 1 : kind === "share" ? 3 : 0;
  const value = Number(raw.toFixed(digits)) === 0 ? 0 : raw;
  const sign = signed && value > 0 ? "+" : "";
  switch (kind) {
    case "total":
      return `${sign}${Math.round(value).toLocaleString("en-US")}`;
    case "money":
      return `${sign}${formatMoney(value)}`;
    case "minutes":
      return `${sign}${value.toFixed(1)}`;
    case "share":
      return signed ? `${sign}${(value * 100).toFixed(1)} pt` : `${(value * 100).toFixed(1)}%`;
  }
}

function withInterval(f: Figure, kind: DecisionRow["kind"], signed: boolean): SafeHtml {
  return html`${number(f.mean, kind, signed)}${f.ci95 ? html`<span class="ci">${number(f.ci95[0], kind, signed)} to ${number(f.ci95[1], kind, signed)}</span>` : ""}`;
}

function count(value: number | null, signed: boolean): string {
  if (value === null) return "";
  const rounded = Math.round(value);
  return `${signed && rounded > 0 ? "+" : ""}${rounded.toLocaleString("en-US")}`;
}

function baseLevel(row: DecisionRow): SafeHtml {
  if (row.base === null) return html`<span class="na">n/a</span>`;
  // The baseline sends no call to an alternative (police-only): nothing can fall back.
  if (row.metric === "fallbackRate" && row.baseCount === 0) return html`<span class="na">none: no alternative</span>`;
  if (row.kind === "share" && row.baseCount !== null) return html`about ${count(row.baseCount, false)}<span class="ci">${number(row.base.mean, "share", false)}</span>`;
  return withInterval(row.base, row.kind, false);
}

const VERDICT_TEXT = { clear: "", none: "no meaningful change", unclear: "unclear", "n/a": "" } as const;

function optionCell(row: DecisionRow, cell: DecisionCell): SafeHtml {
  if (cell.level === null) return html`<span class="na">n/a</span>`;
  const measure = DECISION_MEASURES.find((m) => m.metric === row.metric)!;
  const level =
    row.kind === "share" && cell.levelCount !== null ? html`about ${count(cell.levelCount, false)} (${number(cell.level.mean, "share", false)})` : html`${number(cell.level.mean, row.kind, false)}`;
  if (cell.change === null) return level;
  // A larger share of fewer calls (or the reverse) says so, lest the count read as the share's direction.
  const against = shareAgainstCount(cell) ? `: a ${cell.change.mean > 0 ? "larger share of fewer" : "smaller share of more"} calls` : "";
  const countChange = row.kind === "share" && cell.changeCount !== null ? html`<span class="ci">about ${count(cell.changeCount, true)} a year${against}</span>` : "";
  let verdict: string = VERDICT_TEXT[cell.verdict];
  if (cell.verdict === "clear") {
    const up = cell.change.mean > 0;
    verdict = row.kind === "money" ? (up ? "costs more" : "saves money") : up === (measure.better === "higher") ? "clearly better" : "clearly worse";
  }
  return html`<span class="level">${level}</span><span class="change ${cell.verdict}">change ${withInterval(cell.change, row.kind, true)}</span>${countChange}${verdict ? html`<span class="verdict ${cell.verdict}">${verdict}</span>` : ""}`;
}

/** `baseline` "": a comparison of two files, where each option has its own base column. */
function costRows(document: SummaryDocument, baseline: string, options: readonly string[]): SafeHtml | string {
  if (!options.some((o) => document.models[o].costEffectiveness)) return "";
  const base = (label: string) => html`<td class="num" data-label="${label} (base)"><span class="na">—</span></td>`;
  return html`${DECISION_COST_RATIOS.map(
    (r) => html`<tr class="ratio"><th scope="row">${r.label}</th>${baseline ? base(baseline) : ""}${options.map((o) => html`${baseline ? "" : base(comparedWith(document, o))}<td class="num" data-label="${o}">${ratioCell(document.models[o].costEffectiveness?.[r.outcome])}</td>`)}</tr>\n`,
  )}`;
}

function ratioCell(c: CostEffectiveness<MetricSummary> | undefined): SafeHtml {
  if (!c) return html`<span class="na">n/a</span>`;
  if (!c.defined || c.ratio === null) return html`<span class="na">not defined: ${c.reason ?? "no ratio"}</span>`;
  const interval = c.ci95 === null ? "" : html`<span class="ci">${formatMoney(c.ci95[0])} to ${formatMoney(c.ci95[1])}</span>`;
  return html`${formatMoney(c.ratio)}${interval}${c.quadrant === "dominant" ? html`<span class="ci">dominant: cheaper and better</span>` : ""}`;
}
