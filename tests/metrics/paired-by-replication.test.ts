/**
 * Differences from the baseline must pair replication r of a model with replication r of the
 * baseline (common random numbers), never with another replication. Paired means do not reveal a
 * mis-pairing (a permutation keeps both models' means), so these replications are built so that
 * every other pairing (shifted, reversed, both sorted, or any other permutation) changes the
 * interval, and the tests check the interval worked out by hand. Each test also checks that claim
 * about its own data, so the data cannot silently stop catching a mis-pairing.
 */
import { describe, expect, it } from "vitest";
import { costEffectiveness, fiellerRatio } from "../../src/metrics/cost-effectiveness.js";
import type { MetricValues } from "../../src/metrics/replication-recorder.js";
import { pairedEstimate } from "../../src/metrics/stats.js";
import { summarizeModels } from "../../src/metrics/summarize.js";

/** t(0.975, 3), the multiplier for four replications. */
const T_0975_DF3 = 3.182446305284263;

// Four replications. Neither model's replications are in rank order, and the model's rank order
// differs from the baseline's (in cost and in calls), so sorting both models changes the pairs.
const BASELINE_COST = [40_000, 10_000, 80_000, 20_000];
const COST_DIFFERENCE = [1_000, 30_000, 3_000, 4_000];
const BASELINE_CALLS = [400, 398, 420, 395];
const CALLS_DIFFERENCE = [12, 15, 11, 13];
const MODEL_COST = BASELINE_COST.map((c, r) => c + COST_DIFFERENCE[r]);
const MODEL_CALLS = BASELINE_CALLS.map((c, r) => c + CALLS_DIFFERENCE[r]);

function replication(cost: number, calls: number): MetricValues {
  return new Map<string, number | null>([
    ["cost.total", cost],
    ["noArrestEdHoldCalls", calls],
    ["answeredWithoutPoliceCalls", 0],
    ["arrests", 0],
    ["officerHoursBH", 0],
  ]);
}

const baseline = BASELINE_COST.map((cost, r) => replication(cost, BASELINE_CALLS[r]));
const model = MODEL_COST.map((cost, r) => replication(cost, MODEL_CALLS[r]));

/** Every ordering of [0, 1, 2, 3]. */
function permutations(items: number[]): number[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}
const IDENTITY = [0, 1, 2, 3];
const MISPAIRINGS = permutations(IDENTITY).filter((p) => p.some((r, i) => r !== i));
const sortedOrder = (values: number[]) => IDENTITY.slice().sort((i, j) => values[i] - values[j]);

/**
 * The model's replications paired with the baseline's replication `pairing[r]`: the named
 * mistakes (reversed; both sorted, i.e. model's k-th smallest with the baseline's k-th smallest)
 * and every other permutation.
 */
function namedMispairings(model: number[], base: number[]): { name: string; pairs: [number[], number[]] }[] {
  const reversed = IDENTITY.slice().reverse();
  const m = sortedOrder(model);
  const b = sortedOrder(base);
  return [
    { name: "reversed", pairs: [model, reversed.map((r) => base[r])] },
    { name: "both sorted", pairs: [m.map((r) => model[r]), b.map((r) => base[r])] },
    ...MISPAIRINGS.map((p) => ({ name: `permutation ${p.join("")}`, pairs: [model, p.map((r) => base[r])] as [number[], number[]] })),
  ];
}

