/**
 * What `resim uncertainty` writes, committed as one set ("uncertainty") so the folder never holds
 * the draws of one analysis beside the summary of another:
 * - draws.csv: one row per draw x model x metric, with the draw's input values as columns;
 * - uncertainty-summary.csv: per model x metric, the mean and 95% range across draws, for values
 *   (`kind` = value) and for paired differences from the baseline (`kind` = difference, with
 *   the direction that is better and P(better));
 * - ceac.csv: per model x outcome x willingness to pay, P(cost-effective);
 * - uncertainty-tornado.csv: per option x key outcome x input, the mean difference from the
 *   baseline over the third of the draws with the input lowest and the third with it highest
 *   (uncertainty-tornado.ts), ranked by swing;
 * - uncertainty.json: all of the above but the draws' metric values, with the inputs, settings and
 *   the willingness-to-pay list asked for (`wtpShown`, what the report shows);
 * - ceac.vl.json: the acceptability curves, and tornado-N.vl.json: the tornado of each option's
 *   difference in cost and in calls answered without police (Vega-Lite).
 */
import { join } from "node:path";
import type { UncertaintyRun } from "../experiment/uncertainty-analysis.js";
import type { ModelUncertainty } from "../metrics/uncertainty-summary.js";
import { commitFolder } from "../output/folder-commit.js";
import { toCsv } from "./csv.js";
import { ceacChartSpec, type CeacRow } from "./charts/ceac-chart.js";
import { uncertaintyTornadoes, uncertaintyTornadoSpec, type UncertaintyTornado } from "./uncertainty-tornado.js";

export const INTERVAL_NOTE =
  "mean and 2.5th-97.5th percentiles across draws: each draw has its own input values (Latin hypercube over the scenario's uncertain list) and its own replication seed, so the range covers input uncertainty and simulation noise together; differences are paired within a draw (same inputs, same calls)";

/**
 * The summary document (uncertainty.json). `wtps` is ceac.csv's grid, `shown` the prices asked
 * for (--wtp), `tornadoes` from uncertaintyTornadoes.
 */
export function uncertaintyDocument(
  run: UncertaintyRun,
  summary: Record<string, ModelUncertainty>,
  wtps: readonly number[],
  shown: readonly number[],
  tornadoes: readonly UncertaintyTornado[],
): Record<string, unknown> {
  return {
    kind: "uncertainty",
    scenario: run.scenario,
    scenarioFile: run.scenarioFile,
    scenarioDigest: run.scenarioDigest,
    overrides: run.overrides,
    seed: run.seed,
    horizonDays: run.horizonDays,
    draws: run.draws,
    baseline: run.baseline,
    models: run.models,
    units: run.units,
    sampling: "Latin hypercube, one draw per equal-probability stratum of each input; draw d runs as replication d of every model",
    interval: INTERVAL_NOTE,
    pBetter: "share of draws in which the model's paired difference from the baseline is strictly in the better direction (lower waits, costs, arrests; higher answered-without-police and no-arrest/ED/hold shares)",
    pCostEffective: "share of draws with wtp x outcome gain - cost difference > 0 (positive net monetary benefit), both over the measured period",
    wtp: wtps,
    wtpShown: shown,
    inputs: run.inputs,
    inputValues: run.values,
    summary,
    tornado: tornadoes,
    tornadoMethod: "for each input, the mean difference from the baseline over the third of the draws with the input lowest and over the third with it highest (the other inputs vary in both); swing = |high - low|, largest first",
  };
}

export function uncertaintyFiles(run: UncertaintyRun, summary: Record<string, ModelUncertainty>, wtps: readonly number[], shown: readonly number[]): Map<string, string> {
  const inputPaths = run.inputs.map((i) => i.path);
  const drawRows: (string | number | null)[][] = [];
  for (let d = 0; d < run.draws; d++) {
    for (const model of run.models) {
      const values = run.results[model][d];
      for (const metric of run.metrics) drawRows.push([d, ...run.values[d], model, metric, values.get(metric) ?? null]);
    }
  }
  const summaryRows: (string | number | null)[][] = [];
  const ceacRows: (string | number | null)[][] = [];
  const chartRows: CeacRow[] = [];
  for (const model of run.models) {
    const entry = summary[model];
    for (const metric of run.metrics) {
      const s = entry.metrics[metric];
      summaryRows.push([model, "value", metric, s.mean, s.range95?.[0] ?? null, s.range95?.[1] ?? null, s.n, null, null]);
    }
    if (entry.vsBaseline) {
      for (const metric of run.metrics) {
        const s = entry.vsBaseline[metric];
        summaryRows.push([model, "difference", metric, s.mean, s.range95?.[0] ?? null, s.range95?.[1] ?? null, s.n, s.direction, s.pBetter]);
      }
    }
    for (const curve of entry.ceac ?? []) {
      for (const point of curve.points) {
        ceacRows.push([model, curve.outcome, curve.metric, point.wtp, point.pCostEffective, curve.n]);
        chartRows.push({ model, outcome: curve.outcome, wtp: point.wtp, pCostEffective: point.pCostEffective });
      }
    }
  }
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const tornadoes = uncertaintyTornadoes(run, summary);
  const tornadoRows = tornadoes.flatMap((t) =>
    t.rows.map((r, rank) => [t.model, t.metric, rank + 1, r.input, r.lowUpTo, r.highFrom, t.drawsPerEnd, r.lowMean, r.highMean, r.swing, t.overall]),
  );
  return new Map([
    ["uncertainty.json", json(uncertaintyDocument(run, summary, wtps, shown, tornadoes))],
    ["uncertainty-summary.csv", toCsv(["model", "kind", "metric", "mean", "low95", "high95", "n", "better", "p_better"], summaryRows)],
    ["ceac.csv", toCsv(["model", "outcome", "metric", "wtp", "p_cost_effective", "n"], ceacRows)],
    ["draws.csv", toCsv(["draw", ...inputPaths, "model", "metric", "value"], drawRows)],
    ["uncertainty-tornado.csv", toCsv(["model", "metric", "rank", "input", "low_up_to", "high_from", "draws_per_end", "low_mean_difference", "high_mean_difference", "swing", "mean_difference"], tornadoRows)],
    ["ceac.vl.json", json(ceacChartSpec(chartRows, run.baseline, run.models))],
    ...tornadoes.filter((t) => t.chart !== null).map((t): [string, string] => [t.chart!, json(uncertaintyTornadoSpec(t, run.baseline, run.draws))]),
  ]);
}

/** Writes the analysis's files as one set; returns their paths. */
export function writeUncertaintyOutputs(folder: string, run: UncertaintyRun, summary: Record<string, ModelUncertainty>, wtps: readonly number[], shown: readonly number[]): string[] {
  const files = uncertaintyFiles(run, summary, wtps, shown);
  commitFolder(folder, files, { set: "uncertainty" });
  return [...files.keys()].map((path) => join(folder, path));
}
