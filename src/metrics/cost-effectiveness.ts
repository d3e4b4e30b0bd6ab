/**
 * Incremental cost-effectiveness against the baseline: the extra cost of a response model per
 * additional outcome it achieves (the ICER health economists report), paired by replication,
 * never a total cost divided by a count.
 *
 * For model m and baseline b, replication r gives a cost difference ΔC_r = cost.total[m][r] −
 * cost.total[b][r] and an outcome gain ΔE_r (more of a good count, or less of a bad one). Both
 * come from the same calls and random draws (common random numbers), so they are paired: ΔC_r and
 * ΔE_r are formed within replication r, never across replications. The ratio is
 * mean(ΔC) / mean(ΔE), and its 95% interval is Fieller's: the set of θ for which
 * mean(ΔC) − θ·mean(ΔE) is not significantly different from zero, with variances and covariance of
 * the replication differences over n and Student's t with n − 1 degrees of freedom (Fieller 1954;
 * Willan & O'Brien 1996, "Confidence intervals for cost-effectiveness ratios: an application of
 * Fieller's theorem", Health Economics 5:297-305).
 *
 * Sign cases (a = mean ΔC, e = mean ΔE, once e's own 95% interval excludes zero):
 * - e > 0, a >= 0: "costlier-and-better", the ratio is the extra cost per additional outcome.
 * - e > 0, a < 0: "dominant" (cheaper and better). The ratio is reported (it is negative: a saving
 *   per additional outcome) and flagged, because a negative ratio does not rank like a positive
 *   one: a more negative ratio is not "better value" in the usual sense.
 * - e < 0: the model achieves fewer outcomes than the baseline, so there is no "cost per
 *   additional outcome": the ratio is null (not defined) with a reason, and flagged "dominated"
 *   (a > 0: costs more, achieves less) or "cheaper-and-worse" (a <= 0: then a/e would be a saving
 *   per outcome forgone, which read as a cost per outcome gained would mislead, and whose sign
 *   would be confused with the dominant case). The per-year totals beside it still say how much
 *   cost and how many outcomes changed.
 * Flags use the point estimates; the intervals of the per-year totals say how clear each
 * difference is. The ratio is "not defined" when e's 95% interval includes zero (Fieller's
 * g = t²·var(ē)/ē² >= 1: the confidence set would be unbounded), and when fewer than two
 * replications pair up.
 */
import { mean } from "simple-statistics";
import type { MetricValues } from "./replication-recorder.js";
import { estimate, type Estimate } from "./stats.js";
import { studentTQuantile } from "./student-t.js";

/** The replication metric holding total cost (currency, over the measured period). */
export const COST_METRIC = "cost.total";

/** Days in the year that per-year totals are scaled to. */
export const DAYS_PER_YEAR = 365;

/** An outcome a cost is reported per. */
export interface CostEffectivenessOutcome {
  /** Key in a model's `costEffectiveness` record, e.g. `perArrestAvoided`. */
  key: string;
  /** Replication metric it is counted from (a total over the measured period). */
  metric: string;
  /** "increase": more of the metric is the gain; "decrease": less of it is (arrests, officer hours). */
  gain: "increase" | "decrease";
  /** Unit of one outcome. */
  unit: "calls" | "hours";
  /** One outcome, in words, e.g. "arrest avoided". */
  outcome: string;
  /** The metric, in words, for reasons ("no clear difference in ..."). */
  measure: string;
  /** What a loss looks like, for reasons ("more arrests"). */
  loss: string;
}

/** The outcomes reported, in report order. */
export const COST_EFFECTIVENESS_OUTCOMES: readonly CostEffectivenessOutcome[] = [
  {
    key: "perNoArrestEdHoldCall",
    metric: "noArrestEdHoldCalls",
    gain: "increase",
    unit: "calls",
    outcome: "additional behavioral-health call ended without arrest, ED transport or involuntary hold",
    measure: "behavioral-health calls ended without arrest, ED transport or hold",
    loss: "fewer behavioral-health calls ended without arrest, ED transport or hold",
  },
  {
    key: "perCallAnsweredWithoutPolice",
    metric: "answeredWithoutPoliceCalls",
    gain: "increase",
    unit: "calls",
    outcome: "additional behavioral-health call answered with no sworn officer attending",
    measure: "behavioral-health calls answered without police",
    loss: "fewer behavioral-health calls answered without police",
  },
  {
    key: "perArrestAvoided",
    metric: "arrests",
    gain: "decrease",
    unit: "calls",
    outcome: "arrest avoided (behavioral-health calls ending in arrest)",
    measure: "arrests",
    loss: "more arrests",
  },
  {
    key: "perOfficerHourFreed",
    metric: "officerHoursBH",
    gain: "decrease",
    unit: "hours",
    outcome: "officer-hour freed from behavioral-health calls",
    measure: "officer-hours on behavioral-health calls",
    loss: "more officer-hours on behavioral-health calls",
  },
];