describe("differences from the baseline are paired by replication", () => {
  // Correct pairs give cost differences [1000, 30000, 3000, 4000]: mean 9500; deviations −8500,
  // 20500, −6500, −5500; squares 72.25e6 + 420.25e6 + 42.25e6 + 30.25e6 = 565e6, sample variance
  // 565e6/3; half-width t(0.975, 3)·√(565e6/3)/2 = 3.182446·13723.46/2 = 21837.086.
  const costHalfWidth = (T_0975_DF3 * Math.sqrt(565e6 / 3)) / 2;
  // Calls: differences [12, 15, 11, 13]: mean 12.75; squared deviations 0.5625 + 5.0625 + 3.0625
  // + 0.0625 = 8.75, sample variance 8.75/3; half-width t·√(8.75/3)/2 = 2.717531.
  const callsHalfWidth = (T_0975_DF3 * Math.sqrt(8.75 / 3)) / 2;

  it("the test data catch every mis-pairing: shifted, reversed, sorted or any other order changes the interval", () => {
    expect(costHalfWidth).toBeCloseTo(21837.086, 3);
    expect(callsHalfWidth).toBeCloseTo(2.717531, 6);
    const correctCost = pairedEstimate(MODEL_COST, BASELINE_COST);
    const correctCalls = pairedEstimate(MODEL_CALLS, BASELINE_CALLS);
    for (const [modelValues, baseValues, correct] of [
      [MODEL_COST, BASELINE_COST, correctCost],
      [MODEL_CALLS, BASELINE_CALLS, correctCalls],
    ] as const) {
      const shifted = pairedEstimate(modelValues.slice(0, 3), baseValues.slice(1));
      expect(shifted.mean).not.toBeCloseTo(correct.mean!, 3);
      for (const { name, pairs } of namedMispairings([...modelValues], [...baseValues])) {
        const wrong = pairedEstimate(...pairs);
        expect(Math.abs(wrong.ci95![1] - correct.ci95![1]), name).toBeGreaterThan(1e-3 * Math.abs(correct.ci95![1]));
      }
    }
  });

  it("summarizeModels' vsBaseline compares replication r of a model with replication r of the baseline only", () => {
    const summary = summarizeModels(
      [
        { name: "police-only", description: "" },
        { name: "outreach", description: "" },
      ],
      [baseline, model],
      0,
      [{ name: "cost.total" }, { name: "noArrestEdHoldCalls" }],
    );
    const cost = summary.outreach.vsBaseline!["cost.total"];
    expect(cost.n).toBe(4);
    expect(cost.mean).toBe(9500);
    expect(cost.ci95![0]).toBeCloseTo(9500 - costHalfWidth, 3);
    expect(cost.ci95![1]).toBeCloseTo(9500 + costHalfWidth, 3);
    const calls = summary.outreach.vsBaseline!.noArrestEdHoldCalls;
    expect(calls.mean).toBe(12.75);
    expect(calls.ci95![0]).toBeCloseTo(12.75 - callsHalfWidth, 6);
    expect(calls.ci95![1]).toBeCloseTo(12.75 + callsHalfWidth, 6);
  });

  it("summarizeModels pairs by replication even when a replication lacks a value in one model", () => {
    // Replication 1 of the baseline has no value: only replications 0, 2 and 3 pair up, giving
    // differences [1000, 3000, 4000] (mean 8000/3), not a shifted [1000, 30000 + ..., ...].
    const gap = baseline.map((values, r) => (r === 1 ? new Map([["cost.total", null]]) : values));
    const summary = summarizeModels(
      [
        { name: "police-only", description: "" },
        { name: "outreach", description: "" },
      ],
      [gap, model],
      0,
      [{ name: "cost.total" }],
    );
    expect(summary.outreach.vsBaseline!["cost.total"].n).toBe(3);
    expect(summary.outreach.vsBaseline!["cost.total"].mean).toBeCloseTo(8000 / 3, 4);
  });

  // Cost per additional call ended without arrest, ED or hold, from the same pairs: a = 9500,
  // e = 12.75; v_cc = 565e6/3/4 = 141250000/3, v_ee = 8.75/3/4 = 35/48, v_ce = (−8500·−0.75 +
  // 20500·2.25 + −6500·−1.75 + −5500·0.25)/3/4 = 62500/12 = 15625/3. With t² = 3.182446² = 10.127965:
  //   A = e² − t²v_ee = 162.5625 − 7.384974 = 155.177526
  //   B = ae − t²v_ce = 121125 − 52749.815 = 68375.185
  //   C = a² − t²v_cc = 90250000 − 476858327.9 = −386608327.9
  // θ = (B ± √(B² + A·|C|))/A = (68375.185 ± 254299.22)/155.177526 = −1198.1376, 2079.3887;
  // ratio 9500/12.75 = 745.098039.
  it("costEffectiveness pairs replication r of the model with replication r of the baseline only", () => {
    const ratio = costEffectiveness(model, baseline, 365).perNoArrestEdHoldCall;
    expect(ratio.n).toBe(4);
    expect(ratio.ratio).toBeCloseTo(9500 / 12.75, 9);
    expect(ratio.ci95![0]).toBeCloseTo(-1198.1376, 3);
    expect(ratio.ci95![1]).toBeCloseTo(2079.3887, 3);
    expect(ratio.incrementalCostPerYear.ci95![1]).toBeCloseTo(9500 + costHalfWidth, 3);
    expect(ratio.additionalOutcomesPerYear.ci95![1]).toBeCloseTo(12.75 + callsHalfWidth, 6);

    // The data catch a mis-pairing here too: pairing the cost or the calls (or both) of the
    // model's replication r with any other replication of the baseline moves the interval.
    const costFor = (p: number[]) => MODEL_COST.map((c, r) => c - BASELINE_COST[p[r]]);
    const callsFor = (p: number[]) => MODEL_CALLS.map((c, r) => c - BASELINE_CALLS[p[r]]);
    for (const costPairing of [IDENTITY, ...MISPAIRINGS]) {
      for (const callsPairing of [IDENTITY, ...MISPAIRINGS]) {
        if (costPairing === IDENTITY && callsPairing === IDENTITY) continue;
        const wrong = fiellerRatio(costFor(costPairing), callsFor(callsPairing));
        const same = wrong.ci95 !== null && Math.abs(wrong.ci95[0] - ratio.ci95![0]) < 1 && Math.abs(wrong.ci95[1] - ratio.ci95![1]) < 1;
        expect(same, `cost pairing ${costPairing.join("")}, calls pairing ${callsPairing.join("")}`).toBe(false);
      }
    }
    // And through summarizeModels, which gives each model but the baseline this record.
    const summary = summarizeModels(
      [
        { name: "police-only", description: "" },
        { name: "outreach", description: "" },
      ],
      [baseline, model],
      0,
      [],
      { horizonDays: 365 },
    );
    expect(summary["police-only"].costEffectiveness).toBeUndefined();
    const summarized = summary.outreach.costEffectiveness!.perNoArrestEdHoldCall;
    expect(summarized.ci95![0]).toBeCloseTo(-1198.1376, 3);
    expect(summarized.ci95![1]).toBeCloseTo(2079.3887, 3);

    const bothSorted = fiellerRatio(
      sortedOrder(MODEL_COST).map((r, k) => MODEL_COST[r] - BASELINE_COST[sortedOrder(BASELINE_COST)[k]]),
      sortedOrder(MODEL_CALLS).map((r, k) => MODEL_CALLS[r] - BASELINE_CALLS[sortedOrder(BASELINE_CALLS)[k]]),
    );
    expect(bothSorted.ci95?.[1]).not.toBeCloseTo(2079.3887, 0);
    const shifted = fiellerRatio(costFor([1, 2, 3, 0]).slice(0, 3), callsFor([1, 2, 3, 0]).slice(0, 3));
    expect(shifted.ratio).not.toBeCloseTo(9500 / 12.75, 0);
  });
});
