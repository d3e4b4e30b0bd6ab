/**
 * The report's tables as HTML: the comparison (each model's estimates with 95% intervals, then
 * each model's paired difference from the baseline, bold where the interval excludes zero) and the
 * assumptions (the scenario's key parameters with their sources). Every value from the scenario
 * or summary.json is escaped by the `html` template.
 */
import type { CostEffectiveness } from "../metrics/cost-effectiveness.js";
import type { MetricDefinition } from "../metrics/definitions.js";
import type { MetricSummary } from "../metrics/summarize.js";
import { formatCountAYear, shareCountAYear, shareCountChangeAYear } from "./counts-a-year.js";
import { formatMoney, formatValue } from "./format.js";
import { excludesZero } from "./headline.js";
import { html, type SafeHtml } from "./html-escape.js";
import { perPeriod } from "./period.js";
import { overrideNotes } from "./run-provenance.js";
import { comparedWith, type SummaryDocument } from "./summary-files.js";

/** Rows of the comparison table: metric and its label in plain words. Utilization rows follow, per unit type. */
export const REPORT_TABLE_ROWS: readonly { metric: string; label: string }[] = [
  { metric: "calls", label: "Calls received" },
  { metric: "bhCalls", label: "Calls with a behavioral-health (BH) need" },
  { metric: "responseMin.mean", label: "Response time, mean (minutes)" },
  { metric: "responseMin.p90", label: "Response time, 90th percentile (minutes)" },
  { metric: "responseMin.p90.priority1", label: "Priority-1 response, 90th percentile (minutes)" },
  { metric: "priority1WithinTargetRate", label: "Priority-1 calls reached within the target" },
  { metric: "responseMin.p90.behavioralHealth", label: "BH response, 90th percentile (minutes)" },
  { metric: "answeredWithoutPoliceRate", label: "BH calls answered without police (no sworn officer attended)" },
  { metric: "noArrestEdHoldRate", label: "BH calls answered and ended without arrest, ED transport or hold" },
  { metric: "arrestRate", label: "BH calls ending in arrest" },
  { metric: "edRate", label: "BH calls ending in ED transport" },
  { metric: "holdRate", label: "BH calls ending in an involuntary hold" },
  { metric: "alternativeShare", label: "Eligible calls answered by the alternative (team on scene or hub by phone)" },
  { metric: "fallbackRate", label: "Eligible calls that fell back to police" },
  { metric: "abandonedRate.behavioralHealth", label: "BH calls abandoned (caller hung up before a unit or the hub answered)" },
  { metric: "officerHoursBH", label: "Officer hours on BH calls" },
  { metric: "cost.staffing", label: "Staffing cost" },
  { metric: "cost.outcomes", label: "Outcome cost (bookings, ED, holds, transports)" },
  { metric: "cost.total", label: "Total cost" },
];

interface Row {
  metric: string;
  label: string;
  unit: MetricDefinition["unit"];
}

function tableRows(document: SummaryDocument): Row[] {
  const period = perPeriod(document.horizonDays);
  const rows: Row[] = REPORT_TABLE_ROWS.filter((row) => document.metrics[row.metric]).map((row) => ({
    ...row,
    // Totals over the measured period say which period; rates and times need no such note.
    label: ["calls", "bhCalls", "officerHoursBH", "cost.staffing", "cost.outcomes", "cost.total"].includes(row.metric) ? `${row.label}, ${period}` : row.label,
    unit: unitOf(document, row.metric),
  }));
  for (const metric of Object.keys(document.metrics)) {
    if (/^utilization\.[^.]+$/.test(metric)) rows.push({ metric, label: `Utilization of ${metric.slice("utilization.".length)} units (busy share of on-duty time)`, unit: "share" });
  }
  // Call time and outreach time apart: an outreach team's on-duty hours not spent on calls.
  for (const metric of Object.keys(document.metrics)) {
    if (!/^outreachHours\.[^.]+$/.test(metric)) continue;
    if (!Object.values(document.models).some((m) => (m.metrics[metric]?.mean ?? 0) > 0)) continue;
    rows.push({ metric, label: `Hours ${metric.slice("outreachHours.".length)} teams spent on outreach and follow-ups rather than calls, ${period}`, unit: "hours" });
  }
  return rows;
}