/** Where a model lies against the baseline, by the point estimates of cost and outcome gain. */
export type CostEffectivenessQuadrant = "costlier-and-better" | "dominant" | "dominated" | "cheaper-and-worse";

/** An incremental cost-effectiveness ratio with its Fieller interval. */
export interface RatioEstimate {
  /** mean(ΔC) / mean(ΔE) in currency per outcome; null when not defined. */
  ratio: number | null;
  /** Fieller's 95% interval; null when the ratio is not defined. */
  ci95: [number, number] | null;
  defined: boolean;
  /** Why the ratio is not defined, in words; null when it is. */
  reason: string | null;
  /** By the point estimates; null when the outcome difference is not clear (or n < 2). */
  quadrant: CostEffectivenessQuadrant | null;
  /** Replications paired. */
  n: number;
}

/** One model's cost per one outcome, against the baseline. `S` is the form of the totals. */
export interface CostEffectiveness<S = Estimate> extends RatioEstimate {
  /** The replication metric the outcome is counted from. */
  metric: string;
  /** One outcome, in words. */
  outcome: string;
  outcomeUnit: "calls" | "hours";
  /** ΔC scaled to a year: model's minus the baseline's total cost, paired mean and 95% CI. */
  incrementalCostPerYear: S;
  /** ΔE scaled to a year: additional outcomes (calls, or officer-hours), paired mean and 95% CI. */
  additionalOutcomesPerYear: S;
}

/**
 * The ICER of paired differences and its 95% interval by Fieller's theorem.
 *
 * With a = mean(ΔC), e = mean(ΔE), v_cc = var(ΔC)/n, v_ee = var(ΔE)/n, v_ce = cov(ΔC, ΔE)/n
 * (sample variances and covariance, n − 1 denominator) and t = t(0.975, n − 1), the interval is the
 * set of θ with (a − θe)² <= t²(v_cc − 2θ·v_ce + θ²·v_ee): the roots of
 * θ²(e² − t²v_ee) − 2θ(a·e − t²v_ce) + (a² − t²v_cc) = 0. It is a bounded interval exactly when
 * e² > t²·v_ee (Fieller's g = t²v_ee/e² < 1), i.e. when e's own 95% interval excludes zero;
 * otherwise the ratio is reported as not defined.
 *
 * @param costDifferences - ΔC_r, one per replication, finite.
 * @param outcomeGains - ΔE_r for the same replications (positive = the model achieves more), finite.
 * @param loss - what fewer outcomes means, in words, for the reason (e.g. "more arrests").
 * @param measure - the outcome measure in words, for the reason when its difference is not clear.
 * @throws RangeError if the lengths differ or a value is not finite.
 */
