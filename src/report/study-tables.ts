/**
 * The terminal view of a finished sweep or sensitivity analysis, computed from its points (so a
 * merge of shards prints what one run prints). A sweep shows, for each charted metric, one row
 * per point and one column per model (mean [95% CI]); a sensitivity analysis shows the tornado as
 * a ranked table: the metric at each parameter's low and high value, the paired differences from
 * the base run, and the swing. The files hold every metric; these are for reading.
 */
import type { MetricDefinition } from "../metrics/definitions.js";
import type { MetricSummary } from "../metrics/summarize.js";
import { summarizePoint, type PointResult, type StudyManifest } from "../experiment/study.js";
import { formatValue, unitLabel } from "./format.js";
import { metricLabel, parameterLabel } from "./metric-labels.js";
import { sensitivityRows, SWEEP_BASE_POINT, sweepDifferences } from "./study-files.js";

type Unit = MetricDefinition["unit"] | undefined;

/** A titled table: header row first; the first `textColumns` columns are names or settings. */
export interface StudyTableBlock {
  heading: string;
  rows: string[][];
  textColumns: number;
}

/** What a study's table shows: a title, notes, and one or more blocks (the report draws them as HTML). */
export interface StudyTableContent {
  title: string;
  notes: string[];
  blocks: StudyTableBlock[];
}

/** The table of a complete study, as text. `unit` is the sensitivity metric's unit, when known. */
export function studyTable(manifest: StudyManifest, points: readonly PointResult[], unit?: Unit): string {
  const content = studyTableContent(manifest, points, unit);
  const lines = [content.title, ...content.notes];
  for (const block of content.blocks) {
    lines.push("");
    if (block.heading) lines.push(block.heading);
    lines.push(...align(block.rows, block.textColumns));
  }
  return lines.join("\n") + "\n";
}

/** How a study's parameters and metric are named: key paths in the terminal, words on the report page. */
export interface StudyNames {
  parameter(path: string): string;
  /** The metric mid-sentence. */
  metric(name: string): string;
}

/** Key paths, as the analyst typed them (the terminal). */
export const KEY_PATHS: StudyNames = { parameter: (path) => path, metric: (name) => name };

/** Names a council reader understands (the report page; metric-labels.ts). */
export const IN_WORDS: StudyNames = {
  parameter: parameterLabel,
  // "Total cost" -> "total cost", but "BH response time" keeps its capitals.
  metric: (name) => metricLabel(name).replace(/^[A-Z](?![A-Z])/, (first) => first.toLowerCase()),
};

/** The table of a complete study, by kind. */
export function studyTableContent(manifest: StudyManifest, points: readonly PointResult[], unit?: Unit, names: StudyNames = KEY_PATHS): StudyTableContent {
  return manifest.kind === "sweep" ? sweepContent(manifest, points, names) : sensitivityContent(manifest, points, unit, names);
}

/**
 * A sweep: per charted metric (named for a reader: metric-labels.ts), the metric at each point for
 * each model, then each point's change from the base point, paired by replication.
 */
function sweepContent(manifest: StudyManifest, points: readonly PointResult[], names: StudyNames): StudyTableContent {
  const parameters = (manifest.settings.parameters as { path: string }[]).map((p) => names.parameter(p.path));
  const charts = (manifest.settings.charts ?? []) as { metric: string; unit?: Unit }[];
  const summaries = points.map((point) => summarizePoint(point, manifest.baseline));
  const differences = sweepDifferences(manifest, points);
  const base = points.find((point) => point.point === SWEEP_BASE_POINT);
  const setting = (point: PointResult) => point.assignments.map(([, value]) => (typeof value === "string" ? value : JSON.stringify(value)));
  const blocks = charts
    .filter(({ metric }) => points.some((point) => point.metrics.includes(metric)))
    .flatMap(({ metric, unit }) => [
      {
        heading: `${metricLabel(metric)}${unit ? ` (${unitLabel(unit)})` : ""}`,
        textColumns: parameters.length,
        rows: [
          [...parameters, ...manifest.models],
          ...points.map((point, i) => [...setting(point), ...manifest.models.map((model) => interval(summaries[i][model]?.metrics[metric], unit, false))]),
        ],
      },
      ...(base && points.length > 1
        ? [
            {
              heading: `${metricLabel(metric)}: change from point ${SWEEP_BASE_POINT} (${parameters.map((path, i) => `${path} = ${setting(base)[i]}`).join(", ")}), paired by replication`,
              textColumns: parameters.length,
              rows: [
                [...parameters, ...manifest.models],
                ...points
                  .filter((point) => point !== base)
                  .map((point) => [...setting(point), ...manifest.models.map((model) => interval(differences.get(point.point)?.get(model)?.get(metric), unit, true))]),
              ],
            },
          ]
        : []),
    ]);
  return {
    title: `${manifest.scenario}: sweep of ${parameters.join(" x ")}, ${points.length} points, ${manifest.replications} replications each (mean [95% CI])`,
    notes: [],
    blocks,
  };
}

/** A sensitivity analysis: parameters ranked by swing, largest first. */
function sensitivityContent(manifest: StudyManifest, points: readonly PointResult[], unit: Unit, names: StudyNames): StudyTableContent {
  const { metric, model } = manifest.settings as { metric: string; model: string };
  const { base, rows } = sensitivityRows(manifest, points);
  const value = (x: number | null) => (x === null ? "n/a" : figure(x, unit, false));
  return {
    title: `${manifest.scenario}: sensitivity of ${names.metric(metric)}${unit ? ` (${unitLabel(unit)})` : ""} for ${model}, one parameter at a time, ${manifest.replications} replications each`,
    notes: [`base: ${value(base)}; differences are paired with the base run by replication (mean [95% CI])`],
    blocks: [
      {
        heading: "",
        textColumns: 2,
        rows: [
          ["rank", "parameter", "low", "high", "at low", "at high", "low - base", "high - base", "swing"],
          ...rows.map((r, i) => [
            String(i + 1),
            names.parameter(r.parameter),
            JSON.stringify(r.low),
            JSON.stringify(r.high),
            value(r.lowMean),
            value(r.highMean),
            interval(r.lowMinusBase, unit, true),
            interval(r.highMinusBase, unit, true),
            value(r.swing),
          ]),
        ],
      },
    ],
  };
}

function figure(x: number, unit: Unit, signed: boolean): string {
  if (unit) return formatValue(x, unit, signed);
  // No unit known (a merged sensitivity study): 4 significant digits say enough to rank.
  const text = String(Number(x.toPrecision(4)));
  return signed && x > 0 ? `+${text}` : text;
}

function interval(s: Pick<MetricSummary, "mean" | "ci95"> | undefined, unit: Unit, signed: boolean): string {
  if (!s || s.mean === null) return "n/a";
  if (s.ci95 === null) return figure(s.mean, unit, signed);
  return `${figure(s.mean, unit, signed)} [${figure(s.ci95[0], unit, signed)}, ${figure(s.ci95[1], unit, signed)}]`;
}

/** Left-aligns the first `textColumns` columns (names, settings), right-aligns the figures. */
function align(rows: readonly (readonly string[])[], textColumns: number): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c < textColumns ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ").trimEnd());
}
