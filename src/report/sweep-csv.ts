/**
 * Reading a sweep's results (`sweep.csv`, as `resim sweep` writes it) for the report's sweep
 * curves. A sweep file that cannot be charted (two swept parameters, non-numeric values, a
 * different header) does not stop the report: the section says why it is missing instead.
 */
import { parse } from "csv-parse/sync";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SweepRow } from "./charts/sweep-chart.js";

/**
 * The header a one-parameter sweep.csv starts with. Files from this version go on with the
 * paired differences (SWEEP_DIFFERENCE_COLUMNS); older files stop here; both are read.
 */
export const SWEEP_HEADER = ["point", "parameter", "value", "model", "metric", "mean", "ci_low", "ci_high", "n"] as const;

/**
 * Columns sweep.csv has after the ones of older versions (which readers of the older header still
 * find first): the metric's unit; the point differences are taken from (point 0, the first value
 * of each swept parameter); this point minus that point for the same model, paired by
 * replication, with its 95% interval; and this model minus the baseline model at the same point,
 * paired likewise (empty for the baseline itself).
 */
export const SWEEP_DIFFERENCE_COLUMNS = [
  "unit",
  "base_point",
  "minus_base_point",
  "minus_base_point_ci_low",
  "minus_base_point_ci_high",
  "minus_baseline",
  "minus_baseline_ci_low",
  "minus_baseline_ci_high",
] as const;

/**
 * Metrics charted when the sweep has them, in this order: the ones a briefing asks about first.
 * A sweep with none of them has its first metrics charted instead.
 */
export const SWEEP_KEY_METRICS = [
  "responseMin.p90.behavioralHealth",
  "responseMin.p90.priority1",
  "answeredWithoutPoliceRate",
  "noArrestEdHoldRate",
  "alternativeShare",
  "fallbackRate",
  "cost.total",
];

/** How many metrics to chart when the sweep has none of the key ones. */
const FALLBACK_METRIC_COUNT = 4;

/** The sweep section's content. */
export type SweepSection =
  | { status: "absent" }
  | { status: "skipped"; reason: string }
  | { status: "charted"; parameter: string; curves: { metric: string; rows: SweepRow[] }[] };

/** Reads `folder/sweep.csv`, if there is one. Never throws for the file's content. */
export function readSweep(folder: string): SweepSection {
  const file = join(folder, "sweep.csv");
  if (!existsSync(file)) return { status: "absent" };
  let records: string[][];
  try {
    records = parse(readFileSync(file, "utf8"), { relax_column_count: false, skip_empty_lines: true }) as string[][];
  } catch (error) {
    return { status: "skipped", reason: `${file} could not be read as CSV: ${(error as Error).message}` };
  }
  const [header, ...body] = records;
  const known = [SWEEP_HEADER.join(","), [...SWEEP_HEADER, ...SWEEP_DIFFERENCE_COLUMNS].join(",")];
  if (!header || !known.includes(header.join(","))) {
    const twoParameters = header?.includes("parameter2");
    return {
      status: "skipped",
      reason: twoParameters
        ? `${file} sweeps two parameters; the report draws one-parameter sweeps only (the numbers are in the file)`
        : `${file} does not start with the header '${SWEEP_HEADER.join(",")}' (found '${header?.join(",") ?? ""}')`,
    };
  }
  const parameters = new Set(body.map((record) => record[1]));
  if (parameters.size !== 1) return { status: "skipped", reason: `${file} has ${parameters.size} swept parameters; expected one` };
  const byMetric = new Map<string, SweepRow[]>();
  for (const [index, record] of body.entries()) {
    const [, , value, model, metric, mean, ciLow, ciHigh] = record;
    const x = Number(value);
    if (value.trim() === "" || !Number.isFinite(x)) {
      return { status: "skipped", reason: `${file} line ${index + 2}: the swept value must be a number to draw a curve, got '${value}'` };
    }
    // An empty mean is a metric with no data at that point (a unit type not staffed): no point drawn.
    if (mean === "") continue;
    const row: SweepRow = { x, model, mean: Number(mean), ciLow: Number(ciLow === "" ? mean : ciLow), ciHigh: Number(ciHigh === "" ? mean : ciHigh) };
    const rows = byMetric.get(metric);
    if (rows) rows.push(row);
    else byMetric.set(metric, [row]);
  }
  const key = SWEEP_KEY_METRICS.filter((metric) => byMetric.has(metric));
  const metrics = key.length > 0 ? key : [...byMetric.keys()].slice(0, FALLBACK_METRIC_COUNT);
  if (metrics.length === 0) return { status: "skipped", reason: `${file} has no values to draw` };
  return { status: "charted", parameter: [...parameters][0], curves: metrics.map((metric) => ({ metric, rows: byMetric.get(metric)! })) };
}