export function fiellerRatio(
  costDifferences: readonly number[],
  outcomeGains: readonly number[],
  measure = "outcomes",
  loss = "fewer outcomes",
): RatioEstimate {
  if (costDifferences.length !== outcomeGains.length) {
    throw new RangeError(`fiellerRatio: one cost difference and one outcome gain per replication, got lengths ${costDifferences.length} and ${outcomeGains.length}`);
  }
  [costDifferences, outcomeGains].forEach((values, which) => {
    values.forEach((value, i) => {
      if (!Number.isFinite(value)) throw new RangeError(`fiellerRatio: ${which === 0 ? "costDifferences" : "outcomeGains"}[${i}] must be a finite number, got ${value}`);
    });
  });
  const n = costDifferences.length;
  const undefinedRatio = (reason: string, quadrant: CostEffectivenessQuadrant | null = null): RatioEstimate => ({ ratio: null, ci95: null, defined: false, reason, quadrant, n });
  if (n === 0) return undefinedRatio("no replication has cost and outcome values for both models");
  if (n === 1) return undefinedRatio("needs at least 2 replications for an interval, got 1");
  const a = mean(costDifferences);
  const e = mean(outcomeGains);
  let vcc = 0;
  let vee = 0;
  let vce = 0;
  for (let r = 0; r < n; r++) {
    const dc = costDifferences[r] - a;
    const de = outcomeGains[r] - e;
    vcc += dc * dc;
    vee += de * de;
    vce += dc * de;
  }
  // Variances and covariance of the means: sums of squares / (n − 1) / n.
  vcc /= (n - 1) * n;
  vee /= (n - 1) * n;
  vce /= (n - 1) * n;
  const t = studentTQuantile(0.975, n - 1);
  const t2 = t * t;
  const leading = e * e - t2 * vee;
  if (!(leading > 0)) {
    return undefinedRatio(
      vee === 0 && e === 0
        ? `the same number of ${measure} as the baseline in every replication`
        : `no clear difference in ${measure} (the 95% interval of the difference includes zero)`,
    );
  }
  if (e < 0) {
    return a > 0
      ? undefinedRatio(`${loss} than the baseline, at higher cost (dominated)`, "dominated")
      : undefinedRatio(`${loss} than the baseline, at lower cost: a saving per outcome lost, not a cost per outcome gained`, "cheaper-and-worse");
  }
  const half = a * e - t2 * vce;
  const constant = a * a - t2 * vcc;
  // The discriminant is t²·[(e²v_cc − 2ae·v_ce + a²v_ee) − t²(v_cc·v_ee − v_ce²)] >= 0 whenever
  // e² > t²v_ee (θ = a/e always lies in the set); clamp the rounding of a zero-width interval.
  const root = Math.sqrt(Math.max(0, half * half - leading * constant));
  const ratio = a / e;
  const low = Math.min(ratio, (half - root) / leading);
  const high = Math.max(ratio, (half + root) / leading);
  return { ratio, ci95: [low, high], defined: true, reason: null, quadrant: a < 0 ? "dominant" : "costlier-and-better", n };
}

/**
 * A model's cost per each outcome of {@link COST_EFFECTIVENESS_OUTCOMES} against the baseline,
 * paired by replication: replication r of the model is compared with replication r of the
 * baseline only. A replication counts for an outcome when both models have its cost and outcome
 * values (non-null). Per-year totals scale the measured-period differences by 365 / horizonDays.
 *
 * @param model - the model's values, `model[r]` for replication r.
 * @param baseline - the baseline's values, same replications in the same order.
 * @param horizonDays - measured days (warm-up excluded), > 0.
 * @returns a record keyed by outcome key, in report order.
 * @throws RangeError if horizonDays is not a positive finite number.
 */
export function costEffectiveness(
  model: readonly MetricValues[],
  baseline: readonly MetricValues[],
  horizonDays: number,
): Record<string, CostEffectiveness> {
  if (!(horizonDays > 0 && Number.isFinite(horizonDays))) {
    throw new RangeError(`costEffectiveness: horizonDays must be a positive number of days, got ${horizonDays}`);
  }
  const perYear = DAYS_PER_YEAR / horizonDays;
  const out: Record<string, CostEffectiveness> = {};
  for (const outcome of COST_EFFECTIVENESS_OUTCOMES) {
    const costDifferences: number[] = [];
    const outcomeGains: number[] = [];
    model.forEach((values, r) => {
      const paired = baseline[r];
      if (paired === undefined) return;
      const costM = values.get(COST_METRIC) ?? null;
      const costB = paired.get(COST_METRIC) ?? null;
      const countM = values.get(outcome.metric) ?? null;
      const countB = paired.get(outcome.metric) ?? null;
      if (costM === null || costB === null || countM === null || countB === null) return;
      costDifferences.push(costM - costB);
      outcomeGains.push(outcome.gain === "increase" ? countM - countB : countB - countM);
    });
    out[outcome.key] = {
      metric: outcome.metric,
      outcome: outcome.outcome,
      outcomeUnit: outcome.unit,
      ...fiellerRatio(costDifferences, outcomeGains, outcome.measure, outcome.loss),
      incrementalCostPerYear: estimate(costDifferences.map((d) => d * perYear)),
      additionalOutcomesPerYear: estimate(outcomeGains.map((d) => d * perYear)),
    };
  }
  return out;
}
