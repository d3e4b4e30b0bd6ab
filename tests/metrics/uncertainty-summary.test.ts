import { describe, expect, it } from "vitest";
import { ceac, drawInterval, pairedDifferences, probabilityBetter, summarizeUncertainty, wtpGrid } from "../../src/metrics/uncertainty-summary.js";
import { metricDirection } from "../../src/metrics/metric-direction.js";

describe("probabilistic sensitivity summaries", () => {
  it("gives the mean and the 2.5th-97.5th percentiles across draws, leaving out draws with no data", () => {
    const values = [...Array.from({ length: 41 }, (_, i) => i), null];
    expect(drawInterval(values)).toEqual({ mean: 20, range95: [1, 39], n: 41 });
  });

  it("counts P(better) in the metric's better direction, a tie being not better", () => {
    const differences = [-2, -1, 0, 1, null];
    expect(probabilityBetter(differences, "lower")).toBe(0.5);
    expect(probabilityBetter(differences, "higher")).toBe(0.25);
    expect(probabilityBetter(differences, null)).toBeNull();
    expect(metricDirection("responseMin.p90.priority1")).toBe("lower");
    expect(metricDirection("zone.north.responseMin.mean")).toBe("lower");
    expect(metricDirection("cost.total")).toBe("lower");
    expect(metricDirection("answeredWithoutPoliceRate")).toBe("higher");
    expect(metricDirection("calls")).toBeNull();
  });

  it("draws the CEAC as the share of draws with wtp x gain - extra cost > 0", () => {
    // (ΔC, ΔE): cost-effective from wtp > ΔC/ΔE = 100, 200, 400; never with ΔE < 0 and ΔC > 0; always when dominant.
    const cost = [1000, 2000, 4000, 500, -100];
    const gain = [10, 10, 10, -5, 1];
    const { n, points } = ceac(cost, gain, [0, 100, 150, 300, 1000]);
    expect(n).toBe(5);
    expect(points.map((p) => p.pCostEffective)).toEqual([0.2, 0.2, 0.4, 0.6, 0.8]);
  });

  it("pairs differences draw by draw and builds each model's CEAC per outcome against the baseline", () => {
    expect(pairedDifferences([3, null, 5], [1, 2, null])).toEqual([2, null, null]);
    const draw = (cost: number, arrests: number) => new Map<string, number | null>([["cost.total", cost], ["arrests", arrests], ["noArrestEdHoldCalls", 0], ["answeredWithoutPoliceCalls", 0], ["officerHoursBH", 0]]);
    const results = { base: [draw(100, 5), draw(100, 5)], alt: [draw(300, 3), draw(500, 4)] };
    const summary = summarizeUncertainty(results, "base", ["cost.total", "arrests"], [0, 150, 250]);
    expect(summary.base.vsBaseline).toBeUndefined();
    expect(summary.alt.vsBaseline!["arrests"]).toMatchObject({ mean: -1.5, pBetter: 1, direction: "lower" });
    const arrests = summary.alt.ceac!.find((c) => c.outcome === "perArrestAvoided")!;
    // Draw 0: ΔC 200, 2 arrests avoided (100 each); draw 1: ΔC 400, 1 avoided.
    expect(arrests.points.map((p) => p.pCostEffective)).toEqual([0, 0.5, 0.5]);
    expect(arrests).toMatchObject({ meanCostDifference: 300, meanOutcomeGain: 1.5, n: 2 });
    expect(wtpGrid([1234])).toContain(1234);
    expect(wtpGrid()[0]).toBe(0);
  });
});
