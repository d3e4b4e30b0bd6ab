/**
 * Running a study's points (all of them, or one shard's) on one pool of workers. Every point's
 * scenario is loaded and validated before anything runs, so a bad value fails in seconds, not
 * after an hour of simulation.
 */
import { createHash } from "node:crypto";
import { parseKeyPath, type Assignment } from "../scenario/assignments.js";
import { ScenarioError } from "../scenario/errors.js";
import type { LoadedScenario } from "../scenario/load.js";
import { suggestion } from "../scenario/near-miss.js";
import { portableFileName, scenarioProvenance } from "../scenario/provenance.js";
import { runExperiments, type RunOptions } from "./run-experiment.js";
import { pointResult, shardPoints, StudyError, type PointResult, type Shard, type StudyManifest } from "./study.js";

export interface StudyPlan {
  kind: StudyManifest["kind"];
  /** Loads the scenario with extra `--set` style assignments (the command's shared flags apply). */
  load: (assignments: Assignment[]) => LoadedScenario;
  /** Each point's values, as [path, value] pairs. */
  points: [string, unknown][][];
  /** Models to run (the baseline always runs); default all. */
  models?: readonly string[];
  shard?: Shard;
  settings: Record<string, unknown>;
}

/** A study checked and ready: its manifest (known before anything runs) and the run of its shard's points. */
export interface PreparedStudy {
  manifest: StudyManifest;
  /** Loads and validates every point's scenario (throws ScenarioError), as `run` does first. */
  check: () => void;
  run: (options: RunOptions) => Promise<{ manifest: StudyManifest; points: PointResult[] }>;
}

/** Runs the plan's points for its shard; returns the manifest and the points run. */
export async function runStudy(plan: StudyPlan, options: RunOptions): Promise<{ manifest: StudyManifest; points: PointResult[] }> {
  return prepareStudy(plan).run(options);
}

/**
 * Loads the base scenario and computes the study's manifest, without running: a shard can then
 * see that its folder already holds its complete output (a rerun job array) and stop at once.
 */
export function prepareStudy(plan: StudyPlan): PreparedStudy {
  const loadPoint = (point: [string, unknown][]) => {
    // A bad value names where it came from: a sweep's --values, or the file's uncertain list.
    const given = (path: string) => (plan.kind === "sweep" ? `--values of --param ${path}` : "the 'uncertain' list (low or high)");
    const assignments = point.map(([path, value]) => ({
      path: parseKeyPath(path, plan.kind === "sweep" ? "--param" : "uncertain path"),
      value,
      text: `${path}=${JSON.stringify(value)}`,
      given: given(path),
    }));
    try {
      return plan.load(assignments);
    } catch (error) {
      if (error instanceof ScenarioError) {
        const where = point.map(([path, value]) => `${path}=${JSON.stringify(value)}`).join(", ");
        throw new ScenarioError(error.file, error.issues.map((issue) => ({ ...issue, message: `${issue.message} (at point ${where})` })));
      }
      throw error;
    }
  };
  const base = loadPoint([]);
  const names = base.config.models.map((m) => m.name);
  const models = plan.models?.map((name) => {
    const index = names.indexOf(name);
    if (index < 0) throw new StudyError(`--model: ${base.file} has no model '${name}'${suggestion(name, names) || ` (models: ${names.join(", ")})`}`);
    return index;
  });
  const run = base.config.run;
  const modelNames = [...new Set([run.baseline, ...(models ?? names.map((_, i) => i))])].sort((a, b) => a - b).map((m) => names[m]);
  const manifest: StudyManifest = {
    kind: plan.kind,
    scenario: base.config.name,
    scenarioFile: portableFileName(base.file),
    seed: run.seed,
    replications: run.replications,
    horizonDays: run.horizonDays,
    baseline: names[run.baseline],
    models: modelNames,
    points: plan.points.length,
    settings: plan.settings,
    targets: { ...base.config.targets },
    // Shards run with different --set values or edited files must not merge: the digest of the
    // validated base scenario (overrides applied) tells them apart.
    scenarioDigest: createHash("sha256").update(JSON.stringify(base.input)).digest("hex"),
    provenance: scenarioProvenance(base),
  };
  let loaded: LoadedScenario[] | undefined;
  const loadAll = () => (loaded ??= plan.points.map((point) => loadPoint(point)));
  return {
    manifest,
    check: () => void loadAll(),
    run: async (options) => {
      const selected = shardPoints(plan.points.length, plan.shard);
      const loaded = loadAll();
      const results = await runExperiments(
        selected.map((i) => ({ scenario: loaded[i], models })),
        options,
      );
      return { manifest, points: selected.map((i, k) => pointResult(i, plan.points[i], results[k])) };
    },
  };
}
