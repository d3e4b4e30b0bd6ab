/**
 * The "Uncertain inputs" section of a report, from an uncertainty analysis's uncertainty.json:
 * which inputs were uncertain and how each was drawn, what the ranges cover (one sentence), one
 * sentence per option, the probability that each option beats the baseline on the key measures
 * and that it is cost-effective at the prices asked for, the acceptability curves, the tornadoes
 * and what moves each result most. Used by the uncertainty folder's own page and, when a run's
 * folder also holds an analysis of its scenario, by the run's report. Every figure is read from
 * the file; nothing is recomputed from the draws.
 */
import { KEY_OUTCOMES } from "../metrics/metric-direction.js";
import { COST_EFFECTIVENESS_OUTCOMES } from "../metrics/cost-effectiveness.js";
import { formatMoney, formatValue } from "./format.js";
import { html, type SafeHtml } from "./html-escape.js";
import { metricLabel, parameterLabel } from "./metric-labels.js";
import { uncertaintyOptions, type UncertaintyDocument } from "./uncertainty-document.js";
import type { UncertaintyTornado } from "./uncertainty-tornado.js";

/** A chart of the section, rendered. */
export interface UncertaintyFigure {
  id: string;
  svg: string;
  caption: string;
  alt: string;
}

/** Short names of the CEAC outcomes, after "per": "$5,000 per arrest avoided". */
const OUTCOME_WORDS: Record<string, string> = {
  perNoArrestEdHoldCall: "BH call ended without arrest, ED transport or hold",
  perCallAnsweredWithoutPolice: "BH call answered without police",
  perArrestAvoided: "arrest avoided",
  perOfficerHourFreed: "officer-hour freed",
};

/** What "better" means for the measures of the option sentences: "it PHRASE in N% of them". */
const BETTER_PHRASE: Record<string, string> = {
  answeredWithoutPoliceRate: "answered a larger share of BH calls without police",
  arrestRate: "ended a smaller share of BH calls in arrest",
  "responseMin.p90.priority1": "reached priority-1 calls sooner (90th percentile)",
  "cost.total": "cost less",
};

export const percent = (p: number | null | undefined): string => (p === null || p === undefined ? "n/a" : `${Math.round(p * 100)}%`);

export function outcomeWords(key: string): string {
  return OUTCOME_WORDS[key] ?? COST_EFFECTIVENESS_OUTCOMES.find((o) => o.key === key)?.outcome ?? key;
}

/** The key measures the file has, in the terminal table's order. */
export function keyMeasures(document: UncertaintyDocument): string[] {
  const base = document.summary[document.baseline].metrics;
  return KEY_OUTCOMES.filter((metric) => base[metric] !== undefined);
}

/** The prices the section shows: those asked for, else (older files) a few of the grid. */
export function shownPrices(document: UncertaintyDocument): number[] {
  if (document.wtpShown && document.wtpShown.length > 0) return document.wtpShown;
  return [1_000, 5_000, 20_000].filter((w) => document.wtp.includes(w));
}

/** What the ranges cover, in one sentence a council member can repeat. */
export function rangeSentence(document: UncertaintyDocument): string {
  return `Each figure here is the average over ${document.draws} draws, with the range that holds 95% of them (2.5th to 97.5th percentile). Each draw sets every uncertain input at once to a value from its range and simulates ${document.horizonDays} ${document.horizonDays === 1 ? "day" : "days"} of calls, so the ranges cover both what is not known about those inputs and the simulation's own chance variation; each option's difference from ${document.baseline} is taken within a draw, on the same inputs and calls. Inputs not listed are taken as certain.`;
}

/** One sentence per option: how often it beat the baseline on the headline measures, and cost-effectiveness at the middle price. */
export function optionSentence(document: UncertaintyDocument, option: string): string {
  const differences = document.summary[option].vsBaseline ?? {};
  const parts = Object.keys(BETTER_PHRASE)
    .filter((metric) => differences[metric]?.pBetter !== null && differences[metric]?.pBetter !== undefined)
    .map((metric, i) => `${BETTER_PHRASE[metric]} in ${percent(differences[metric].pBetter)}${i === 0 ? " of them" : ""}`);
  const prices = shownPrices(document);
  const price = prices[Math.floor((prices.length - 1) / 2)];
  const curve = (document.summary[option].ceac ?? []).find((c) => c.outcome === "perArrestAvoided") ?? document.summary[option].ceac?.[0];
  const point = curve?.points.find((p) => p.wtp === price);
  const ce = curve && point ? ` Valuing each ${outcomeWords(curve.outcome)} at ${formatMoney(price)}, it was cost-effective in ${percent(point.pCostEffective)} of draws.` : "";
  const lead = `Against ${document.baseline}, over the ${document.draws} draws of the uncertain inputs, it `;
  const list = parts.length < 2 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  return parts.length === 0 ? `No measure with a better direction was recorded against ${document.baseline}.${ce}` : `${lead}${list}.${ce}`;
}

