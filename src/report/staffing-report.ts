/**
 * `resim report` on a `resim staff` folder: what was searched (model, shift blocks, targets,
 * budget, the rule for "met"), the answer (the cheapest roster meeting every target, its cost and
 * its figure on each target, against the scenario's own roster; the re-check on fresh seeds), a
 * chart per target of every roster's cost against its figure, and the table of rosters simulated,
 * cheapest first. Every figure is read from staffing.json. Committed like a run's report, tied to
 * staffing.json, so a later search into the folder removes it.
 */
import { join } from "node:path";
import type { MetricDefinition } from "../metrics/definitions.js";
import { commitFolder, readBasis } from "../output/folder-commit.js";
import { OutputError } from "../output/atomic-write.js";
import { formatMoney, formatValue } from "./format.js";
import { html, type SafeHtml } from "./html-escape.js";
import { pageHead } from "./page-head.js";
import { metricLabel } from "./metric-labels.js";
import { readFolderJson } from "./read-folder-json.js";
import { renderChart } from "./render-chart.js";
import { ReportInputError } from "./report-error.js";
import { staffingChartSpec, type StaffingPoint } from "./staffing-chart.js";
import { STAFFING_FILE } from "./staffing-files.js";

export { STAFFING_FILE };

type Unit = MetricDefinition["unit"];

interface Check {
  target: string;
  mean: number | null;
  ci95: [number, number] | null;
  met: boolean;
}

/** One roster as staffing.json holds it. */
export interface RosterJson {
  units: number[];
  checks: Check[];
  feasible: boolean;
  unitHoursPerDay: number;
  plannedCostPerDay: number;
  plannedStaffingCost: number;
  staffingCost: number | null;
  objective: number;
}

interface Block {
  unitType: string;
  from: string;
  to: string;
  days: string[] | null;
  zone: string | null;
  hoursPerDay: number;
  costPerHour: number;
  minUnits: number;
  maxUnits: number;
}

export interface StaffingDocument {
  scenario: string;
  scenarioFile: string;
  model: string;
  unitTypes: string[];
  blocks: Block[];
  targets: string[];
  targetDetails: { metric: string; operator: "<=" | ">="; value: number; unit: Unit | null }[];
  minimize: string;
  seed: number;
  replications: number;
  horizonDays: number;
  status: "optimal" | "unattainable" | "over-budget" | "limit";
  budget: number | null;
  fixedStaffingCostPerDay: number;
  best: RosterJson | null;
  lowerBoundPerDay: number | null;
  recheck: { seed: number; replications: number; meetsTargets: boolean; checks: Check[] } | null;
  scenarioRoster: { units: number[]; plannedCostPerDay: number };
  search: { simulated: RosterJson[]; simulations: number; ruledOut: number; limit: null | "simulations" | "rosters"; maxSimulations: number; maxRosters: number };
}

/**
 * Reads `folder/staffing.json`.
 *
 * @throws {ReportInputError} naming the file and the first field that is not as resim writes it.
 */
export function readStaffingDocument(folder: string): StaffingDocument {
  const file = join(folder, STAFFING_FILE);
  const data = readFolderJson(file, "a resim staffing search", {
    scenario: "string",
    scenarioFile: "string",
    model: "string",
    unitTypes: "array",
    blocks: "array",
    targets: "array",
    status: "string",
    seed: "number",
    replications: "number",
    horizonDays: "number",
    search: "object",
    scenarioRoster: "object",
  });
  const document = data as unknown as StaffingDocument;
  const simulated = document.search.simulated;
  if (!Array.isArray(document.targetDetails) || !Array.isArray(simulated) || simulated.some((r) => typeof r?.plannedCostPerDay !== "number" || !Array.isArray(r.checks))) {
    throw new ReportInputError(`${file} was written by an older resim, without each simulated roster's cost and figures (search.simulated): run resim staff again to report on it`);
  }
  return document;
}

