/**
 * A study is a set of points (a sweep's parameter values, a sensitivity analysis's low/high runs),
 * each a scenario with some values set, run on the same seeds. Each point's raw results are saved
 * as `points/point-NNNN.json`; the study's outputs are computed from those files alone, so a study
 * can be split into shards (`--shard I/N` runs every N-th point) on many machines and merged
 * later into exactly what one unsharded run writes. A study's files are committed to its folder as
 * one set (output/folder-commit.ts), named after its kind, so a shard's folder always holds one
 * complete part; merge checks each part against its manifest before reading it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { readRegularFile } from "../streams/input-file.js";
import { join } from "node:path";
import { OutputError } from "../output/atomic-write.js";
import { commitFolder } from "../output/folder-commit.js";
import { checkListedFiles, fileEntry, readManifest } from "../output/manifest.js";
import type { MetricValues } from "../metrics/replication-recorder.js";
import { pairedEstimate } from "../metrics/stats.js";
import { roundFigure, summarizeModels, type MetricSummary, type ModelSummary } from "../metrics/summarize.js";
import type { ExperimentResult } from "./run-experiment.js";
import type { Provenance } from "../scenario/provenance.js";

/** What identifies a study: every sharded part must carry the same manifest to be merged. */
export interface StudyManifest {
  kind: "sweep" | "sensitivity" | "uncertainty";
  scenario: string;
  scenarioFile: string;
  seed: number;
  replications: number;
  horizonDays: number;
  baseline: string;
  models: string[];
  /** Number of points in the whole study. */
  points: number;
  /** The study's own settings (parameters and values, metric, ...). */
  settings: Record<string, unknown>;
  /** The city's targets in the base scenario (the sweep curves draw them); absent in older studies. */
  targets?: { priority1ResponseMin: number };
  /** SHA-256 of the validated base scenario, overrides applied. */
  scenarioDigest: string;
  /** Version, input digests and the base's overrides (each point's own values are in its point file); absent in older studies. */
  provenance?: Provenance;
}

/** One point's raw results: every metric of every model in every replication. */
export interface PointResult {
  point: number;
  /** The values set at this point, as [path, value] pairs. */
  assignments: [string, unknown][];
  models: { name: string; description: string }[];
  metrics: string[];
  /** values[model][replication][metric], in the order of `models` and `metrics`. */
  values: (number | null)[][][];
}

/** Raised when shards cannot be merged or a shard argument is malformed (a user mistake). */
export class StudyError extends Error {
  override name = "StudyError";
}

/** Parses `--shard I/N` (1 <= I <= N). */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new StudyError(`--shard must be I/N with 1 <= I <= N, like 2/8, got '${text}'`);
  }
  return { index, count };
}

export interface Shard {
  index: number;
  count: number;
}

/** The points a shard runs: every count-th point starting at index-1, so shards balance. */
export function shardPoints(points: number, shard?: Shard): number[] {
  const all = Array.from({ length: points }, (_, i) => i);
  return shard ? all.filter((i) => i % shard.count === shard.index - 1) : all;
}

/** Turns an experiment into a point's raw results. */
export function pointResult(point: number, assignments: [string, unknown][], result: ExperimentResult): PointResult {
  const metrics = result.definitions.map((d) => d.name);
  return {
    point,
    assignments,
    models: result.models.map((m) => ({ name: result.scenario.models[m].name, description: result.scenario.models[m].description })),
    metrics,
    values: result.replications.map((reps) => reps.map((values) => metrics.map((name) => values.get(name) ?? null))),
  };
}

/** Summaries of a point's models (the same function `resim run` uses). */
export function summarizePoint(point: PointResult, baseline: string): Record<string, ModelSummary> {
  const replications: MetricValues[][] = point.values.map((reps) => reps.map((row) => new Map(row.map((value, i) => [point.metrics[i], value]))));
  return summarizeModels(
    point.models,
    replications,
    point.models.findIndex((m) => m.name === baseline),
    point.metrics.map((name) => ({ name })),
  );
}

/** One model's values of one metric at a point, by replication (null where it had none). */
export function pointSeries(point: PointResult, model: string, metric: string): (number | null)[] {
  const m = point.models.findIndex((x) => x.name === model);
  const k = point.metrics.indexOf(metric);
  if (m < 0 || k < 0) return [];
  return point.values[m].map((row) => row[k]);
}

/**
 * The paired difference `values` minus `base`, replication by replication (the same seeds, so the
 * same calls: common random numbers), over the replications where both have a value: its mean
 * and 95% interval by Student's t, rounded as every summary figure is.
 */
