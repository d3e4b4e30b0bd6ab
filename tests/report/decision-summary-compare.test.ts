/**
 * The decision summary of a comparison of two files: each B model is measured against the same
 * model under A, so each row shows that A model's level, and a share that rises on fewer calls is
 * told as such. The fixture's models are renamed A:/B: by hand; the numbers are the fixture's.
 */
import { describe, expect, it } from "vitest";
import type { ModelSummary } from "../../src/metrics/summarize.js";
import { decisionSummary } from "../../src/report/decision-summary.js";
import { decisionSummarySection } from "../../src/report/decision-summary-html.js";
import type { SummaryDocument } from "../../src/report/summary-files.js";
import { fixtureDocument } from "./fixture.js";

/** A:x is the fixture's model x; B:x is x with `edit` applied (its vsBaseline then set against A:x by the test). */
function comparisonDocument(edit: (b: Record<string, ModelSummary>) => void): SummaryDocument {
  return fixtureDocument((d) => {
    const a = structuredClone(d.models);
    const b = structuredClone(d.models);
    for (const model of Object.values(a)) delete model.vsBaseline;
    // Arrests differ by model under A, so a row showing A's first model for every option would show.
    a["police-only"].metrics.arrests = { mean: 45, ci95: [40, 50], n: 10 };
    a["co-responder"].metrics.arrests = { mean: 33, ci95: [30, 36], n: 10 };
    a["centralized-outreach"].metrics.arrests = { mean: 22, ci95: [20, 24], n: 10 };
    for (const model of Object.values(b)) {
      delete model.costEffectiveness;
      model.vsBaseline = {};
    }
    edit(b);
    d.models = Object.fromEntries(Object.keys(a).flatMap((name) => [[`A:${name}`, a[name]], [`B:${name}`, b[name]]]));
    d.baseline = "A:police-only";
    d.comparison = {
      a: { scenario: "a", scenarioFile: "a.yaml" },
      b: { scenario: "b", scenarioFile: "b.yaml" },
      pairs: Object.fromEntries(Object.keys(a).map((name) => [`B:${name}`, `A:${name}`])),
      demandDifferences: {},
    };
  });
}

describe("decision summary of a comparison of two files", () => {
  it("gives each B model's row the level of the same model under A, not A's first model", () => {
    const document = comparisonDocument((b) => {
      b["co-responder"].vsBaseline!.arrests = { mean: -5, ci95: [-6, -4], n: 10 };
      b["centralized-outreach"].vsBaseline!.arrests = { mean: 3, ci95: [2, 4], n: 10 };
    });
    const summary = decisionSummary(document)!;
    expect(summary.options).toEqual(["B:police-only", "B:co-responder", "B:centralized-outreach"]);
    const arrests = summary.rows.find((r) => r.metric === "arrests")!;
    for (const model of ["police-only", "co-responder", "centralized-outreach"]) {
      // Horizon 365 days: a year is the measured period.
      expect(arrests.cells[`B:${model}`].base!.mean).toBe(document.models[`A:${model}`].metrics.arrests.mean);
    }
    const fallback = summary.rows.find((r) => r.metric === "fallbackRate")!;
    // 41% of 700 eligible calls under A:co-responder; 5.8% of 650 under A:centralized-outreach.
    expect(fallback.cells["B:co-responder"].baseCount).toBeCloseTo(287, 6);
    expect(fallback.cells["B:centralized-outreach"].baseCount).toBeCloseTo(37.7, 6);
    const page = decisionSummarySection(document).markup;
    expect(page).toContain("Each B model is compared with the same model under A (B:police-only with A:police-only, B:co-responder with A:co-responder");
    expect(page).toContain('<th scope="col" class="num">A:co-responder (base)</th><th scope="col" class="num">B:co-responder</th>');
    const arrestRow = page.split("\n").find((line) => line.includes("Arrests on BH calls, a year"))!;
    const aArrests = (model: string) => Math.round(document.models[`A:${model}`].metrics.arrests.mean!).toLocaleString("en-US");
    expect(arrestRow).toContain(`<td class="num base" data-label="A:co-responder (base)">${aArrests("co-responder")}<span class="ci">`);
    expect(arrestRow).toContain(`<td class="num base" data-label="A:centralized-outreach (base)">${aArrests("centralized-outreach")}<span class="ci">`);
  });

  it("tells a fallback share that rises on fewer eligible calls as a larger share of fewer calls, not as more calls", () => {
    const document = comparisonDocument((b) => {
      // A:co-responder: 41% of 700 = 287 a year. B: 52% of 400 = 208, 79 fewer though the share is 11 points higher.
      b["co-responder"].metrics.fallbackRate = { mean: 0.52, ci95: [0.5, 0.54], n: 10 };
      b["co-responder"].metrics.eligibleCalls = { mean: 400, ci95: [390, 410], n: 10 };
      b["co-responder"].vsBaseline!.fallbackRate = { mean: 0.11, ci95: [0.1, 0.12], n: 10 };
      // A:centralized-outreach: 5.8% of 650 = 37.7; B: 10% of 650 = 65, more of both.
      b["centralized-outreach"].metrics.fallbackRate = { mean: 0.1, ci95: [0.09, 0.11], n: 10 };
      b["centralized-outreach"].vsBaseline!.fallbackRate = { mean: 0.042, ci95: [0.03, 0.054], n: 10 };
    });
    const summary = decisionSummary(document)!;
    const fallback = summary.rows.find((r) => r.metric === "fallbackRate")!;
    expect(fallback.cells["B:co-responder"].changeCount).toBeCloseTo(208 - 287, 6);
    const sentence = summary.sentences["B:co-responder"];
    expect(sentence).toContain("send a larger share of the calls meant for its teams back to police (11.0 percentage points more), though about 79 fewer such calls a year");
    expect(sentence).not.toContain("still send");
    // Where share and count agree, the count is the change over A's own fallbacks, not a total.
    expect(summary.sentences["B:centralized-outreach"]).toContain("send about 27 more calls a year meant for its teams back to police");
    const page = decisionSummarySection(document).markup;
    expect(page).toContain("about -79 a year: a larger share of fewer calls");
  });
});