function inputValue(x: number | undefined): string {
  return x === undefined ? "" : Number(x.toPrecision(6)).toLocaleString("en-US", { maximumFractionDigits: 6 });
}

function howDrawn(input: UncertaintyDocument["inputs"][number]): string {
  if (input.dist === "triangular") return `triangular, most likely ${inputValue(input.mode)}`;
  if (input.dist === "beta") return `beta (alpha ${inputValue(input.alpha)}, beta ${inputValue(input.beta)}), kept within the range`;
  return "any value in the range equally likely";
}

function inputsTable(document: UncertaintyDocument): SafeHtml {
  return html`<table class="numbers">
<caption>The uncertain inputs: each draw takes a value of every one of them at once.</caption>
<thead><tr><th scope="col">Input</th><th scope="col" class="num">Low</th><th scope="col" class="num">High</th><th scope="col">How drawn</th><th scope="col">Source</th></tr></thead>
<tbody>
${document.inputs.map((input) => html`<tr><th scope="row">${parameterLabel(input.path)}${parameterLabel(input.path) === input.path ? "" : html`<br><code>${input.path}</code>`}</th><td class="num">${inputValue(input.low)}</td><td class="num">${inputValue(input.high)}</td><td>${howDrawn(input)}</td><td>${input.source ?? ""}</td></tr>\n`)}</tbody>
</table>
`;
}

type Unit = UncertaintyDocument["units"][string];

/** A figure in its unit, minutes named (the tables mix minutes, shares, counts and money). */
export function amount(x: number | null, unit: Unit, signed = false): string {
  const text = formatValue(x, unit, signed);
  return unit === "minutes" && x !== null ? `${text} min` : text;
}

function range(r: [number, number] | null, unit: Unit, signed: boolean): string {
  return r === null ? "" : ` (${amount(r[0], unit, signed)} to ${amount(r[1], unit, signed)})`;
}

function betterTable(document: UncertaintyDocument, options: readonly string[]): SafeHtml {
  return html`<table class="numbers" id="p-better">
<caption>Each option against ${document.baseline}: the average difference over the draws (95% of draws within the range shown) and the probability it is better, the share of draws in which it did strictly better than ${document.baseline}.</caption>
<thead><tr><th scope="col">Measure</th>${options.map((o) => html`<th scope="col" class="num">${o}: difference</th><th scope="col" class="num">${o}: probability better</th>`)}</tr></thead>
<tbody>
${keyMeasures(document).map((metric) => {
  const unit = document.units[metric];
  return html`<tr><th scope="row">${metricLabel(metric)}</th>${options.map((o) => {
    const d = document.summary[o].vsBaseline?.[metric];
    return d ? html`<td class="num">${amount(d.mean, unit, true)}${range(d.range95, unit, true)}</td><td class="num">${percent(d.pBetter)}</td>` : html`<td class="num">n/a</td><td class="num">n/a</td>`;
  })}</tr>\n`;
})}</tbody>
</table>
`;
}

function costEffectiveTable(document: UncertaintyDocument, options: readonly string[]): SafeHtml | string {
  const outcomes = [...new Set(options.flatMap((o) => (document.summary[o].ceac ?? []).map((c) => c.outcome)))];
  if (outcomes.length === 0) return "";
  const prices = shownPrices(document);
  return html`<table class="numbers" id="p-cost-effective">
<caption>The probability each option is cost-effective against ${document.baseline} at the stated willingness to pay per outcome: the share of draws in which the extra outcomes, valued at that price, are worth more than the extra cost (both over the ${document.horizonDays} measured days).</caption>
<thead><tr><th scope="col">Willingness to pay</th>${options.map((o) => html`<th scope="col" class="num">${o}</th>`)}</tr></thead>
<tbody>
${outcomes.flatMap((outcome) =>
  prices.map((price) => html`<tr><th scope="row">${formatMoney(price)} per ${outcomeWords(outcome)}</th>${options.map((o) => {
    const point = (document.summary[o].ceac ?? []).find((c) => c.outcome === outcome)?.points.find((p) => p.wtp === price);
    return html`<td class="num">${percent(point?.pCostEffective)}</td>`;
  })}</tr>\n`),
)}</tbody>
</table>
`;
}