function unitOf(document: SummaryDocument, metric: string): MetricDefinition["unit"] {
  const unit = document.metrics[metric]?.unit;
  return unit === "minutes" || unit === "share" || unit === "hours" || unit === "currency" ? unit : "calls";
}

/** A figure, then (for a share whose calls are counted) the count a year it stands for, then its interval. */
function interval(summary: MetricSummary | undefined, unit: MetricDefinition["unit"], signed: boolean, count: number | null = null): SafeHtml {
  if (!summary || summary.mean === null) return html`<span class="na">n/a</span>`;
  const value = formatValue(summary.mean, unit, signed);
  const perYear = count === null ? "" : html`<span class="count">${signed ? "about " : ""}${formatCountAYear(count, signed)}</span>`;
  if (summary.ci95 === null) return html`${value}${perYear}`;
  return html`${value}${perYear}<span class="ci">${formatValue(summary.ci95[0], unit, signed)} to ${formatValue(summary.ci95[1], unit, signed)}</span>`;
}

/** The comparison tables: estimates for every model, then differences from the baseline (if there is one). */
export function comparisonTables(document: SummaryDocument): SafeHtml {
  const models = Object.keys(document.models);
  const rows = tableRows(document);
  const baseline = document.baseline !== undefined && document.models[document.baseline] ? document.baseline : null;
  // In a comparison of two files (resim compare) only B's models have differences, each from its A counterpart.
  const others = models.filter((model) => model !== baseline && (!document.comparison || document.comparison.pairs[model]));
  const estimates = html`<table class="numbers">
<caption>Estimates: mean across replications; below it, for a share of calls, the count a year it stands for (the share of the mean count of those calls), then the 95% confidence interval</caption>
<thead><tr><th scope="col">Measure</th>${models.map((model) => html`<th scope="col" class="num">${model}</th>`)}</tr></thead>
<tbody>
${rows.map((row) => html`<tr><th scope="row">${row.label}</th>${models.map((model) => {
    const metrics = document.models[model].metrics;
    return html`<td class="num" data-label="${model}">${interval(metrics[row.metric], row.unit, false, shareCountAYear(metrics, row.metric, document.horizonDays))}</td>`;
  })}</tr>\n`)}</tbody>
</table>`;
  if (baseline === null || others.length === 0) return estimates;
  const differences = html`<table class="numbers differences">
<caption>Difference from ${document.comparison ? "A" : baseline} (paired by replication). <strong>Bold</strong>: the 95% interval excludes zero, a clear difference; grey: it includes zero, no clear difference. Percentages differ in percentage points (pt); beside them, about how many calls a year that is.${document.comparison ? " Where B has more or fewer of the calls a share is of (its demand or intake differs), the share and the count can move in opposite directions: a share up with a count down is a larger share of fewer calls." : ""}</caption>
<thead><tr><th scope="col">Measure</th>${others.map((model) => html`<th scope="col" class="num">${model} − ${comparedWith(document, model)}</th>`)}</tr></thead>
<tbody>
${rows.map((row) => html`<tr><th scope="row">${row.label}</th>${others.map((model) => {
    const difference = document.models[model].vsBaseline?.[row.metric];
    const count = shareCountChangeAYear(document.models[model].metrics, document.models[comparedWith(document, model)].metrics, row.metric, document.horizonDays);
    return html`<td class="num ${excludesZero(difference) ? "clear" : "unclear"}" data-label="${model} − ${comparedWith(document, model)}">${interval(difference, row.unit, true, count)}</td>`;
  })}</tr>\n`)}</tbody>
</table>`;
  return html`${estimates}\n${differences}`;
}

/** Rows of the cost-effectiveness table: outcome key in summary.json, label, and what one outcome is called in the totals. */
export const COST_EFFECTIVENESS_ROWS: readonly { outcome: string; label: string; noun: string }[] = [
  { outcome: "perNoArrestEdHoldCall", label: "Per additional BH call ended without arrest, ED transport or hold", noun: "calls" },
  { outcome: "perCallAnsweredWithoutPolice", label: "Per additional BH call answered without police", noun: "calls" },
  { outcome: "perArrestAvoided", label: "Per arrest avoided", noun: "arrests avoided" },
  { outcome: "perOfficerHourFreed", label: "Per officer-hour freed from BH calls", noun: "officer-hours" },
];

