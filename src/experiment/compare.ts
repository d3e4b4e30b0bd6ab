/**
 * Comparing two scenario files (`resim compare A.yaml B.yaml`): every model the two files share is
 * run from both, on one pool of workers, with the same seed, replications, horizon and warm-up,
 * so replication r of A's model and replication r of B's model draw the same base calls (common
 * random numbers, as models within one run do). B's models are then paired with their A
 * counterparts by replication.
 *
 * The result is an ordinary run document, so the same files, tables and report serve it: models
 * are named "A:<model>" and "B:<model>", each B model's `vsBaseline` (and cost-effectiveness) is
 * against its A counterpart, and `comparison.pairs` says which A model each B model is paired
 * with. `baseline` is the first A model, so readers that know nothing of `comparison` still find
 * a baseline that exists.
 */
import { isDeepStrictEqual } from "node:util";
import type { MetricDefinition } from "../metrics/definitions.js";
import { summarizeModels, type ModelSummary } from "../metrics/summarize.js";
import type { LoadedScenario } from "../scenario/load.js";
import type { ComparisonInfo, RunOutput } from "../report/summary-files.js";
import { runExperiments, type ExperimentResult, type RunOptions } from "./run-experiment.js";
import { StudyError } from "./study.js";
import { summaryDocument } from "./summary-document.js";

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
export async function runComparison(plan: ComparisonPlan, options: RunOptions = {}): Promise<RunOutput> {
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
  return comparisonOutput(plan, a, b);
}

/** Pairs two experiments' results into one run document (a pure function: same input, same bytes). */
export function comparisonOutput(plan: ComparisonPlan, a: ExperimentResult, b: ExperimentResult): RunOutput {
  const aOut = summaryDocument(a, plan.a.file);
  const bOut = summaryDocument(b, plan.b.file);
  const names = aOut.modelNames.filter((name) => bOut.modelNames.includes(name));
  // Metrics both files define (a unit type or zone only one has is left out), in A's order.
  const bNames = new Set(b.definitions.map((d) => d.name));
  const definitions: MetricDefinition[] = a.definitions.filter((d) => bNames.has(d.name));
  const models: Record<string, ModelSummary> = {};
  const modelNames: string[] = [];
  const replications: RunOutput["replications"][number][] = [];
  const pairs: Record<string, string> = {};
  for (const name of names) {
    const fromA = a.replications[aOut.modelNames.indexOf(name)];
    const fromB = b.replications[bOut.modelNames.indexOf(name)];
    // Baseline 0 is A's model: B's vsBaseline and cost-effectiveness are paired with A's replication r.
    const pair = summarizeModels(
      [
        { name: `A:${name}`, description: aOut.document.models[name].description },
        { name: `B:${name}`, description: bOut.document.models[name].description },
      ],
      [fromA, fromB],
      0,
      definitions,
      { horizonDays: a.scenario.run.horizonDays },
    );
    // A ratio per additional outcome makes sense only on the same calls: where B makes more calls
    // (latent demand, repeat callers), its "additional outcomes" would count those calls' outcomes.
    if (demandDifferences(plan.a, plan.b, name).length > 0) delete pair[`B:${name}`].costEffectiveness;
    Object.assign(models, pair);
    pairs[`B:${name}`] = `A:${name}`;
    modelNames.push(`A:${name}`, `B:${name}`);
    replications.push(fromA, fromB);
  }
  const demand = Object.fromEntries(names.map((name) => [name, demandDifferences(plan.a, plan.b, name)]));
  const comparison: ComparisonInfo = {
    a: { scenario: a.scenario.name, scenarioFile: plan.a.file },
    b: { scenario: b.scenario.name, scenarioFile: plan.b.file },
    pairs,
    demandDifferences: demand,
  };
  const prefixed = <T>(record: Record<string, T> | undefined, side: string) =>
    record === undefined ? undefined : Object.fromEntries(Object.entries(record).map(([key, value]) => [`${side}:${key}`, value]));
  const document = {
    ...aOut.document,
    scenario: `${a.scenario.name} vs ${b.scenario.name}`,
    // The report shows the description as its lead: the reader learns there whether the calls are the same.
    description: `B (${plan.b.file}) against A (${plan.a.file}), on the same base calls. ${demandSentence(demand)}`,
    baseline: modelNames[0],
    metrics: Object.fromEntries(Object.entries(aOut.document.metrics).filter(([key]) => bNames.has(key))),
    models,
    // Both sides' assumptions would mislead as one table: A's are kept, B's differences are the comparison.
    unitsOnDutyByHour: { ...prefixed(aOut.document.unitsOnDutyByHour, "A"), ...prefixed(bOut.document.unitsOnDutyByHour, "B") },
    comparison,
  };
  return { document, definitions, modelNames, replications };
}

/** Says whether the two files make the same calls, model by model where they differ. */
function demandSentence(demand: Record<string, string[]>): string {
  const differing = Object.entries(demand).filter(([, parts]) => parts.length > 0);
  if (differing.length === 0) return "Their demand agrees: both make the same calls.";
  const where = differing.map(([model, parts]) => `${model} (${parts.join(", ")})`).join("; ");
  return `Their demand differs for ${where}: the shared base calls still pair, but the differences include the calls only one file makes.`;
}
