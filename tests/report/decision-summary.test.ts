/** The decision summary judges changes against practical thresholds, in counts a year. */
import { describe, expect, it } from "vitest";
import { decisionSummary, judge } from "../../src/report/decision-summary.js";
import { fixtureDocument } from "./fixture.js";

describe("judge", () => {
  it("calls a real but tiny change no meaningful change, a large clear one clear, and the rest unclear", () => {
    expect(judge({ mean: 0.05, ci95: [0.02, 0.08] }, 0.5)).toBe("none");
    expect(judge({ mean: 2, ci95: [1.5, 2.5] }, 0.5)).toBe("clear");
    expect(judge({ mean: 0.6, ci95: [-0.2, 1.4] }, 0.5)).toBe("unclear");
    expect(judge(null, 0.5)).toBe("n/a");
  });
});

describe("decisionSummary", () => {
  it("scales totals to a year and uses the scenario's threshold over the default", () => {
    const document = fixtureDocument((d) => {
      d.horizonDays = 73;
      d.models["co-responder"].vsBaseline!.arrests = { mean: -20, ci95: [-25, -15], n: 10 };
    });
    const row = decisionSummary(document)!.rows.find((r) => r.metric === "arrests")!;
    expect(row.cells["co-responder"].change).toEqual({ mean: -100, ci95: [-125, -75] });
    expect(row.cells["co-responder"].verdict).toBe("clear");
    expect(decisionSummary(document)!.sentences["co-responder"]).toContain("lead to about 100 fewer arrests a year");
    const lenient = fixtureDocument((d) => {
      d.horizonDays = 73;
      d.models["co-responder"].vsBaseline!.arrests = { mean: -20, ci95: [-25, -15], n: 10 };
      d.briefing = { thresholds: { arrests: 200 } };
    });
    expect(decisionSummary(lenient)!.rows.find((r) => r.metric === "arrests")!.cells["co-responder"].verdict).toBe("none");
  });
});