/** One cell: numbers are right-aligned; a "not defined" reason is text, left to wrap. */
function costEffectivenessCell(c: CostEffectiveness<MetricSummary> | undefined, noun: string, label: string): SafeHtml {
  if (!c) return html`<td class="num" data-label="${label}"><span class="na">n/a</span></td>`;
  const cost = c.incrementalCostPerYear.mean;
  const gain = c.additionalOutcomesPerYear.mean;
  const totals =
    cost === null || gain === null ? "" : html`<span class="ci">${formatValue(cost, "currency", true)} / ${formatValue(gain, c.outcomeUnit, true)} ${noun} a year</span>`;
  if (!c.defined || c.ratio === null) return html`<td data-label="${label}"><span class="na">not defined: ${c.reason ?? "no ratio"}</span>${totals}</td>`;
  const interval = c.ci95 === null ? "" : html`<span class="ci">${formatMoney(c.ci95[0])} to ${formatMoney(c.ci95[1])}</span>`;
  const dominant = c.quadrant === "dominant" ? html`<span class="ci">dominant: cheaper and better</span>` : "";
  return html`<td class="num" data-label="${label}">${formatMoney(c.ratio)}${interval}${dominant}${totals}</td>`;
}

/**
 * The cost per additional outcome against the baseline (incremental cost-effectiveness ratio,
 * with Fieller's 95% interval and the per-year totals it divides), or null when no model has one
 * (no baseline, or a summary.json written before these were computed).
 */
export function costEffectivenessTable(document: SummaryDocument): SafeHtml | null {
  const baseline = document.baseline !== undefined && document.models[document.baseline] ? document.baseline : null;
  if (baseline === null) return null;
  const models = Object.keys(document.models).filter((model) => model !== baseline && document.models[model].costEffectiveness);
  if (models.length === 0) return null;
  return html`<table class="numbers cost-effectiveness">
<caption>Extra cost per additional outcome against ${document.comparison ? "A" : baseline}: the mean extra cost divided by the mean additional outcomes, paired by replication, with its 95% interval (Fieller's method) below, then the extra cost and additional outcomes a year it divides. Negative: a saving per additional outcome.</caption>
<thead><tr><th scope="col">Cost per additional outcome</th>${models.map((model) => html`<th scope="col" class="num">${model} vs ${comparedWith(document, model)}</th>`)}</tr></thead>
<tbody>
${COST_EFFECTIVENESS_ROWS.map((row) => html`<tr><th scope="row">${row.label}</th>${models.map((model) => costEffectivenessCell(document.models[model].costEffectiveness?.[row.outcome], row.noun, `${model} vs ${comparedWith(document, model)}`))}</tr>\n`)}</tbody>
</table>`;
}

/** The assumptions table, or a note when summary.json predates the assumptions list. */
export function assumptionsTable(document: SummaryDocument): SafeHtml {
  const assumptions = document.assumptions;
  if (!assumptions || assumptions.length === 0) {
    return html`<p>This run's summary.json does not list the scenario's parameters (it was written by an older resim); they are in the scenario file, ${document.scenarioFile}.</p>`;
  }
  return html`<table class="assumptions">
<thead><tr><th scope="col">Parameter</th><th scope="col">Value</th><th scope="col">Source given in the scenario</th></tr></thead>
<tbody>
${assumptions.map((a) => html`<tr><th scope="row">${a.label}<code>${a.parameter}</code></th><td data-label="Value">${a.value}${a.overriddenBy ? html`<span class="mark">overridden on the command line</span>` : ""}${a.setByExtends ? html`<span class="mark">${a.setByExtends}</span>` : ""}</td><td data-label="Source given in the scenario">${a.overriddenBy ? overrideNotes(a).map((note) => html`<p class="overridden">${note}</p>`) : a.sources.length === 0 ? html`<span class="na">none given</span>` : a.sources.map((source) => html`<p>${source.key === a.parameter ? "" : html`<code>${source.key.startsWith(a.parameter + ".") ? source.key.slice(a.parameter.length + 1) : source.key}</code> `}${source.text}</p>`)}</td></tr>\n`)}</tbody>
</table>`;
}
