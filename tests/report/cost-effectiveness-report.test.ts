/** Cost per additional outcome in the report page and in cost-effectiveness.csv, from the fixture. */
import { describe, expect, it } from "vitest";
import { reportHtml } from "../../src/report/report-html.js";
import { costEffectivenessTable } from "../../src/report/report-tables.js";
import { COST_EFFECTIVENESS_CSV_HEADER, costEffectivenessCsv } from "../../src/report/summary-files.js";
import { fixtureDocument, MODELS } from "./fixture.js";

const page = (document = fixtureDocument()) => reportHtml({ document, charts: [], sweep: { status: "absent" } });

describe("the cost per additional outcome table", () => {
  it("shows each model's ratio with its interval and the yearly totals it divides, under Key numbers", () => {
    const html = page();
    expect(html).toContain(`<h3 id="cost-effectiveness">Cost per additional outcome</h3>`);
    expect(html.indexOf("Cost per additional outcome</h3>")).toBeGreaterThan(html.indexOf("<h2>Key numbers</h2>"));
    expect(html.indexOf("Cost per additional outcome</h3>")).toBeLessThan(html.indexOf("<h2>Charts</h2>"));
    expect(html).toContain(`<th scope="col" class="num">centralized-outreach vs police-only</th>`);
    // 1,200,000 / 513 = 2,339.18: "$2,339", interval below, then the totals a year.
    expect(html).toContain(`<td class="num" data-label="centralized-outreach vs police-only">$2,339<span class="ci">$1,900 to $2,800</span><span class="ci">+$1.20M / +513 calls a year</span></td>`);
    expect(html).toContain(`<td class="num" data-label="centralized-outreach vs police-only">$229<span class="ci">$190 to $270</span><span class="ci">+$1.20M / +5,250 officer-hours a year</span></td>`);
  });

  it("says 'not defined' with the reason where the ratio is not defined, and keeps the totals", () => {
    const html = page();
    expect(html).toContain(
      `<td data-label="co-responder vs police-only"><span class="na">not defined: no clear difference in behavioral-health calls answered without police (the 95% interval of the difference includes zero)</span><span class="ci">+$1.40M / 0 calls a year</span></td>`,
    );
    expect(html).toContain(`not defined: more officer-hours on behavioral-health calls than the baseline, at higher cost (dominated)</span><span class="ci">+$1.40M / -400 officer-hours a year</span>`);
  });

  it("marks a cheaper and better model as dominant beside its negative ratio", () => {
    const document = fixtureDocument((d) => {
      const c = d.models["co-responder"].costEffectiveness!.perArrestAvoided;
      Object.assign(c, { ratio: -20_000, ci95: [-40_000, -5_000], quadrant: "dominant", incrementalCostPerYear: { mean: -234_000, ci95: [-300_000, -150_000], n: 10 } });
    });
    expect(page(document)).toContain(`<td class="num" data-label="co-responder vs police-only">-$20.0k<span class="ci">-$40.0k to -$5,000</span><span class="ci">dominant: cheaper and better</span><span class="ci">-$234.0k / +12 arrests avoided a year</span></td>`);
  });

  it("is left out when summary.json has no cost-effectiveness (no baseline, or an older file)", () => {
    const older = fixtureDocument((d) => {
      for (const model of Object.values(d.models)) delete model.costEffectiveness;
    });
    expect(costEffectivenessTable(older)).toBeNull();
    expect(page(older)).not.toContain("Cost per additional outcome");
    expect(costEffectivenessTable(fixtureDocument((d) => (d.baseline = "no-such-model")))).toBeNull();
  });

  it("escapes model names and reasons", () => {
    const document = fixtureDocument((d) => {
      d.models["co-responder"].costEffectiveness!.perOfficerHourFreed.reason = "<b>x</b>";
    });
    expect(page(document)).toContain("not defined: &lt;b&gt;x&lt;/b&gt;");
  });
});

describe("cost-effectiveness.csv", () => {
  it("has one row per model and outcome with the ratio, its interval, whether it is defined and why not, and the yearly totals with intervals", () => {
    const document = fixtureDocument();
    const csv = costEffectivenessCsv({ document, modelNames: MODELS })!;
    const lines = csv.trimEnd().split("\n");
    expect(lines[0]).toBe(COST_EFFECTIVENESS_CSV_HEADER.join(","));
    expect(lines[0]).toBe(
      "model,baseline,outcome,metric,outcome_unit,ratio,ratio_ci_low,ratio_ci_high,defined,reason,quadrant,n,incremental_cost_per_year,incremental_cost_per_year_ci_low,incremental_cost_per_year_ci_high,additional_outcomes_per_year,additional_outcomes_per_year_ci_low,additional_outcomes_per_year_ci_high",
    );
    expect(lines).toHaveLength(1 + 2 * 4);
    expect(lines[1]).toBe("co-responder,police-only,perNoArrestEdHoldCall,noArrestEdHoldCalls,calls,51851.851852,38000,80000,true,,costlier-and-better,10,1400000,1260000,1540000,27,17.9,36.1");
    expect(lines[2]).toBe(
      "co-responder,police-only,perCallAnsweredWithoutPolice,answeredWithoutPoliceCalls,calls,,,,false,no clear difference in behavioral-health calls answered without police (the 95% interval of the difference includes zero),,10,1400000,1260000,1540000,0,-1,1",
    );
    // A reason with a comma is quoted (RFC 4180).
    expect(lines[4]).toBe(
      `co-responder,police-only,perOfficerHourFreed,officerHoursBH,hours,,,,false,"more officer-hours on behavioral-health calls than the baseline, at higher cost (dominated)",dominated,10,1400000,1260000,1540000,-400,-521,-279`,
    );
  });

  it("is not written when no model has a cost-effectiveness record", () => {
    const document = fixtureDocument((d) => {
      for (const model of Object.values(d.models)) delete model.costEffectiveness;
    });
    expect(costEffectivenessCsv({ document, modelNames: MODELS })).toBeNull();
  });
});