function swingText(tornado: UncertaintyTornado, document: UncertaintyDocument): string {
  const top = tornado.rows[0];
  if (!top || top.swing === null || top.swing === 0) return "none moves it";
  const unit = document.units[tornado.metric];
  const size = unit === "share" ? `${(top.swing * 100).toFixed(1)} pt` : amount(top.swing, unit);
  return `${parameterLabel(top.input)} (moves it by ${size})`;
}

function driversTable(document: UncertaintyDocument, options: readonly string[]): SafeHtml | string {
  const tornadoes = document.tornado ?? [];
  if (tornadoes.length === 0) return html`<p class="note">This analysis was written by an older resim, without the tornado of its inputs: run resim uncertainty again to add it.</p>\n`;
  const metrics = keyMeasures(document).filter((m) => tornadoes.some((t) => t.metric === m));
  const third = tornadoes[0].drawsPerEnd;
  return html`<table class="numbers" id="drivers">
<caption>The input that moves each difference from ${document.baseline} most: the gap between its average over the ${third === 1 ? "draw" : `${third} draws`} with that input lowest and the ${third === 1 ? "draw" : `${third} draws`} with it highest (uncertainty-tornado.csv ranks every input).</caption>
<thead><tr><th scope="col">Measure</th>${options.map((o) => html`<th scope="col">${o}</th>`)}</tr></thead>
<tbody>
${metrics.map((metric) => html`<tr><th scope="row">${metricLabel(metric)}</th>${options.map((o) => {
  const t = tornadoes.find((x) => x.model === o && x.metric === metric);
  return html`<td>${t ? swingText(t, document) : "n/a"}</td>`;
})}</tr>\n`)}</tbody>
</table>
`;
}

/** The caption of a chart of the section. */
export function uncertaintyCaption(document: UncertaintyDocument, tornado: UncertaintyTornado | null): string {
  if (tornado === null) {
    return `The probability that each option is cost-effective against ${document.baseline}, by what one would pay per outcome (one panel per outcome): the share of the ${document.draws} draws in which the extra outcomes, valued at that price, are worth more than the extra cost.`;
  }
  return `The inputs that move ${tornado.model}'s difference from ${document.baseline} in ${metricLabel(tornado.metric).replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase())} most: each bar runs from the average difference over the draws with that input lowest to the draws with it highest; the line is the average over all draws.`;
}

function figureHtml(figure: UncertaintyFigure, number: number): SafeHtml {
  const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(figure.svg);
  const source = `data:image/svg+xml;base64,${Buffer.from(figure.svg, "utf8").toString("base64")}`;
  return html`<figure id="chart-${figure.id}">
<img src="${source}" alt="${figure.alt}"${size ? html` width="${size[1]}" height="${size[2]}"` : ""}>
<figcaption><strong>Figure ${number}.</strong> ${figure.caption} <span class="files">charts/${figure.id}.png</span></figcaption>
</figure>
`;
}

/**
 * The section (an h2 and its parts); figures are numbered from `firstFigure`. `inRun`: the section
 * follows a run's results, which take the inputs as given.
 */
export function uncertaintySection(document: UncertaintyDocument, figures: readonly UncertaintyFigure[], firstFigure = 1, inRun = false): SafeHtml {
  const options = uncertaintyOptions(document);
  const ceac = figures.filter((f) => f.id === "uncertainty-ceac");
  const tornadoes = figures.filter((f) => f.id !== "uncertainty-ceac");
  const numbered = (list: readonly UncertaintyFigure[], offset: number) => list.map((f, i) => figureHtml(f, firstFigure + offset + i));
  return html`<section id="uncertainty">
<h2>Uncertain inputs</h2>
<p>${inRun ? "The other sections take the scenario's inputs as given. " : ""}An uncertainty analysis of ${document.scenario} (resim uncertainty, ${document.draws} draws, seed ${document.seed}) ran ${options.length === 0 ? document.baseline : "every option"}${inRun ? " again" : ""} with ${document.inputs.length} ${document.inputs.length === 1 ? "input" : "inputs"} drawn from their plausible ranges, all at once.</p>
<p class="note">${rangeSentence(document)}</p>
${inputsTable(document)}${options.length === 0 ? html`<p>Only ${document.baseline} was run, so there is nothing to compare it with.</p>\n` : html`${options.map((o) => html`<p class="option-sentence"><strong>${o}.</strong> ${optionSentence(document, o)}</p>\n`)}<h3>Probability each option is better</h3>
${betterTable(document, options)}<h3>Probability each option is cost-effective</h3>
${costEffectiveTable(document, options)}${numbered(ceac, 0)}<h3>Which inputs move the result most</h3>
${driversTable(document, options)}${numbered(tornadoes, ceac.length)}`}</section>
`;
}
