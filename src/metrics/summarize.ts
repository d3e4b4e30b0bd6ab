/**
 * Across replications: each metric's mean and 95% confidence interval per model, and each model's
 * paired difference from the baseline (replication r of every model saw the same calls, so the
 * differences cancel most of the call-to-call noise: common random numbers).
 */
import { costEffectiveness, type CostEffectiveness } from "./cost-effectiveness.js";
import type { MetricDefinition } from "./definitions.js";
import type { MetricValues } from "./replication-recorder.js";
import { estimate, pairedEstimate, type Estimate } from "./stats.js";

/** A metric across replications. `n` counts the replications that had a value. */
export interface MetricSummary {
  mean: number | null;
  ci95: [number, number] | null;
  n: number;
}

export interface ModelSummary {
  description: string;
  metrics: Record<string, MetricSummary>;
  /** This model minus the baseline, paired by replication; absent for the baseline itself. */
  vsBaseline?: Record<string, MetricSummary>;
  /**
   * Incremental cost per additional outcome against the baseline (ICER, Fieller interval), keyed
   * by outcome (`perNoArrestEdHoldCall`, `perCallAnsweredWithoutPolice`, `perArrestAvoided`,
   * `perOfficerHourFreed`); absent for the baseline, and when the caller gave no horizon.
   */
  costEffectiveness?: Record<string, CostEffectiveness<MetricSummary>>;
}

export interface SummarizeOptions {
  /** Measured days (warm-up excluded): needed for the per-year totals of `costEffectiveness`. */
  horizonDays?: number;
}

/**
 * Summarizes models' replications. `replications[m][r]` holds model m's values in replication r.
 * With `options.horizonDays`, each model but the baseline also gets its `costEffectiveness`.
 */
export function summarizeModels(
  models: readonly { name: string; description: string }[],
  replications: readonly (readonly MetricValues[])[],
  baseline: number,
  definitions: readonly Pick<MetricDefinition, "name">[],
  options: SummarizeOptions = {},
): Record<string, ModelSummary> {
  const out: Record<string, ModelSummary> = {};
  models.forEach((model, m) => {
    const metrics: Record<string, MetricSummary> = {};
    for (const { name } of definitions) metrics[name] = tidy(estimate(present(replications[m].map((v) => v.get(name) ?? null))));
    const summary: ModelSummary = { description: model.description, metrics };
    if (baseline >= 0 && m !== baseline) {
      const vs: Record<string, MetricSummary> = {};
      for (const { name } of definitions) {
        const a: number[] = [];
        const b: number[] = [];
        replications[m].forEach((values, r) => {
          const x = values.get(name) ?? null;
          const y = replications[baseline][r]?.get(name) ?? null;
          if (x !== null && y !== null) {
            a.push(x);
            b.push(y);
          }
        });
        vs[name] = tidy(pairedEstimate(a, b));
      }
      summary.vsBaseline = vs;
      if (options.horizonDays !== undefined) {
        const ratios = costEffectiveness(replications[m], replications[baseline], options.horizonDays);
        summary.costEffectiveness = Object.fromEntries(Object.entries(ratios).map(([key, value]) => [key, tidyCostEffectiveness(value)]));
      }
    }
    out[model.name] = summary;
  });
  return out;
}

function present(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null);
}

/** Rounds to 9 significant digits: stable, readable files without losing meaningful precision. */
export function roundFigure(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(9));
}

function tidy(e: Estimate): MetricSummary {
  return {
    mean: e.mean === null ? null : roundFigure(e.mean),
    ci95: e.ci95 === null ? null : [roundFigure(e.ci95[0]), roundFigure(e.ci95[1])],
    n: e.n,
  };
}

/** Rounded like every other figure, fields in a fixed order: ratio first, then the totals. */
function tidyCostEffectiveness(c: CostEffectiveness): CostEffectiveness<MetricSummary> {
  return {
    ratio: c.ratio === null ? null : roundFigure(c.ratio),
    ci95: c.ci95 === null ? null : [roundFigure(c.ci95[0]), roundFigure(c.ci95[1])],
    defined: c.defined,
    reason: c.reason,
    quadrant: c.quadrant,
    n: c.n,
    metric: c.metric,
    outcome: c.outcome,
    outcomeUnit: c.outcomeUnit,
    incrementalCostPerYear: tidy(c.incrementalCostPerYear),
    additionalOutcomesPerYear: tidy(c.additionalOutcomesPerYear),
  };
}
