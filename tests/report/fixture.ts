/**
 * A small, hand-made run summary for report tests: three models, three unit types, round numbers.
 * Made by arithmetic, not by simulating, so chart snapshots change only when the report code does
 * (Observable Plot's rule: snapshots never depend on time, randomness or live data).
 */
import { metricDefinitions } from "../../src/metrics/definitions.js";
import type { CostEffectiveness } from "../../src/metrics/cost-effectiveness.js";
import type { MetricSummary, ModelSummary } from "../../src/metrics/summarize.js";
import type { SummaryDocument } from "../../src/report/summary-files.js";

export const MODELS = ["police-only", "co-responder", "centralized-outreach"] as const;
const UNIT_TYPES = ["patrol", "co-responder", "outreach-team"];

/** Means by metric for each model, in MODELS order; null = no data (unit type not staffed). */
const MEANS: Record<string, [number | null, number | null, number | null]> = {
  calls: [10000, 10000, 10000],
  bhCalls: [900, 900, 900],
  "responseMin.mean": [7.6, 7.9, 8.3],
  "responseMin.p90": [13.2, 13.8, 14.8],
  "responseMin.mean.priority1": [7.6, 7.9, 7.6],
  "responseMin.p90.priority1": [13.2, 13.8, 13.17],
  "responseMin.mean.behavioralHealth": [7.6, 10.5, 17.1],
  "responseMin.p90.behavioralHealth": [13.2, 18.7, 30.9],
  priority1WithinTargetRate: [0.78, 0.76, 0.78],
  noArrestEdHoldRate: [0.84, 0.87, 0.9],
  answeredWithoutPoliceRate: [0, 0, 0.57],
  arrestRate: [0.05, 0.037, 0.024],
  edRate: [0.057, 0.058, 0.052],
  holdRate: [0.049, 0.036, 0.029],
  eligibleCalls: [0, 700, 650],
  alternativeShare: [0, 0.59, 0.46],
  phoneResolvedRate: [0, 0, 0.2],
  fallbackRate: [0, 0.41, 0.058],
  "abandonedRate.behavioralHealth": [0.01, 0.01, 0.02],
  backupRate: [null, 0, 0.026],
  officerHoursBH: [9400, 9800, 4150],
  "cost.staffing": [14_200_000, 16_000_000, 16_100_000],
  "cost.outcomes": [8_500_000, 8_100_000, 7_800_000],
  "cost.total": [22_700_000, 24_100_000, 23_900_000],
  "utilization.patrol": [0.5, 0.47, 0.45],
  "utilization.co-responder": [null, 0.41, null],
  "utilization.outreach-team": [null, null, 0.3],
};

/** Cost per additional outcome against police-only, made up to match MEANS (900 BH calls a year). */
function ratio(
  metric: string,
  outcome: string,
  outcomeUnit: "calls" | "hours",
  cost: number,
  gain: number,
  ci95: [number, number] | null,
  result: { defined: true; quadrant: CostEffectiveness["quadrant"] } | { defined: false; reason: string; quadrant: CostEffectiveness["quadrant"] },
): CostEffectiveness<MetricSummary> {
  return {
    ratio: result.defined ? Number((cost / gain).toFixed(6)) : null,
    ci95: result.defined ? ci95 : null,
    defined: result.defined,
    reason: result.defined ? null : result.reason,
    quadrant: result.quadrant,
    n: 10,
    metric,
    outcome,
    outcomeUnit,
    incrementalCostPerYear: { mean: cost, ci95: [cost - cost / 10, cost + cost / 10], n: 10 },
    additionalOutcomesPerYear: { mean: gain, ci95: [Number((gain - 0.3 * Math.abs(gain) - 1).toFixed(6)), Number((gain + 0.3 * Math.abs(gain) + 1).toFixed(6))], n: 10 },
  };
}

const COST_EFFECTIVENESS: Record<string, Record<string, CostEffectiveness<MetricSummary>>> = {
  "co-responder": {
    perNoArrestEdHoldCall: ratio("noArrestEdHoldCalls", "additional call", "calls", 1_400_000, 27, [38_000, 80_000], { defined: true, quadrant: "costlier-and-better" }),
    perCallAnsweredWithoutPolice: ratio("answeredWithoutPoliceCalls", "additional call", "calls", 1_400_000, 0, null, {
      defined: false,
      reason: "no clear difference in behavioral-health calls answered without police (the 95% interval of the difference includes zero)",
      quadrant: null,
    }),
    perArrestAvoided: ratio("arrests", "arrest avoided", "calls", 1_400_000, 11.7, [70_000, 260_000], { defined: true, quadrant: "costlier-and-better" }),
    perOfficerHourFreed: ratio("officerHoursBH", "officer-hour freed", "hours", 1_400_000, -400, null, {
      defined: false,
      reason: "more officer-hours on behavioral-health calls than the baseline, at higher cost (dominated)",
      quadrant: "dominated",
    }),
  },
  "centralized-outreach": {
    perNoArrestEdHoldCall: ratio("noArrestEdHoldCalls", "additional call", "calls", 1_200_000, 54, [15_000, 34_000], { defined: true, quadrant: "costlier-and-better" }),
    perCallAnsweredWithoutPolice: ratio("answeredWithoutPoliceCalls", "additional call", "calls", 1_200_000, 513, [1_900, 2_800], { defined: true, quadrant: "costlier-and-better" }),
    perArrestAvoided: ratio("arrests", "arrest avoided", "calls", 1_200_000, 23.4, [36_000, 78_000], { defined: true, quadrant: "costlier-and-better" }),
    perOfficerHourFreed: ratio("officerHoursBH", "officer-hour freed", "hours", 1_200_000, 5250, [190, 270], { defined: true, quadrant: "costlier-and-better" }),
  },
};

