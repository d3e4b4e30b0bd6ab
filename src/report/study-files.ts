/**
 * What a finished study writes, computed from its points alone (so a merge of shards writes the
 * same bytes as one run): a sweep's tidy `sweep.csv`, a sensitivity analysis's ranked
 * `sensitivity.csv`, and their Vega-Lite chart specs. They are committed with the study's part
 * files (study.json, points/) as one set, so the folder never holds a sweep.csv of one study
 * beside the points of another.
 */
import { join } from "node:path";
import { metricDefinitions } from "../metrics/definitions.js";
import { estimate } from "../metrics/stats.js";
import { roundFigure, type MetricSummary } from "../metrics/summarize.js";
import { pairedDifference, pointSeries, studyPartFiles, summarizePoint, type PointResult, type StudyManifest } from "../experiment/study.js";
import { commitFolder } from "../output/folder-commit.js";
import { toCsv } from "./csv.js";
import { SWEEP_DIFFERENCE_COLUMNS } from "./sweep-csv.js";
import { provenanceCsv } from "./run-provenance.js";
import { sweepChartSpec, type SweepRow } from "./charts/sweep-chart.js";
import { metricTarget } from "./charts/target-line.js";
import { tornadoChartSpec } from "./tornado-chart.js";

/**
 * Writes the study's part files and, the study being complete, its outputs, as one set; returns
 * the outputs' paths (not the part files').
 */
export function writeStudyOutputs(folder: string, manifest: StudyManifest, points: readonly PointResult[]): string[] {
  const outputs = manifest.kind === "sweep" ? sweepFiles(manifest, points) : sensitivityFiles(manifest, points);
  // Named after the study's kind: a run's provenance.csv in the same folder belongs to the run's set.
  if (manifest.provenance) outputs.set(`${manifest.kind}-provenance.csv`, provenanceCsv(manifest.provenance));
  commitFolder(folder, new Map([...studyPartFiles(manifest, points), ...outputs]), { set: manifest.kind });
  return [...outputs.keys()].map((path) => join(folder, path));
}

function cellValue(value: unknown): string | number {
  return typeof value === "number" ? value : typeof value === "string" ? value : JSON.stringify(value);
}

/** The point a sweep's differences are taken from: the first value of each swept parameter. */
export const SWEEP_BASE_POINT = 0;

/**
 * Each point's difference from the base point, for every model and metric: `[point][model][metric]`,
 * paired by replication (every point ran the same seeds).
 */
export function sweepDifferences(manifest: StudyManifest, points: readonly PointResult[]): Map<number, Map<string, Map<string, MetricSummary>>> {
  const base = points.find((point) => point.point === SWEEP_BASE_POINT) ?? points[0];
  const out = new Map<number, Map<string, Map<string, MetricSummary>>>();
  for (const point of points) {
    const byModel = new Map<string, Map<string, MetricSummary>>();
    for (const model of manifest.models) {
      byModel.set(model, new Map(point.metrics.map((metric) => [metric, pairedDifference(pointSeries(point, model, metric), pointSeries(base, model, metric))])));
    }
    out.set(point.point, byModel);
  }
  return out;
}

/**
 * Units of metrics named in a study's points (summary.json's units: minutes, share, calls, hours,
 * currency), from the metric definitions of the scenario scope the names imply: unit types from
 * `utilization.<type>`, priorities from `responseMin.mean.priority<n>`, zones from `zone.<z>.calls`.
 * A name with no definition has an empty unit.
 */
export function metricUnits(names: readonly string[]): Map<string, string> {
  const unitTypes = names.flatMap((name) => /^utilization\.(.+)$/.exec(name)?.[1] ?? []).map((name) => ({ name }));
  const maxPriority = Math.max(0, ...names.map((name) => Number(/^responseMin\.mean\.priority(\d+)$/.exec(name)?.[1] ?? 0)));
  const zones = names.flatMap((name) => /^zone\.([^.]+)\.calls$/.exec(name)?.[1] ?? []);
  const units = new Map(metricDefinitions({ unitTypes, maxPriority, geography: zones.length > 0 ? { zones } : null }).map((d) => [d.name, d.unit as string]));
  return new Map(names.map((name) => [name, units.get(name) ?? ""]));
}

function sweepFiles(manifest: StudyManifest, points: readonly PointResult[]): Map<string, string> {
  const parameters = (manifest.settings.parameters as { path: string }[]).map((p) => p.path);
  const header = [
    "point", "parameter", "value", ...(parameters.length > 1 ? ["parameter2", "value2"] : []), "model", "metric", "mean", "ci_low", "ci_high", "n",
    ...SWEEP_DIFFERENCE_COLUMNS,
  ];
  const differences = sweepDifferences(manifest, points);
  const units = metricUnits([...new Set(points.flatMap((point) => point.metrics))]);
  const rows: (string | number | null)[][] = [];
  for (const point of points) {
    const summary = summarizePoint(point, manifest.baseline);
    const where = point.assignments.flatMap(([path, value]) => [path, cellValue(value)]);
    for (const model of manifest.models) {
      for (const metric of point.metrics) {
        const s = summary[model].metrics[metric];
        const fromBase = differences.get(point.point)!.get(model)!.get(metric)!;
        const fromBaseline = summary[model].vsBaseline?.[metric];
        rows.push([
          point.point, ...where, model, metric, s.mean, s.ci95?.[0] ?? null, s.ci95?.[1] ?? null, s.n,
          units.get(metric) ?? "", SWEEP_BASE_POINT,
          fromBase.mean, fromBase.ci95?.[0] ?? null, fromBase.ci95?.[1] ?? null,
          fromBaseline?.mean ?? null, fromBaseline?.ci95?.[0] ?? null, fromBaseline?.ci95?.[1] ?? null,
        ]);
      }
    }
  }
  return new Map([["sweep.csv", toCsv(header, rows)], ...sweepCharts(manifest, points)]);
}

