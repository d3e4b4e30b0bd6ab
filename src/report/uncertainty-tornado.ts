/**
 * Which uncertain inputs move an option's difference from the baseline most, from the draws of an
 * uncertainty analysis (no extra runs): for each input, the mean difference over the third of the
 * draws in which that input was lowest, and over the third in which it was highest. The other
 * inputs vary in both thirds (the Latin hypercube spreads them evenly), so the gap between the two
 * means is what moving that one input across its range does on average, the others as uncertain
 * as they are. Every figure is written to the analysis's files, and the report reads it from there.
 */
import type { UncertaintyRun } from "../experiment/uncertainty-analysis.js";
import { KEY_OUTCOMES } from "../metrics/metric-direction.js";
import type { ModelUncertainty } from "../metrics/uncertainty-summary.js";
import { roundFigure } from "../metrics/summarize.js";
import { metricLabel } from "./metric-labels.js";
import { tornadoChartSpec } from "./tornado-chart.js";

/** The metrics drawn as tornado charts (the others are in the files): the cost and the main outcome. */
export const TORNADO_CHART_METRICS = ["cost.total", "answeredWithoutPoliceRate"] as const;

/** One input's bar. */
export interface UncertaintyTornadoRow {
  input: string;
  /** The largest value of the input in its lowest third of draws, and the smallest in its highest third. */
  lowUpTo: number;
  highFrom: number;
  /** Mean difference (option minus baseline) over those draws; null when none has a value. */
  lowMean: number | null;
  highMean: number | null;
  /** |highMean - lowMean|: the bar's length. */
  swing: number | null;
}

/** One option's tornado for one metric, inputs ranked by swing (largest first). */
export interface UncertaintyTornado {
  model: string;
  metric: string;
  /** Draws in each third. */
  drawsPerEnd: number;
  /** The mean difference over all draws (uncertainty-summary.csv's), the chart's line. */
  overall: number | null;
  rows: UncertaintyTornadoRow[];
  /** The chart's file, when this one is drawn (some swing is not zero). */
  chart: string | null;
}

/** Draws in each end: a third of them, at least one. */
export function drawsPerEnd(draws: number): number {
  return Math.max(1, Math.floor(draws / 3));
}

const mean = (values: readonly (number | null)[]): number | null => {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return known.length === 0 ? null : roundFigure(known.reduce((a, b) => a + b, 0) / known.length);
};

/** The tornado of every option against the baseline, for each key outcome the scenario has. */
export function uncertaintyTornadoes(run: UncertaintyRun, summary: Record<string, ModelUncertainty>): UncertaintyTornado[] {
  const metrics = KEY_OUTCOMES.filter((metric) => run.metrics.includes(metric));
  const g = drawsPerEnd(run.draws);
  const draws = [...Array(run.draws).keys()];
  // Draws ordered by each input's value, ties by draw number, so the thirds never depend on a sort's whims.
  const orders = run.inputs.map((_, k) => [...draws].sort((a, b) => run.values[a][k] - run.values[b][k] || a - b));
  const tornadoes: UncertaintyTornado[] = [];
  let charted = 0;
  for (const model of run.models.filter((m) => m !== run.baseline)) {
    for (const metric of metrics) {
      const difference = draws.map((d) => {
        const v = run.results[model][d].get(metric) ?? null;
        const b = run.results[run.baseline][d].get(metric) ?? null;
        return v === null || b === null ? null : v - b;
      });
      const rows = run.inputs.map((input, k): UncertaintyTornadoRow => {
        const low = orders[k].slice(0, g);
        const high = orders[k].slice(-g);
        const lowMean = mean(low.map((d) => difference[d]));
        const highMean = mean(high.map((d) => difference[d]));
        return {
          input: input.path,
          lowUpTo: run.values[low[low.length - 1]][k],
          highFrom: run.values[high[0]][k],
          lowMean,
          highMean,
          swing: lowMean === null || highMean === null ? null : roundFigure(Math.abs(highMean - lowMean)),
        };
      });
      // Largest swing first; ties keep the scenario's order (a stable sort).
      rows.sort((a, b) => (b.swing ?? -1) - (a.swing ?? -1));
      const drawn = (TORNADO_CHART_METRICS as readonly string[]).includes(metric) && rows.some((r) => (r.swing ?? 0) > 0);
      tornadoes.push({ model, metric, drawsPerEnd: g, overall: summary[model].vsBaseline?.[metric]?.mean ?? null, rows, chart: drawn ? `tornado-${++charted}.vl.json` : null });
    }
  }
  return tornadoes;
}

/** The Vega-Lite spec of one drawn tornado. */
export function uncertaintyTornadoSpec(tornado: UncertaintyTornado, baseline: string, draws: number): Record<string, unknown> {
  const label = metricLabel(tornado.metric);
  const third = tornado.drawsPerEnd === 1 ? "the draw" : `the ${tornado.drawsPerEnd} draws`;
  return tornadoChartSpec({
    model: tornado.model,
    metric: tornado.metric,
    base: tornado.overall,
    rows: tornado.rows.map((r) => ({ parameter: r.input, low: `up to ${r.lowUpTo}`, high: `from ${r.highFrom}`, lowMean: r.lowMean, highMean: r.highMean })),
    words: {
      title: `What moves ${tornado.model}'s difference from ${baseline}: ${label.charAt(0).toLowerCase()}${label.slice(1)}`.replace(/: bh /i, ": BH "),
      subtitle: `mean difference over ${third} (of ${draws}) with each input lowest and highest; the line is the mean over all draws`,
      axis: `${label}, ${tornado.model} minus ${baseline}`,
      ends: ["lowest third", "highest third"],
    },
  });
}

