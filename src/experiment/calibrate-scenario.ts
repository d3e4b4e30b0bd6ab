/**
 * The calibrated scenario `resim calibrate` writes: a file that `extends` the input and holds only
 * the fitted values, each marked with a comment and a `sources:` entry saying it was fitted by
 * resim calibrate, to which call table and observed figures, over which dates of the data.
 */
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from "node:path";
import { Document, isMap, isScalar, isSeq, visit } from "yaml";
import type { FitRow } from "./calibrate-evaluate.js";
import type { ObservedResponse } from "./calibrate-observed.js";
import { prioritySourceNote } from "./calibrate-observed.js";
import type { CalibrationResult } from "./calibrate.js";
import { fittedNote } from "./calibrate-knobs.js";

/** Where the calibrated scenario goes by default: NAME.calibrated.yaml beside the input. */
export function defaultCalibratedFile(input: string): string {
  const extension = extname(input);
  return join(dirname(input), `${basename(input, extension)}.calibrated.yaml`);
}

/** A path as a scenario file in `folder` names it: relative, with forward slashes. */
function relativeTo(folder: string, path: string): string {
  return relative(resolve(folder), resolve(path)).split("\\").join("/");
}

const minutes = (value: number | null) => (value === null ? "n/a" : `${value.toFixed(1)} min`);

/** "slo.csv (observed response p50 14.0 min, p90 39.0 min over 9,615 calls received 2021-09-20 to 2022-03-14)". */
export function fittedTo(observed: ObservedResponse, rows: readonly FitRow[]): string {
  const p50 = rows.find((r) => r.metric === "overall p50")?.observed ?? null;
  const p90 = rows.find((r) => r.metric === "overall p90")?.observed ?? null;
  const byPriority = rows
    .filter((r) => r.priority > 0)
    .map((r) => `P${r.priority} ${minutes(r.observed)}`)
    .join(", ");
  return (
    `${basename(observed.file)} (observed response received -> first unit on scene: p50 ${minutes(p50)}, p90 ${minutes(p90)}` +
    `${byPriority ? `; p90 by priority ${byPriority}, ${prioritySourceNote(observed.prioritySource)}` : ""}` +
    `; ${observed.overall.count.toLocaleString("en-US")} calls received ${observed.firstDate} to ${observed.lastDate})`
  );
}

export interface CalibratedScenarioOptions {
  inputFile: string;
  outFile: string;
  /** The input scenario's name; the calibrated one is NAME-calibrated. */
  name: string;
  /** The replayed table's path as the input names it (demand.historical.file). */
  historicalFile: string;
  result: CalibrationResult;
  observed: ObservedResponse;
  replications: number;
  seed: number;
}

/** The calibrated scenario as YAML text. */
export function calibratedScenarioText(options: CalibratedScenarioOptions): string {
  const { result, observed } = options;
  const to = fittedTo(observed, result.rows);
  const data: Record<string, unknown> = {
    extends: relativeTo(dirname(options.outFile), options.inputFile),
    name: `${options.name}-calibrated`.slice(0, 120),
    description: `${options.name}'s baseline calibrated by resim calibrate to ${to}.`,
  };
  // The table's path is relative to the scenario naming it: a calibrated file in another folder names it anew.
  const sameFolder = resolve(dirname(options.outFile)) === resolve(dirname(options.inputFile));
  if (!sameFolder && !isAbsolute(options.historicalFile)) {
    data.demand = { historical: { file: relativeTo(dirname(options.outFile), observed.file) } };
  }
  const comments: [readonly (string | number)[], string][] = [];
  const sources: Record<string, string> = {};
  for (const knob of result.knobs) {
    const value = result.values[knob.id];
    if (value === undefined || value === knob.asWritten) continue;
    const note = `fitted by resim calibrate: ${fittedNote(knob, value)}`;
    for (const assignment of knob.assignments(value)) {
      setAt(data, assignment.path, assignment.value);
      comments.push([assignment.path, note]);
    }
    for (const path of knob.paths) sources[path] = `fitted by resim calibrate to ${to}: ${fittedNote(knob, value)}`;
  }
  data.sources = sources;
  const document = new Document(data);
  for (const [path, note] of comments) {
    const node = document.getIn(path, true);
    if (isScalar(node)) node.comment = ` ${note}`;
    else if (node !== undefined && node !== null) (node as { commentBefore?: string }).commentBefore = ` ${note}`;
  }
  compact(document);
  const table = result.rows.map((r) => `#   ${r.metric.padEnd(16)} observed ${minutes(r.observed).padStart(10)}  simulated ${minutes(r.simulated).padStart(10)}  ${r.error === null ? "" : `${r.error >= 0 ? "+" : ""}${(r.error * 100).toFixed(0)}%`}`);
  const header = [
    `# Written by resim calibrate from ${basename(options.inputFile)}: its baseline fitted to the city's observed response times.`,
    `# Fitted to ${to}.`,
    `# Fit: baseline only, ${options.replications} replication(s), seed ${options.seed}, the same calls on both sides; target overall p50 and p90 within 15%, each priority's p90 within 25%: ${result.reached ? "reached" : "not reached"}.`,
    ...table,
    ...result.limits.map((line) => `# Limit: ${line}`),
    "# Everything not written here is the extended file's. Every fitted value is marked 'fitted by resim calibrate'.",
    "",
  ].join("\n");
  return `${header}${document.toString({ lineWidth: 0 })}`;
}

function setAt(data: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let node: Record<string | number, unknown> = data;
  path.forEach((key, i) => {
    if (i === path.length - 1) node[key] = value;
    else {
      if (typeof node[key] !== "object" || node[key] === null) node[key] = typeof path[i + 1] === "number" ? [] : {};
      node = node[key] as Record<string | number, unknown>;
    }
  });
}

/** Shifts and distributions on one line each, as scenario files are written. */
function compact(document: Document): void {
  visit(document, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
    Map(_, node) {
      // A commented value keeps its own line, and long texts (sources) stay readable.
      const commented = node.items.some((pair) => isScalar(pair.value) && (pair.value.comment || pair.value.commentBefore));
      const long = node.items.some((pair) => isScalar(pair.value) && String(pair.value.value).length > 40);
      if (commented || long) return;
      if (node.items.length > 0 && node.items.length <= 6 && node.items.every((pair) => isScalar(pair.value) || (isSeq(pair.value) && pair.value.items.every(isScalar)))) {
        if (!node.items.some((pair) => isMap(pair.value))) node.flow = true;
      }
    },
  });
}
