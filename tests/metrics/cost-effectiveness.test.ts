import { describe, expect, it } from "vitest";
import { costEffectiveness, fiellerRatio } from "../../src/metrics/cost-effectiveness.js";
import type { MetricValues } from "../../src/metrics/replication-recorder.js";

/** t(0.975, 2) = 0.95/√(2·0.025·0.975) exactly (closed form for ν = 2), so t² = 722/39. */
const T_0975_DF2 = 4.302652729749464;

/** Replication values as the recorder emits them (totals over the measured period). */
function values(cost: number, counts: { noArrestEdHold?: number | null; withoutPolice?: number | null; arrests?: number | null; officerHours?: number | null } = {}): MetricValues {
  const count = (value: number | null | undefined) => (value === undefined ? 0 : value);
  return new Map<string, number | null>([
    ["cost.total", cost],
    ["noArrestEdHoldCalls", count(counts.noArrestEdHold)],
    ["answeredWithoutPoliceCalls", count(counts.withoutPolice)],
    ["arrests", count(counts.arrests)],
    ["officerHoursBH", count(counts.officerHours)],
  ]);
}

describe("fiellerRatio", () => {
  it("gives mean(ΔC)/mean(ΔE) and the Fieller interval worked out by hand for three replications", () => {
    // ΔC = [1000, 1400, 1200]: a = 1200, deviations −200, 200, 0, sample variance 80000/2 = 40000,
    //   so v_cc = var/n = 40000/3.
    // ΔE = [10, 14, 9]: e = 11, deviations −1, 3, −2, sample variance 14/2 = 7, v_ee = 7/3.
    // Covariance: ((−200)(−1) + (200)(3) + (0)(−2))/2 = 400, v_ce = 400/3.
    // Ratio: 1200/11 = 109.0909...
    // t = t(0.975, 2), t² = 722/39. Fieller's g = t²·v_ee/e² = (722/39)(7/3)/121 = 5054/14157 = 0.357 < 1: defined.
    // θ solves θ²(e² − t²v_ee) − 2θ(ae − t²v_ce) + (a² − t²v_cc) = 0; times 117:
    //   e² − t²v_ee = (14157 − 5054)/117 = 9103/117
    //   ae − t²v_ce = (1544400 − 288800)/117 = 1255600/117
    //   a² − t²v_cc = (168480000 − 28880000)/117 = 139600000/117
    // θ = (1255600 ± √(1255600² − 9103·139600000)) / 9103 = (1255600 ± √305752560000) / 9103
    //   = (1255600 ± 552948.96690) / 9103 = 77.188952, 198.676147.
    const result = fiellerRatio([1000, 1400, 1200], [10, 14, 9]);
    expect(result.defined).toBe(true);
    expect(result.reason).toBeNull();
    expect(result.quadrant).toBe("costlier-and-better");
    expect(result.n).toBe(3);
    expect(result.ratio).toBeCloseTo(1200 / 11, 10);
    expect(result.ci95![0]).toBeCloseTo((1255600 - Math.sqrt(305752560000)) / 9103, 8);
    expect(result.ci95![1]).toBeCloseTo((1255600 + Math.sqrt(305752560000)) / 9103, 8);
    expect(result.ci95![0]).toBeCloseTo(77.188952, 5);
    expect(result.ci95![1]).toBeCloseTo(198.676147, 5);
  });

  it("is not defined when the 95% interval of the outcome difference includes zero (Fieller's g >= 1)", () => {
    // ΔE = [1, −1, 2]: e = 2/3, sample variance 7/3, half-width t·√(7/9) = 3.79 > 2/3.
    const result = fiellerRatio([500, 600, 700], [1, -1, 2], "arrests");
    expect(result).toEqual({
      ratio: null,
      ci95: null,
      defined: false,
      reason: "no clear difference in arrests (the 95% interval of the difference includes zero)",
      quadrant: null,
      n: 3,
    });
  });

  it("is not defined when every replication shows the same outcomes in both models, and says so", () => {
    expect(fiellerRatio([500, 600], [0, 0], "arrests")).toMatchObject({ ratio: null, defined: false, reason: "the same number of arrests as the baseline in every replication" });
  });

  it("reports a cheaper and better model's negative ratio and flags it dominant", () => {
    // ΔC = [−100, −300, −200], ΔE = [10, 12, 8]: a = −200, e = 10, ratio −20 (a saving of 20 per
    // additional outcome). v_cc = 10000/3, v_ee = 4/3, v_ce = −100/3; with t² = 722/39:
    //   e² − t²v_ee = 100 − 2888/117 = 8812/117, ae − t²v_ce = −2000 + 72200/117 = −161800/117,
    //   a² − t²v_cc = 40000 − 7220000/117 = −2540000/117,
    // θ = (−161800 ± √(161800² + 8812·2540000)) / 8812 = (−161800 ± √48561720000) / 8812
    //   = −43.368956, 6.646305: the saving itself is not clear, which the flag does not hide.
    const result = fiellerRatio([-100, -300, -200], [10, 12, 8]);
    expect(result.defined).toBe(true);
    expect(result.quadrant).toBe("dominant");
    expect(result.ratio).toBe(-20);
    expect(result.ci95![0]).toBeCloseTo((-161800 - Math.sqrt(48561720000)) / 8812, 8);
    expect(result.ci95![1]).toBeCloseTo((-161800 + Math.sqrt(48561720000)) / 8812, 8);
  });

  it("gives no ratio for a model with clearly fewer outcomes, and says whether it also costs more", () => {
    const dominated = fiellerRatio([100, 200, 150], [-10, -12, -11], "arrests", "more arrests");
    expect(dominated).toMatchObject({ ratio: null, ci95: null, defined: false, quadrant: "dominated" });
    expect(dominated.reason).toBe("more arrests than the baseline, at higher cost (dominated)");
    const cheaper = fiellerRatio([-100, -200, -150], [-10, -12, -11], "arrests", "more arrests");
    expect(cheaper).toMatchObject({ ratio: null, defined: false, quadrant: "cheaper-and-worse" });
    expect(cheaper.reason).toMatch(/^more arrests than the baseline, at lower cost/);
  });

  it("is not defined with fewer than two replications", () => {
    expect(fiellerRatio([100], [5])).toMatchObject({ ratio: null, defined: false, reason: "needs at least 2 replications for an interval, got 1", n: 1 });
    expect(fiellerRatio([], [])).toMatchObject({ ratio: null, defined: false, n: 0 });
  });

  it("gives a zero-width interval at the ratio when every replication has the same differences", () => {
    expect(fiellerRatio([300, 300], [3, 3])).toMatchObject({ ratio: 100, ci95: [100, 100], defined: true });
  });

  it("refuses differences that are not finite, naming the array and index", () => {
    expect(() => fiellerRatio([1, Number.NaN], [1, 2])).toThrow(/costDifferences\[1\]/);
    expect(() => fiellerRatio([1, 2], [1])).toThrow(RangeError);
  });
});