export function pairedDifference(values: readonly (number | null)[], base: readonly (number | null)[]): MetricSummary {
  const keep = values.map((v, r) => v !== null && base[r] !== null && base[r] !== undefined);
  const e = pairedEstimate(values.filter((_, r) => keep[r]) as number[], base.filter((_, r) => keep[r]) as number[]);
  return {
    mean: e.mean === null ? null : roundFigure(e.mean),
    ci95: e.ci95 === null ? null : [roundFigure(e.ci95[0]), roundFigure(e.ci95[1])],
    n: e.n,
  };
}

function pointFile(point: number): string {
  return `points/point-${String(point).padStart(4, "0")}.json`;
}

/** The manifest and the given points' results, by path in a study folder. */
export function studyPartFiles(manifest: StudyManifest, points: readonly PointResult[]): Map<string, string> {
  const files = new Map([["study.json", JSON.stringify(manifest, null, 2) + "\n"]]);
  for (const point of points) files.set(pointFile(point.point), JSON.stringify(point) + "\n");
  return files;
}

/**
 * A part's record of the shards written into it (`shards.json`), so that merge can name a missing
 * shard as `I/N`, the form a job array reruns, rather than by its points.
 */
const SHARDS_FILE = "shards.json";

function shardLabel(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

function shardsText(shards: readonly Shard[]): string {
  const sorted = [...shards].sort((a, b) => a.count - b.count || a.index - b.index);
  return JSON.stringify({ shards: sorted.map(shardLabel) }) + "\n";
}

/**
 * Writes the manifest and the given points' results into `folder`, as one set, with the shard
 * that ran them. Points of the same study already there (another shard written into this folder
 * earlier) are kept in the set: the same study's seeds give the same results, and replacing the
 * set must not lose an hour of work.
 */
export function writeStudyPart(folder: string, manifest: StudyManifest, points: readonly PointResult[], shard?: Shard): void {
  const files = studyPartFiles(manifest, points);
  const earlier = earlierPart(folder, manifest.kind, files.get("study.json")!);
  for (const [path, content] of earlier?.points ?? []) {
    if (!files.has(path)) files.set(path, content);
  }
  const shards = [...(earlier?.shards ?? [])];
  if (shard && !shards.some((s) => s.index === shard.index && s.count === shard.count)) shards.push(shard);
  if (shards.length > 0) files.set(SHARDS_FILE, shardsText(shards));
  commitFolder(folder, files, { set: manifest.kind });
}

/**
 * True when `folder` already holds this shard's complete output: the same study (same study.json:
 * scenario, --set values, seed, replications, settings, models, resim version) and every point of
 * the shard, listed in its manifest and unchanged. A rerun job array skips such a shard.
 */
export function studyPartComplete(folder: string, manifest: StudyManifest, shard: Shard): boolean {
  const study = studyPartFiles(manifest, []).get("study.json")!;
  let earlier;
  try {
    earlier = earlierPart(folder, manifest.kind, study);
  } catch (error) {
    // A damaged or changed part is not complete: the shard runs again and replaces it.
    if (error instanceof StudyError) return false;
    throw error;
  }
  if (!earlier) return false;
  const held = new Set(earlier.points.map(([path]) => path));
  return shardPoints(manifest.points, shard).every((i) => held.has(pointFile(i)));
}

/** The point files and shards of `folder`'s set `kind` when it holds the same study (same study.json), checked. */
function earlierPart(folder: string, kind: string, study: string): { points: [string, string][]; shards: Shard[] } | null {
  let set;
  try {
    set = readManifest(folder)?.manifest.sets[kind];
  } catch (error) {
    if (error instanceof OutputError) throw new StudyError(error.message);
    throw error;
  }
  if (set?.files["study.json"]?.sha256 !== fileEntry(Buffer.from(study, "utf8")).sha256) return null;
  checkPart(folder);
  return {
    points: Object.keys(set.files)
      .filter((path) => path.startsWith("points/"))
      .map((path) => [path, readFileSync(join(folder, path), "utf8")]),
    shards: set.files[SHARDS_FILE] ? readShards(folder) : [],
  };
}

/** The shards recorded in a part (none when it has no shards.json: an unsharded run, or an older resim). */
function readShards(folder: string): Shard[] {
  const file = join(folder, SHARDS_FILE);
  if (!existsSync(file)) return [];
  const data = readJson(file) as { shards?: unknown };
  if (!Array.isArray(data.shards) || !data.shards.every((s) => typeof s === "string")) {
    throw new StudyError(`${file}: cannot be read as a study file: expected {"shards": ["I/N", ...]}`);
  }
  return data.shards.map((text: string) => {
    try {
      return parseShard(text);
    } catch {
      throw new StudyError(`${file}: cannot be read as a study file: '${text}' is not a shard I/N`);
    }
  });
}

/** Reads a study folder (or shard): its manifest, the points it holds and the shards that wrote them. Throws StudyError. */
export function readStudyPart(folder: string): { manifest: StudyManifest; points: PointResult[]; shards: Shard[] } {
  const manifestFile = join(folder, "study.json");
  if (!existsSync(manifestFile)) throw new StudyError(`${folder}: not a sweep, sensitivity or uncertainty part (no study.json)`);
  const pointsFolder = join(folder, "points");
  const files = existsSync(pointsFolder) ? readdirSync(pointsFolder).filter((f) => /^point-\d+\.json$/.test(f)).sort() : [];
  checkPart(folder);
  const manifest = readJson(manifestFile) as StudyManifest;
  const points = files.map((f) => readJson(join(pointsFolder, f)) as PointResult);
  return { manifest, points, shards: readShards(folder) };
}

/**
 * Checks a part's study files against its folder's manifest: a listed point that is missing, or a
 * file changed since, means a shard copied incompletely (a cut-short rsync) or edited. Points
 * that are not listed (copied in by hand from another shard) are read as they are.
 */
function checkPart(folder: string): void {
  let problems;
  try {
    problems = checkListedFiles(folder, readManifest(folder)?.manifest ?? null, (path) => path === "study.json" || path === SHARDS_FILE || path.startsWith("points/"));
  } catch (error) {
    if (error instanceof OutputError) throw new StudyError(error.message);
    throw error;
  }
  if (problems.length > 0) {
    const lines = problems.map(({ file, problem }) => `${file}: cannot be read as a study file: ${problem}`);
    throw new StudyError(`${lines.join("\n")}\n${folder} changed after resim wrote it, or was copied incompletely: run that shard again, or copy it again`);
  }
}

/**
 * Merges study parts: the manifests must agree, every point must be present, and a point found
 * in two parts must hold the same results. Returns the manifest and all points in order.
 */
export function mergeStudyParts(parts: readonly { folder: string; manifest: StudyManifest; points: PointResult[]; shards?: Shard[] }[]): {
  manifest: StudyManifest;
  points: PointResult[];
} {
  if (parts.length === 0) throw new StudyError("merge needs at least one folder");
  const manifest = parts[0].manifest;
  const reference = JSON.stringify(manifest);
  const byPoint = new Map<number, { text: string; point: PointResult; folder: string }>();
  for (const part of parts) {
    if (JSON.stringify(part.manifest) !== reference) {
      throw new StudyError(`${part.folder}: belongs to a different study than ${parts[0].folder} (study.json differs: scenario file or --set values, seed, replications, settings or models)`);
    }
    for (const point of part.points) {
      const text = JSON.stringify(point);
      const seen = byPoint.get(point.point);
      if (seen && seen.text !== text) throw new StudyError(`point ${point.point} differs between ${seen.folder} and ${part.folder}`);
      byPoint.set(point.point, { text, point, folder: part.folder });
    }
  }
  const missing = shardPoints(manifest.points).filter((i) => !byPoint.has(i));
  if (missing.length > 0) throw new StudyError(missingMessage(manifest, missing, parts.flatMap((part) => part.shards ?? [])));
  return { manifest, points: shardPoints(manifest.points).map((i) => byPoint.get(i)!.point) };
}

/**
 * What is missing, said the way it is rerun: when the parts were written by shards of one count N,
 * the shards (I/N) that hold the missing points; otherwise the points themselves.
 */
function missingMessage(manifest: StudyManifest, missing: readonly number[], shards: readonly Shard[]): string {
  const what = manifest.kind === "uncertainty" ? "draws" : "points";
  const list = (items: readonly (number | string)[]) => `${items.slice(0, 10).join(", ")}${items.length > 10 ? ", ..." : ""}`;
  const counts = new Set(shards.map((s) => s.count));
  if (counts.size === 1) {
    const count = shards[0].count;
    const absent = [...new Set(missing.map((i) => (i % count) + 1))].sort((a, b) => a - b).map((index) => `${index}/${count}`);
    return `the study has ${manifest.points} ${what} in ${count} shards; missing ${absent.length === 1 ? "shard" : "shards"} ${list(absent)} (${what} ${list(missing)}): run ${absent.length === 1 ? "it" : "them"} again with --shard ${absent[0]}${absent.length > 1 ? " ..." : ""} and the same flags, then merge`;
  }
  return `the study has ${manifest.points} ${what}; missing ${missing.length}: ${list(missing)} (run the remaining shards)`;
}

function readJson(file: string): unknown {
  try {
    // A regular file only, of bounded size: a study file pointing at a device must not hang merge.
    return JSON.parse(readRegularFile(file, "a study file").toString("utf8"));
  } catch (error) {
    const message = (error as Error).message;
    throw new StudyError(message.startsWith(`${file}: `) ? message : `${file}: cannot be read as a study file: ${message}`);
  }
}