/** "outreach-team 07:00-15:00 (Mon,Tue) [north]", the type left out when one type is searched. */
export function blockLabel(document: StaffingDocument, block: Block): string {
  const when = `${block.from}-${block.to}${block.days ? ` (${block.days.join(",")})` : ""}${block.zone ? ` [${block.zone}]` : ""}`;
  return document.unitTypes.length === 1 ? when : `${block.unitType} ${when}`;
}

function value(x: number | null, unit: Unit | null): string {
  if (x === null) return "n/a";
  if (unit === "minutes") return `${x.toFixed(1)} min`;
  return unit ? formatValue(x, unit) : String(Number(x.toPrecision(4)));
}

function figure(check: Check, unit: Unit | null): string {
  return `${value(check.mean, unit)}${check.ci95 ? ` (${value(check.ci95[0], unit)} to ${value(check.ci95[1], unit)})` : ""}`;
}

/** A target in words: "Eligible calls that fell back to police: at most 10.0%". */
export function targetWords(target: StaffingDocument["targetDetails"][number]): string {
  return `${metricLabel(target.metric)}: ${target.operator === "<=" ? "at most" : "at least"} ${value(target.value, target.unit)}`;
}

/** The rosters simulated, cheapest first (then by the tie-break's mean, then in the order simulated). */
export function rostersByCost(document: StaffingDocument): RosterJson[] {
  return document.search.simulated
    .map((roster, order) => ({ roster, order }))
    .sort((a, b) => a.roster.plannedCostPerDay - b.roster.plannedCostPerDay || a.roster.objective - b.roster.objective || a.order - b.order)
    .map(({ roster }) => roster);
}

const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Builds report.html and charts/ for the staffing search in `folder`; returns the paths written, report.html last.
 *
 * @throws {ReportInputError} if staffing.json is not a search's, or it changed since written.
 */
