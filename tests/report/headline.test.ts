/** The headline paragraph: plain words from the numbers, claiming only differences whose interval excludes zero. */
import { describe, expect, it } from "vitest";
import { excludesZero, headlineParagraphs } from "../../src/report/headline.js";
import { periodPhrase, perPeriod } from "../../src/report/period.js";
import { fixtureDocument } from "./fixture.js";

describe("headlineParagraphs", () => {
  const [coResponder, outreach] = headlineParagraphs(fixtureDocument());

  it("writes one paragraph per model compared with the baseline", () => {
    expect(headlineParagraphs(fixtureDocument())).toHaveLength(2);
    expect(coResponder.startsWith("Compared with police-only, the co-responder model ")).toBe(true);
  });

  it("states a change with its direction, size and 95% interval, and the added cost a year", () => {
    expect(coResponder).toContain("lengthened the 90th-percentile response for behavioral-health calls by 5.5 minutes (95% CI 4.9 to 6.1)");
    expect(coResponder).toContain("at an added cost of $1.40M a year (95% CI $1.26M to $1.54M)");
    expect(outreach).toContain("cut officer time on behavioral-health calls by 5,250 hours a year (95% CI 4,725 to 5,775)");
  });

  it("does not claim a difference whose interval includes zero, and says so", () => {
    expect(outreach).not.toMatch(/(cut|lengthened) the 90th-percentile response for priority-1 calls/);
    expect(outreach).toContain("Its effect on the 90th-percentile response for priority-1 calls is too small to tell apart from chance");
  });

  it("says 'while saving' for a cost decrease and 'no clear difference' for an interval around zero", () => {
    const saving = fixtureDocument((d) => {
      d.models["co-responder"].vsBaseline!["cost.total"] = { mean: -1_200_000, ci95: [-1_500_000, -900_000], n: 10 };
      d.models["centralized-outreach"].vsBaseline!["cost.total"] = { mean: 100_000, ci95: [-50_000, 250_000], n: 10 };
    });
    const [first, second] = headlineParagraphs(saving);
    expect(first).toContain("while saving $1.20M a year (95% CI $900.0k to $1.50M)");
    expect(second).toContain("with no clear difference in total cost (95% CI -$50.0k to $250.0k)");
  });

  it("phrases money from the measured period: 'a year' only for 365 days", () => {
    const [first] = headlineParagraphs(fixtureDocument((d) => (d.horizonDays = 90)));
    expect(first).toContain("at an added cost of $1.40M over 90 days");
    expect(first).not.toContain("a year");
  });

  it("names each model as written, leaving escaping to the page", () => {
    const renamed = fixtureDocument((d) => {
      d.models["<script>alert(1)</script>"] = d.models["co-responder"];
      delete d.models["co-responder"];
    });
    expect(headlineParagraphs(renamed)[1]).toContain("the <script>alert(1)</script> model lengthened");
  });

  it("explains when there is nothing to compare", () => {
    const single = fixtureDocument((d) => {
      delete d.models["co-responder"];
      delete d.models["centralized-outreach"];
    });
    expect(headlineParagraphs(single)).toEqual(["Only the police-only model was run, so there is nothing to compare it with; the tables and charts show its estimates."]);
  });
});

describe("excludesZero", () => {
  it("is true only when the whole interval lies on one side of zero", () => {
    expect(excludesZero({ mean: 1, ci95: [0.1, 2], n: 3 })).toBe(true);
    expect(excludesZero({ mean: -1, ci95: [-2, -0.1], n: 3 })).toBe(true);
    expect(excludesZero({ mean: 1, ci95: [0, 2], n: 3 })).toBe(false);
    expect(excludesZero({ mean: 1, ci95: null, n: 1 })).toBe(false);
    expect(excludesZero(undefined)).toBe(false);
  });
});

describe("periodPhrase and perPeriod", () => {
  it("say a year for 365 measured days and the number of days otherwise", () => {
    expect([periodPhrase(365), perPeriod(365)]).toEqual(["a year", "per year"]);
    expect([periodPhrase(90), perPeriod(90), periodPhrase(1)]).toEqual(["over 90 days", "per 90 days", "over 1 day"]);
  });
});
