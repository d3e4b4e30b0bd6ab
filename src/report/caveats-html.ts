/**
 * The report's caveats as HTML: what the scenario switches on (a list under Assumptions) and what
 * the simulation leaves out given those switches (under Method and caveats), both written when the
 * run was made (scenario-switches.ts). A summary.json from before these were recorded gets the
 * general caveats that hold for every scenario, and a note that the scenario-specific ones are
 * missing, rather than fixed text that may be untrue of its scenario.
 */
import { html, type SafeHtml } from "./html-escape.js";
import { GENERAL_CAVEATS, type ScenarioSwitch } from "./scenario-switches.js";
import { sourceCovers } from "./assumption-sources.js";
import { describeOverride } from "../scenario/provenance.js";
import type { SummaryDocument } from "./summary-files.js";

/** "What this scenario switches on": a list, or a sentence when nothing is on. */
export function switchedOnList(document: SummaryDocument): SafeHtml | string {
  const caveats = document.caveats;
  if (!caveats) return "";
  if (caveats.switchedOn.length === 0) {
    return html`<p>This scenario switches on none of the barriers or optional features (intake misclassification, uptake below 100%, callers declining, vacancies, a hub, geography, a replay of the city's calls, frequent callers, latent demand, call processing, callers hanging up, escalation, a dispatch policy, cancellations, several units per call).</p>`;
  }
  const overrides = document.provenance?.overrides ?? [];
  // The same test as the assumptions table's marks (run-provenance.ts): the override sets this switch, a part of it, or all of it.
  const overriddenBy = (s: ScenarioSwitch) => overrides.filter((o) => sourceCovers(s.parameter, o.path) || sourceCovers(o.path, s.parameter));
  const marked = caveats.switchedOn.map((s) => ({ ...s, by: overriddenBy(s) }));
  return html`<h3 id="switched-on">What this scenario switches on</h3>
${marked.some((s) => s.by.length > 0) ? html`<p>Switches set or changed on the command line are marked.</p>\n` : ""}<ul class="switches">
${marked.map((s) => html`<li><strong>${s.label}</strong>: ${s.detail} <code>${s.parameter}</code>${s.by.length > 0 ? html`<span class="mark">overridden on the command line (${s.by.map((o, i) => html`${i > 0 ? ", " : ""}<code>${describeOverride(o)}</code>`)})</span>` : ""}</li>\n`)}</ul>`;
}


/** "What the simulation leaves out", given the scenario's switches. */
export function caveatsSection(document: SummaryDocument): SafeHtml {
  const leftOut = document.caveats?.leftOut;
  if (!leftOut) {
    return html`<p>What the simulation leaves out (this summary.json was written by an older resim, which did not record the scenario's own caveats; run it again for them):</p>
<ul>
${GENERAL_CAVEATS.map((line) => html`<li>${line}</li>\n`)}</ul>`;
  }
  return html`<p>What the simulation leaves out, given what this scenario switches on:</p>
<ul class="caveats">
${leftOut.map((line) => html`<li>${line}</li>\n`)}</ul>`;
}