export async function writeStaffingReport(folder: string): Promise<{ files: string[]; notes: string[] }> {
  let basis;
  try {
    basis = readBasis(folder, [STAFFING_FILE]);
  } catch (error) {
    if (error instanceof OutputError) throw new ReportInputError(error.message);
    throw error;
  }
  if (basis.problems.length > 0) {
    const problems = basis.problems.map(({ file, problem }) => `${file}: ${problem}`);
    throw new ReportInputError(`${problems.join("\n")}\n${folder} changed after resim wrote it, or was copied incompletely: run the staffing search again (resim staff ... --out ${folder})`);
  }
  const document = readStaffingDocument(folder);
  const files = new Map<string, string | Uint8Array>();
  const figures: SafeHtml[] = [];
  for (const [i, target] of document.targetDetails.entries()) {
    const points: StaffingPoint[] = document.search.simulated
      .filter((r) => r.checks[i]?.mean !== null && r.checks[i]?.mean !== undefined)
      .map((r) => {
        const check = r.checks[i];
        return { roster: `[${r.units.join(", ")}]`, costPerDay: r.plannedCostPerDay, mean: check.mean!, low: check.ci95?.[0] ?? check.mean!, high: check.ci95?.[1] ?? check.mean!, meetsAll: r.feasible, chosen: document.best !== null && same(r.units, document.best.units) };
      });
    if (points.length === 0) continue;
    const id = `staffing-target-${i + 1}`;
    const spec = staffingChartSpec(points, { label: metricLabel(target.metric), unit: target.unit ?? "", target: target.value, targetText: targetWords(target) });
    const { svg, png } = await renderChart(spec as never);
    files.set(`charts/${id}.vl.json`, JSON.stringify(spec, null, 2) + "\n");
    files.set(`charts/${id}.svg`, svg);
    files.set(`charts/${id}.png`, png);
    const caption = `Every roster simulated: its planned staffing cost a day against its ${metricLabel(target.metric).replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase())} (mean and 95% interval over ${document.replications} replications), against the target (${targetWords(target)}). A roster meets a target only when its whole interval is on the right side of the line.`;
    const source = `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
    figures.push(html`<figure id="chart-${id}">
<img src="${source}" alt="${caption}">
<figcaption><strong>Figure ${figures.length + 1}.</strong> ${caption} <span class="files">charts/${id}.png</span></figcaption>
</figure>
`);
  }
  files.set("report.html", staffingPage(document, figures));
  const written = commitFolder(folder, files, { set: "report", builtFrom: basis.builtFrom });
  return { files: written, notes: [] };
}

function answerSentence(document: StaffingDocument): string {
  const budget = document.budget === null ? "" : ` within the staffing budget of ${formatMoney(document.budget)}`;
  switch (document.status) {
    case "optimal":
      return `The cheapest roster${budget} that meets every target is below. Every cheaper roster was simulated and failed, or holds no more units in any block than one that failed (so it fails too, if more units never make a target worse).`;
    case "limit":
      return document.best
        ? `The search stopped at its limit (${document.search.limit === "rosters" ? `${document.search.maxRosters} rosters` : `${document.search.maxSimulations} simulations`}) before proving the cheapest: the roster below is the cheapest found that meets every target; every roster whose searched blocks cost less than ${formatMoney(document.lowerBoundPerDay ?? 0)} a day fails.`
        : `The search stopped at its limit before finding a roster that meets every target; every roster whose searched blocks cost less than ${formatMoney(document.lowerBoundPerDay ?? 0)} a day fails.`;
    case "unattainable":
      return "No roster within the limits meets every target: even the largest roster allowed (the most units in every block) fails one.";
    case "over-budget":
      return `No roster${budget} meets every target.`;
  }
}

function staffingPage(document: StaffingDocument, figures: readonly SafeHtml[]): string {
  const types = document.unitTypes.join(" and ");
  const best = document.best;
  const targets = document.targetDetails;
  return html`${pageHead(`${document.scenario}: staffing search`)}<header>
<p class="kicker">Staffing search</p>
<h1>${document.scenario}: the cheapest ${types} roster in ${document.model} that meets every target</h1>
<p class="meta">${document.replications} replications of ${document.horizonDays} days per roster · seed ${document.seed} · scenario file ${document.scenarioFile}</p>
</header>
<main>
<section id="question">
<h2>What was searched</h2>
<p>The number of ${types} units on duty in each shift block of ${document.model} (the shift times stay as in the scenario), from the fewest to the most allowed, for the roster with the lowest planned staffing cost (paid hours times the cost per hour) that meets every target:</p>
<ul>${targets.map((t, i) => html`<li>${targetWords(t)} <code>${document.targets[i]}</code></li>`)}</ul>
<p>A target counts as met only when its whole 95% interval over the ${document.replications} replications is on the right side.${document.budget === null ? "" : ` The model's planned staffing over the ${document.horizonDays} measured days may cost at most ${formatMoney(document.budget)}.`} Every roster runs on the same calls (the same seeds).</p>
${blocksTable(document)}</section>
<section id="answer">
<h2>Cheapest roster found</h2>
<p>${answerSentence(document)}</p>
${best ? bestTable(document, best) : ""}${document.recheck ? html`<p>Run again on fresh seeds (seed ${document.recheck.seed}, ${document.recheck.replications} replications), it ${document.recheck.meetsTargets ? "still meets every target." : "does not meet every target: it may only just pass on the search's seeds; search again with more replications or days."}</p>\n` : ""}<p class="note">${document.search.simulations} ${document.search.simulations === 1 ? "roster" : "rosters"} simulated; ${document.search.ruledOut} more ruled out without simulating (a roster that failed held at least as many units in every block).</p>
</section>
${figures.length > 0 ? html`<section id="charts">\n<h2>Cost against the targets</h2>\n${figures}</section>\n` : ""}<section id="rosters">
<h2>Rosters simulated</h2>
${rostersTable(document)}</section>
</main>
<footer><p>Made by resim from the search's staffing.json. The same search always gives this same page.</p></footer>
</body>
</html>
`.markup;
}

function blocksTable(document: StaffingDocument): SafeHtml {
  return html`<table class="numbers">
<caption>The shift blocks searched: paid hours of one unit a day (averaged over the week), its cost per hour, and the units allowed.</caption>
<thead><tr><th scope="col">Shift block</th><th scope="col" class="num">Hours a day</th><th scope="col" class="num">Cost per hour</th><th scope="col" class="num">Units allowed</th><th scope="col" class="num">Scenario's roster</th></tr></thead>
<tbody>
${document.blocks.map((b, i) => html`<tr><th scope="row">${blockLabel(document, b)}</th><td class="num">${b.hoursPerDay}</td><td class="num">${formatMoney(b.costPerHour)}</td><td class="num">${b.minUnits} to ${b.maxUnits}</td><td class="num">${document.scenarioRoster.units[i]}</td></tr>\n`)}</tbody>
</table>
`;
}

function bestTable(document: StaffingDocument, best: RosterJson): SafeHtml {
  const targets = document.targetDetails;
  const saving = document.scenarioRoster.plannedCostPerDay - best.plannedCostPerDay;
  const compared = same(best.units, document.scenarioRoster.units)
    ? "It is the scenario's own roster."
    : `The scenario's own roster costs ${formatMoney(document.scenarioRoster.plannedCostPerDay)} a day: this one ${saving >= 0 ? `saves ${formatMoney(saving)}` : `costs ${formatMoney(-saving)} more`} a day.`;
  return html`<table class="numbers" id="best">
<caption>The roster chosen: units on duty in each block, its cost and its figure on each target (mean, with the 95% interval).</caption>
<tbody>
${document.blocks.map((b, i) => html`<tr><th scope="row">${blockLabel(document, b)}</th><td class="num">${best.units[i]} ${best.units[i] === 1 ? "unit" : "units"}</td></tr>\n`)}<tr><th scope="row">Planned cost of the searched blocks</th><td class="num">${formatMoney(best.plannedCostPerDay)} a day (${best.unitHoursPerDay} unit-hours)</td></tr>
<tr><th scope="row">The model's planned staffing over ${document.horizonDays} days</th><td class="num">${formatMoney(best.plannedStaffingCost)}</td></tr>
${best.staffingCost === null ? "" : html`<tr><th scope="row">Simulated staffing cost, overtime included</th><td class="num">${formatMoney(best.staffingCost)}</td></tr>\n`}${targets.map((t, i) => html`<tr><th scope="row">${metricLabel(t.metric)}</th><td class="num">${figure(best.checks[i], t.unit)}: ${best.checks[i].met ? "target met" : "target not met"}</td></tr>\n`)}</tbody>
</table>
<p>${compared}</p>
`;
}

function rostersTable(document: StaffingDocument): SafeHtml {
  const targets = document.targetDetails;
  const best = document.best;
  return html`<table class="numbers" id="roster-table">
<caption>Every roster simulated, cheapest first: units in each block, planned cost of the searched blocks a day, and its figure on each target (mean, with the 95% interval).</caption>
<thead><tr>${document.blocks.map((b) => html`<th scope="col" class="num">${blockLabel(document, b)}</th>`)}<th scope="col" class="num">Cost a day</th>${targets.map((t) => html`<th scope="col" class="num">${metricLabel(t.metric)}</th>`)}<th scope="col">Meets every target</th></tr></thead>
<tbody>
${rostersByCost(document).map((r) => html`<tr${best && same(r.units, best.units) ? html` class="chosen"` : ""}>${r.units.map((u) => html`<td class="num">${u}</td>`)}<td class="num">${formatMoney(r.plannedCostPerDay)}</td>${targets.map((t, i) => html`<td class="num">${figure(r.checks[i], t.unit)}</td>`)}<td>${r.feasible ? "yes" : "no"}${best && same(r.units, best.units) ? " (chosen)" : ""}</td></tr>\n`)}</tbody>
</table>
`;
}
