/**
 * `resim compare A B --report` end to end on Riverton against Riverton with its barriers (two
 * replications of five days): the decision summary's base levels and the switches of both files,
 * checked against the compare folder's own summary.json.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SummaryDocument } from "../../src/report/summary-files.js";
import { resim } from "../helpers/cli.js";

const folder = mkdtempSync(join(tmpdir(), "resim-compare-report-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let page = "";
let summary: SummaryDocument;
beforeAll(async () => {
  const out = join(folder, "c");
  const run = await resim("compare", "scenarios/riverton.yaml", "scenarios/riverton-barriers.yaml", "--replications", "2", "--days", "5", "--quiet", "--out", out, "--report");
  expect([run.code, run.stderr]).toEqual([0, ""]);
  page = readFileSync(join(out, "report.html"), "utf8");
  summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
}, 120_000);

/** The text of the cell with this data-label in the decision table's row `label`. */
function decisionCell(label: string, dataLabel: string): string {
  const decision = page.slice(page.indexOf('<section id="decision">'), page.indexOf('<section id="comparison">'));
  const row = decision.split("\n").find((line) => line.startsWith(`<tr><th scope="row">${label}</th>`));
  expect(row, label).toBeDefined();
  const cell = new RegExp(`<td class="num(?: base)?" data-label="${dataLabel.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}">(.*?)</td>`).exec(row!);
  expect(cell, `${label} / ${dataLabel}`).not.toBeNull();
  return cell![1];
}

describe("resim compare --report", () => {
  it("shows in each decision row the level of each option's own A model, computed from summary.json", () => {
    const perYear = 365 / summary.horizonDays;
    for (const model of ["police-only", "co-responder", "centralized-outreach"]) {
      const a = summary.models[`A:${model}`].metrics;
      const arrests = Math.round(a.arrests.mean! * perYear).toLocaleString("en-US");
      expect(decisionCell("Arrests on BH calls, a year", `A:${model} (base)`)).toMatch(new RegExp(`^${arrests}<span class="ci">`));
      const hours = Math.round(a.officerHoursBH.mean! * perYear).toLocaleString("en-US");
      expect(decisionCell("Officer-hours on BH calls, a year", `A:${model} (base)`)).toMatch(new RegExp(`^${hours}<span class="ci">`));
    }
    // Answered without police differs by model under A (none without an alternative team), so a single base column could not hold it.
    const withoutPolice = summary.models["A:centralized-outreach"].metrics.answeredWithoutPoliceCalls.mean! * perYear;
    expect(withoutPolice).toBeGreaterThan(0);
    expect(decisionCell("Behavioral-health (BH) calls answered without police, a year", "A:centralized-outreach (base)")).toMatch(
      new RegExp(`^${Math.round(withoutPolice).toLocaleString("en-US")}<span`),
    );
    expect(page).toContain("Each B model is compared with the same model under A (B:police-only with A:police-only, B:co-responder with A:co-responder and B:centralized-outreach with A:centralized-outreach)");
  });

  it("lists what B switches on and what the simulation leaves out for B, beside A's, under each file's name", () => {
    const b = summary.comparison!.b;
    expect(b.caveats!.switchedOn.map((s) => s.label)).toContain("Intake misclassification");
    const assumptions = page.slice(page.indexOf('<section id="assumptions">'), page.indexOf('<section id="method">'));
    const bPart = assumptions.slice(assumptions.indexOf('<h3 id="scenario-b">Scenario B (scenarios/riverton-barriers.yaml)</h3>'));
    expect(assumptions.indexOf('<h3 id="scenario-a">Scenario A (scenarios/riverton.yaml)</h3>')).toBeGreaterThan(-1);
    for (const s of b.caveats!.switchedOn) expect(bPart).toContain(`<code>${s.parameter}</code>`);
    // A switches no intake misclassification on: its list must not carry B's switch.
    const aPart = assumptions.slice(0, assumptions.indexOf('<h3 id="scenario-b">'));
    expect(aPart).not.toContain("<code>intake</code>");
    const method = page.slice(page.indexOf('<section id="method">'));
    const bCaveats = method.slice(method.indexOf('<h3 id="caveats-b">Scenario B (scenarios/riverton-barriers.yaml)</h3>'));
    expect(bCaveats.length).toBeLessThan(method.length);
    for (const line of b.caveats!.leftOut.slice(0, 3)) expect(bCaveats).toContain(line.replace(/&/g, "&amp;").replace(/'/g, "&#39;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"));
    // Each id once on the page, though both files' lists are rendered by the same code.
    const ids = [...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBe(new Set(ids).size);
  });
});
