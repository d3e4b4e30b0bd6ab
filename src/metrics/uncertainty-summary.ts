/**
 * Summaries of a probabilistic sensitivity analysis, from per-draw values: each metric's mean and
 * the 2.5th-97.5th percentiles across draws (an interval of what the result may be, given the
 * inputs' uncertainty and the simulation's noise together, not a confidence interval of a mean),
 * the same for each paired difference from the baseline, the probability that a model is better,
 * and the cost-effectiveness acceptability curve (CEAC).
 */
import { quantile } from "simple-statistics";
import { COST_EFFECTIVENESS_OUTCOMES, COST_METRIC } from "./cost-effectiveness.js";
import { metricDirection, type MetricDirection } from "./metric-direction.js";
import type { MetricValues } from "./replication-recorder.js";
import { roundFigure } from "./summarize.js";

/** Mean and 95% range across draws; nulls (no data in a draw) left out, `n` counts the rest. */
export interface DrawInterval {
  mean: number | null;
  /** [2.5th, 97.5th] percentiles across draws; null with fewer than two values. */
  range95: [number, number] | null;
  n: number;
}

export interface DifferenceSummary extends DrawInterval {
  direction: MetricDirection;
  /** Share of paired draws in which the model is strictly better; null without a direction. */
  pBetter: number | null;
}

/** One point of a CEAC: at willingness to pay `wtp` per outcome, P(wtp·ΔE − ΔC > 0). */
export interface CeacPoint {
  wtp: number;
  pCostEffective: number;
}

export interface CeacCurve {
  /** Key of COST_EFFECTIVENESS_OUTCOMES, e.g. perArrestAvoided. */
  outcome: string;
  metric: string;
  /** Mean ΔC and ΔE over the draws (model minus baseline; ΔE as a gain). */
  meanCostDifference: number;
  meanOutcomeGain: number;
  /** Draws where both cost and outcome are known. */
  n: number;
  points: CeacPoint[];
}

const round = (value: number): number => roundFigure(value);

/** Mean and 2.5th-97.5th percentiles (linear interpolation between order statistics). */
export function drawInterval(values: readonly (number | null)[]): DrawInterval {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length === 0) return { mean: null, range95: null, n: 0 };
  const mean = known.reduce((a, b) => a + b, 0) / known.length;
  const range95: [number, number] | null = known.length < 2 ? null : [round(quantile(known.slice(), 0.025)), round(quantile(known.slice(), 0.975))];
  return { mean: round(mean), range95, n: known.length };
}

/** Paired differences model − baseline, draw by draw (null where either is null). */
export function pairedDifferences(model: readonly (number | null)[], baseline: readonly (number | null)[]): (number | null)[] {
  return model.map((v, d) => (v === null || baseline[d] === null || baseline[d] === undefined ? null : v - baseline[d]!));
}

/** The share of known differences in which the model is strictly better (a tie is not better). */
export function probabilityBetter(differences: readonly (number | null)[], direction: MetricDirection): number | null {
  if (direction === null) return null;
  const known = differences.filter((d): d is number => d !== null);
  if (known.length === 0) return null;
  return known.filter((d) => (direction === "lower" ? d < 0 : d > 0)).length / known.length;
}

export function summarizeDifference(metric: string, differences: readonly (number | null)[]): DifferenceSummary {
  const direction = metricDirection(metric);
  return { ...drawInterval(differences), direction, pBetter: probabilityBetter(differences, direction) };
}

/**
 * The CEAC: for each wtp, the share of draws with wtp·ΔE − ΔC > 0 (net monetary benefit positive;
 * a tie counts as not cost-effective). ΔC, ΔE are per draw, over the measured period; scaling
 * both to a year would not change the sign.
 */
export function ceac(costDifferences: readonly (number | null)[], outcomeGains: readonly (number | null)[], wtps: readonly number[]): { n: number; points: CeacPoint[] } {
  const pairs: [number, number][] = [];
  costDifferences.forEach((c, d) => {
    const e = outcomeGains[d];
    if (c !== null && e !== null && e !== undefined) pairs.push([c, e]);
  });
  const points = wtps.map((wtp) => ({ wtp, pCostEffective: pairs.length === 0 ? 0 : pairs.filter(([c, e]) => wtp * e - c > 0).length / pairs.length }));
  return { n: pairs.length, points };
}

/**
 * Willingness-to-pay values of the CEAC: 0, then 1-2-5 steps from 10 to 1,000,000 per outcome
 * (covering an officer-hour at ~$100 and an additional outcome at thousands), plus any asked for.
 */
export function wtpGrid(extra: readonly number[] = []): number[] {
  const grid = [0];
  for (let power = 1; power <= 6; power++) for (const step of [1, 2, 5]) if (step * 10 ** power <= 1_000_000) grid.push(step * 10 ** power);
  return [...new Set([...grid, ...extra])].sort((a, b) => a - b);
}

const column = (draws: readonly MetricValues[], metric: string): (number | null)[] => draws.map((values) => values.get(metric) ?? null);

export interface ModelUncertainty {
  metrics: Record<string, DrawInterval>;
  /** Absent for the baseline. */
  vsBaseline?: Record<string, DifferenceSummary>;
  ceac?: CeacCurve[];
}

/** Every model's summary, its differences from the baseline and its CEACs. */
export function summarizeUncertainty(
  results: Record<string, readonly MetricValues[]>,
  baseline: string,
  metrics: readonly string[],
  wtps: readonly number[],
): Record<string, ModelUncertainty> {
  const base = results[baseline];
  const summary: Record<string, ModelUncertainty> = {};
  for (const [model, draws] of Object.entries(results)) {
    const entry: ModelUncertainty = { metrics: Object.fromEntries(metrics.map((m) => [m, drawInterval(column(draws, m))])) };
    if (model !== baseline) {
      entry.vsBaseline = Object.fromEntries(metrics.map((m) => [m, summarizeDifference(m, pairedDifferences(column(draws, m), column(base, m)))]));
      const cost = pairedDifferences(column(draws, COST_METRIC), column(base, COST_METRIC));
      entry.ceac = COST_EFFECTIVENESS_OUTCOMES.map((o) => {
        const difference = pairedDifferences(column(draws, o.metric), column(base, o.metric));
        const gain = difference.map((d) => (d === null ? null : o.gain === "increase" ? d : -d));
        const curve = ceac(cost, gain, wtps);
        const known = (xs: (number | null)[]) => xs.filter((x, d): x is number => x !== null && cost[d] !== null && gain[d] !== null);
        const average = (xs: number[]) => (xs.length === 0 ? 0 : round(xs.reduce((a, b) => a + b, 0) / xs.length));
        return { outcome: o.key, metric: o.metric, meanCostDifference: average(known(cost)), meanOutcomeGain: average(known(gain)) + 0, n: curve.n, points: curve.points };
      });
    }
    summary[model] = entry;
  }
  return summary;
}