describe("costEffectiveness", () => {
  // Three replications; the model's extra cost and extra calls ended without arrest/ED/hold are
  // those of the hand-worked Fieller case above: ΔC = [1000, 1400, 1200], ΔE = [10, 14, 9].
  const baseline = [
    values(50_000, { noArrestEdHold: 100, withoutPolice: 0, arrests: 20, officerHours: 300 }),
    values(60_000, { noArrestEdHold: 120, withoutPolice: 0, arrests: 25, officerHours: 320 }),
    values(55_000, { noArrestEdHold: 110, withoutPolice: 0, arrests: 22, officerHours: 310 }),
  ];
  const model = [
    values(51_000, { noArrestEdHold: 110, withoutPolice: 40, arrests: 15, officerHours: 250 }),
    values(61_400, { noArrestEdHold: 134, withoutPolice: 50, arrests: 21, officerHours: 280 }),
    values(56_200, { noArrestEdHold: 119, withoutPolice: 45, arrests: 18, officerHours: 255 }),
  ];

  it("reports each outcome's ratio from the paired differences of the same replication", () => {
    const result = costEffectiveness(model, baseline, 365);
    expect(Object.keys(result)).toEqual(["perNoArrestEdHoldCall", "perCallAnsweredWithoutPolice", "perArrestAvoided", "perOfficerHourFreed"]);
    expect(result.perNoArrestEdHoldCall.ratio).toBeCloseTo(1200 / 11, 10);
    expect(result.perNoArrestEdHoldCall.ci95![0]).toBeCloseTo(77.188952, 5);
    expect(result.perNoArrestEdHoldCall.ci95![1]).toBeCloseTo(198.676147, 5);
    // Calls answered without police: ΔE = [40, 50, 45], mean 45.
    expect(result.perCallAnsweredWithoutPolice.ratio).toBeCloseTo(1200 / 45, 10);
    // Arrests avoided are baseline minus model: [5, 4, 4], mean 13/3.
    expect(result.perArrestAvoided.ratio).toBeCloseTo(1200 / (13 / 3), 10);
    // Officer-hours freed: [50, 40, 55], mean 145/3.
    expect(result.perOfficerHourFreed.ratio).toBeCloseTo(1200 / (145 / 3), 10);
    expect(result.perOfficerHourFreed).toMatchObject({ metric: "officerHoursBH", outcomeUnit: "hours", quadrant: "costlier-and-better" });
  });

  it("scales the incremental cost and the additional outcomes to a year by 365 / horizonDays, with paired intervals", () => {
    // 73 measured days: factor 365/73 = 5. Cost per year [5000, 7000, 6000]: mean 6000, sd 1000,
    // half-width t(0.975, 2)·1000/√3 = 2484.1377. Outcomes per year [50, 70, 45]: mean 55,
    // sd 5·√7 = 13.228757, half-width t·13.228757/√3 = 32.862053. The ratio does not change.
    const result = costEffectiveness(model, baseline, 73).perNoArrestEdHoldCall;
    const costHalf = (T_0975_DF2 * 1000) / Math.sqrt(3);
    const outcomeHalf = (T_0975_DF2 * 5 * Math.sqrt(7)) / Math.sqrt(3);
    expect(costHalf).toBeCloseTo(2484.1377, 4);
    expect(outcomeHalf).toBeCloseTo(32.862053, 5);
    expect(result.incrementalCostPerYear.mean).toBeCloseTo(6000, 9);
    expect(result.incrementalCostPerYear.ci95![0]).toBeCloseTo(6000 - costHalf, 6);
    expect(result.incrementalCostPerYear.ci95![1]).toBeCloseTo(6000 + costHalf, 6);
    expect(result.incrementalCostPerYear.n).toBe(3);
    expect(result.additionalOutcomesPerYear.mean).toBeCloseTo(55, 9);
    expect(result.additionalOutcomesPerYear.ci95![0]).toBeCloseTo(55 - outcomeHalf, 6);
    expect(result.additionalOutcomesPerYear.ci95![1]).toBeCloseTo(55 + outcomeHalf, 6);
    expect(result.ratio).toBeCloseTo(1200 / 11, 10);
  });

  it("keeps the per-year totals of a ratio that is not defined", () => {
    const flat = baseline.map((v, r) => values((v.get("cost.total") as number) + 1000 * (r + 1), { arrests: (v.get("arrests") as number) + [1, -1, 0][r] }));
    const result = costEffectiveness(flat, baseline, 365).perArrestAvoided;
    expect(result.defined).toBe(false);
    expect(result.reason).toMatch(/^no clear difference in arrests/);
    expect(result.incrementalCostPerYear.mean).toBeCloseTo(2000, 9);
    expect(result.additionalOutcomesPerYear.mean).toBeCloseTo(0, 12);
  });

  it("leaves out a replication in which either model lacks the cost or the outcome", () => {
    const withGap = baseline.map((v, r) => (r === 2 ? values(55_000, { arrests: null }) : v));
    const result = costEffectiveness(model, withGap, 365);
    expect(result.perArrestAvoided.n).toBe(2);
    expect(result.perNoArrestEdHoldCall.n).toBe(3);
    // Arrests avoided in replications 0 and 1 only: [5, 4]; cost differences [1000, 1400].
    expect(result.perArrestAvoided.incrementalCostPerYear.mean).toBeCloseTo(1200, 9);
    expect(result.perArrestAvoided.additionalOutcomesPerYear.mean).toBeCloseTo(4.5, 12);
  });

  it("refuses a horizon that is not a positive number of days", () => {
    expect(() => costEffectiveness(model, baseline, 0)).toThrow(/horizonDays must be a positive number of days, got 0/);
  });
});