function hourly(metric: string, model: number): number | null {
  const [, type, hh] = metric.split(".");
  const hour = Number(hh.slice(1));
  if (type === "patrol") return Number((0.35 + 0.01 * hour - 0.02 * model).toFixed(3));
  if (type === "co-responder") return model === 1 ? (hour >= 10 && hour < 22 ? Number((0.2 + 0.02 * (hour - 10)).toFixed(3)) : 1) : null;
  if (type === "outreach-team") return model === 2 ? Number((0.2 + 0.005 * hour).toFixed(3)) : null;
  return null;
}

function summary(mean: number | null): MetricSummary {
  if (mean === null) return { mean: null, ci95: null, n: 0 };
  const half = Number((Math.abs(mean) * 0.01).toFixed(6));
  return { mean, ci95: [Number((mean - half).toFixed(6)), Number((mean + half).toFixed(6))], n: 10 };
}

function difference(model: number | null, baseline: number | null): MetricSummary {
  if (model === null || baseline === null) return { mean: null, ci95: null, n: 0 };
  const mean = Number((model - baseline).toFixed(6));
  const half = Number((Math.abs(mean) * 0.1 + 0.000001).toFixed(6));
  return { mean, ci95: [Number((mean - half).toFixed(6)), Number((mean + half).toFixed(6))], n: 10 };
}

/** The fixture document; `edit` may change it (a copy) before it is returned. */
export function fixtureDocument(edit?: (document: SummaryDocument) => void): SummaryDocument {
  const definitions = metricDefinitions({ unitTypes: UNIT_TYPES.map((name) => ({ name })), maxPriority: 2, geography: null });
  const value = (metric: string, m: number) => (metric.startsWith("utilizationByHour.") ? hourly(metric, m) : (MEANS[metric]?.[m] ?? 1));
  const models: Record<string, ModelSummary> = {};
  MODELS.forEach((name, m) => {
    const metrics = Object.fromEntries(definitions.map((d) => [d.name, summary(value(d.name, m))]));
    const model: ModelSummary = { description: `${name} model`, metrics };
    if (m > 0) model.vsBaseline = Object.fromEntries(definitions.map((d) => [d.name, difference(value(d.name, m), value(d.name, 0))]));
    models[name] = model;
  });
  // A difference whose interval includes zero: the headline must not claim it.
  models["centralized-outreach"].vsBaseline!["responseMin.p90.priority1"] = { mean: -0.03, ci95: [-0.07, 0.01], n: 10 };
  models["co-responder"].costEffectiveness = COST_EFFECTIVENESS["co-responder"];
  models["centralized-outreach"].costEffectiveness = COST_EFFECTIVENESS["centralized-outreach"];
  const patrol = [18, ...new Array(8).fill(10), ...new Array(6).fill(21), ...new Array(4).fill(19), ...new Array(5).fill(18)];
  const document: SummaryDocument = {
    scenario: "fixture-city",
    description: "A fixture for report tests.",
    scenarioFile: "scenarios/fixture-city.yaml",
    seed: 7,
    replications: 10,
    horizonDays: 365,
    warmupDays: 7,
    baseline: "police-only",
    metrics: Object.fromEntries(definitions.map((d) => [d.name, { unit: d.unit, description: d.description }])),
    models,
    assumptions: [
      { parameter: "demand.callsPerDay", label: "Dispatched calls per day (average)", value: "296", sources: [{ key: "demand.callsPerDay", text: "Lum et al. 2021" }] },
      {
        parameter: "outcomes.arrest",
        label: "Outcome arrest: cost and unit time after the scene",
        value: "$646; unit held mean 66.7 min",
        sources: [
          { key: "outcomes.arrest.cost", text: "Dee & Pyne 2022" },
          { key: "outcomes.arrest.holdMin", text: "El Paso booking times" },
        ],
      },
      { parameter: "targets.priority1ResponseMin", label: "Response target for priority-1 calls", value: "10 min", sources: [] },
    ],
    unitsOnDutyByHour: {
      "police-only": { patrol },
      "co-responder": { patrol, "co-responder": Array.from({ length: 24 }, (_, h) => (h >= 10 && h < 22 ? 3 : 0)) },
      "centralized-outreach": { patrol, "outreach-team": Array.from({ length: 24 }, (_, h) => (h >= 10 && h < 22 ? 2 : 1)) },
    },
  };
  const copy = structuredClone(document);
  edit?.(copy);
  return copy;
}