/**
 * One chart-ready Vega-Lite spec per charted metric: the metric against the first parameter, a
 * line and 95% band per model (and per value of a second parameter, if any). Skipped when the
 * first parameter's values are not numbers.
 */
function sweepCharts(manifest: StudyManifest, points: readonly PointResult[]): [string, string][] {
  const charts = (manifest.settings.charts ?? []) as { metric: string; unit: string }[];
  if (!points.every((p) => typeof p.assignments[0][1] === "number")) return [];
  const [parameter] = points[0].assignments[0];
  const summaries = points.map((point) => summarizePoint(point, manifest.baseline));
  return charts.map(({ metric, unit }) => {
    const rows: SweepRow[] = [];
    points.forEach((point, i) => {
      const second = point.assignments[1];
      for (const model of manifest.models) {
        const s = summaries[i][model].metrics[metric];
        if (s.mean === null) continue;
        const label = second ? `${model}, ${second[0]}=${JSON.stringify(second[1])}` : model;
        rows.push({ x: point.assignments[0][1] as number, model: label, mean: s.mean, ciLow: s.ci95?.[0] ?? s.mean, ciHigh: s.ci95?.[1] ?? s.mean });
      }
    });
    // A sweep of the target itself has no one line to draw.
    const target = points[0].assignments.some(([path]) => path.startsWith("targets")) ? undefined : metricTarget(manifest, metric);
    return [`sweep-${metric}.vl.json`, JSON.stringify(sweepChartSpec(rows, { parameter, metric, unit, ...(target ? { target } : {}) }), null, 2) + "\n"];
  });
}

/** One row of a sensitivity analysis: a parameter's low and high runs against the base. */
export interface SensitivityRow {
  parameter: string;
  low: unknown;
  high: unknown;
  source: string;
  lowMean: number | null;
  highMean: number | null;
  /** Paired differences from the base run (same seeds), with 95% intervals. */
  lowMinusBase: { mean: number | null; ci95: [number, number] | null };
  highMinusBase: { mean: number | null; ci95: [number, number] | null };
  /** |high - low|: the length of the tornado bar. */
  swing: number | null;
}

/** Ranks the uncertain parameters by their swing of `metric` in `model` (largest first). */
export function sensitivityRows(manifest: StudyManifest, points: readonly PointResult[]): { base: number | null; rows: SensitivityRow[] } {
  const { metric, model, parameters } = manifest.settings as { metric: string; model: string; parameters: { path: string; low: unknown; high: unknown; source?: string }[] };
  const series = (point: PointResult) => pointSeries(point, model, metric);
  const base = series(points[0]);
  const mean = (values: (number | null)[]) => {
    const e = estimate(values.filter((v): v is number => v !== null)).mean;
    return e === null ? null : roundFigure(e);
  };
  const paired = (values: (number | null)[]) => {
    const { mean, ci95 } = pairedDifference(values, base);
    return { mean, ci95 };
  };
  const rows = parameters.map((parameter, i): SensitivityRow => {
    const low = series(points[2 * i + 1]);
    const high = series(points[2 * i + 2]);
    const lowMean = mean(low);
    const highMean = mean(high);
    return {
      parameter: parameter.path,
      low: parameter.low,
      high: parameter.high,
      source: parameter.source ?? "",
      lowMean,
      highMean,
      lowMinusBase: paired(low),
      highMinusBase: paired(high),
      swing: lowMean === null || highMean === null ? null : roundFigure(Math.abs(highMean - lowMean)),
    };
  });
  // Largest swing first; ties keep the scenario's order (a stable sort).
  rows.sort((a, b) => (b.swing ?? -1) - (a.swing ?? -1));
  return { base: mean(base), rows };
}

function sensitivityFiles(manifest: StudyManifest, points: readonly PointResult[]): Map<string, string> {
  const { metric, model } = manifest.settings as { metric: string; model: string };
  const { base, rows } = sensitivityRows(manifest, points);
  const csv = toCsv(
    ["rank", "parameter", "low", "high", "model", "metric", "base", "at_low", "at_high", "low_minus_base", "low_minus_base_ci_low", "low_minus_base_ci_high", "high_minus_base", "high_minus_base_ci_low", "high_minus_base_ci_high", "swing", "source"],
    rows.map((r, i) => [
      i + 1, r.parameter, cellValue(r.low), cellValue(r.high), model, metric, base, r.lowMean, r.highMean,
      r.lowMinusBase.mean, r.lowMinusBase.ci95?.[0] ?? null, r.lowMinusBase.ci95?.[1] ?? null,
      r.highMinusBase.mean, r.highMinusBase.ci95?.[0] ?? null, r.highMinusBase.ci95?.[1] ?? null,
      r.swing, r.source,
    ]),
  );
  return new Map([
    ["sensitivity.csv", csv],
    ["tornado.vl.json", JSON.stringify(tornadoChartSpec({ model, metric, base, rows }), null, 2) + "\n"],
  ]);
}
