/**
 * Comparing two scenario files (`resim compare A.yaml B.yaml`): every model the two files share is
 * run from both, on one pool of workers, with the same seed, replications, horizon and warm-up,
 * so replication r of A's model and replication r of B's model draw the same base calls (common
 * random numbers, as models within one run do). B's models are then paired with their A
 * counterparts by replication.
 *
 * report/compare-output.ts turns the two results into one ordinary run document.
 */
import { isDeepStrictEqual } from "node:util";
import type { LoadedScenario } from "../scenario/load.js";
import { runExperiments, type ExperimentResult, type RunOptions } from "./run-experiment.js";
import { StudyError } from "./study.js";

export interface ComparisonPlan {
  a: LoadedScenario;
  b: LoadedScenario;
  /** Model names to compare (each must be in both files); default every model the two share. */
  models?: readonly string[];
}

/** The run settings that must agree for the two files' replications to pair. */
const PAIRED_SETTINGS = ["seed", "replications", "horizonDays", "warmupDays"] as const;

/**
 * The run settings in which B differs from A, one phrase each ("seed 7 in B.yaml, 1 in A.yaml");
 * empty when they agree.
 */
export function runSettingDifferences(a: LoadedScenario, b: LoadedScenario): string[] {
  return PAIRED_SETTINGS.filter((key) => a.config.run[key] !== b.config.run[key]).map(
    (key) => `run.${key} is ${b.config.run[key]} in ${b.file} but ${a.config.run[key]} in ${a.file}`,
  );
}

/**
 * Where the two files' demand differs, for model `model`: the parts of the scenario that make
 * calls (demand, geography, repeat callers, the model's latent demand). Empty when B's calls are
 * A's calls. Where they differ, the shared base calls still pair (each stream has its own seed),
 * but the differences include the calls one side has and the other has not.
 */
export function demandDifferences(a: LoadedScenario, b: LoadedScenario, model: string): string[] {
  const parts: [string, unknown, unknown][] = [
    ["demand", a.input.demand, b.input.demand],
    ["geography", a.input.geography, b.input.geography],
    ["repeatCallers", a.input.repeatCallers, b.input.repeatCallers],
    [`models.${model}.latentDemand`, a.input.models[model]?.latentDemand ?? 0, b.input.models[model]?.latentDemand ?? 0],
  ];
  return parts.filter(([, x, y]) => !isDeepStrictEqual(x, y)).map(([key]) => key);
}

/** The models to compare, as names; throws StudyError (exit 2) for a name not in both files. */
export function comparedModels(plan: ComparisonPlan): string[] {
  const inA = plan.a.config.models.map((m) => m.name);
  const inB = new Set(plan.b.config.models.map((m) => m.name));
  const shared = inA.filter((name) => inB.has(name));
  if (plan.models === undefined) {
    if (shared.length === 0) throw new StudyError(`${plan.a.file} and ${plan.b.file} have no model in common (${inA.join(", ")} against ${[...inB].join(", ")})`);
    return shared;
  }
  for (const name of plan.models) {
    if (!shared.includes(name)) {
      const where = inA.includes(name) ? plan.b.file : plan.a.file;
      throw new StudyError(`--model: ${where} has no model '${name}' (models in both files: ${shared.join(", ") || "none"})`);
    }
  }
  // In A's order, whatever the order of the flags: the same comparison gives the same files.
  return shared.filter((name) => plan.models!.includes(name));
}

/**
 * Runs both files' models and pairs them.
 *
 * @throws {StudyError} when the run settings differ (the replications would not pair) or a model
 *   is not in both files.
 */
export async function runComparison(plan: ComparisonPlan, options: RunOptions = {}): Promise<ComparisonRun> {
  const differences = runSettingDifferences(plan.a, plan.b);
  if (differences.length > 0) {
    throw new StudyError(
      `the two files' replications would not pair: ${differences.join("; ")}.\nGive --seed, --replications or --days (or --set run.warmupDays=N) to run both with the same values`,
    );
  }
  const names = comparedModels(plan);
  const indices = (loaded: LoadedScenario) => names.map((name) => loaded.config.models.findIndex((m) => m.name === name));
  // One pool for both files: no baseline is added, since B's models are compared with A's.
  const [a, b] = await runExperiments(
    [
      { scenario: plan.a, models: indices(plan.a), withoutBaseline: true },
      { scenario: plan.b, models: indices(plan.b), withoutBaseline: true },
    ],
    options,
  );
  return { plan, a, b };
}

/** Both files' results, replication r of each on the same base calls; report/compare-output.ts pairs them into one document. */
export interface ComparisonRun {
  plan: ComparisonPlan;
  a: ExperimentResult;
  b: ExperimentResult;
}
