/**
 * The document of `resim compare` (experiment/compare.ts runs it): an ordinary run document, so
 * the same files, tables and report serve it. Models are named "A:<model>" and "B:<model>", each
 * B model's `vsBaseline` (and cost-effectiveness) is against its A counterpart, and
 * `comparison.pairs` says which A model each B model is paired with. `baseline` is the first A
 * model, so readers that know nothing of `comparison` still find a baseline that exists.
 */
import { demandDifferences, type ComparisonRun } from "../experiment/compare.js";
import type { MetricDefinition } from "../metrics/definitions.js";
import { summarizeModels, type ModelSummary } from "../metrics/summarize.js";
import { summaryDocument } from "./summary-document.js";
import type { ComparisonInfo, RunOutput } from "./summary-files.js";

/** Pairs two experiments' results into one run document (a pure function: same input, same bytes). */
export function comparisonOutput({ plan, a, b }: ComparisonRun): RunOutput {
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
    b: { scenario: b.scenario.name, scenarioFile: plan.b.file, caveats: bOut.document.caveats, assumptions: bOut.document.assumptions },
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
    // Both sides' assumptions would mislead as one table: A's are kept here, B's (with its switches) in comparison.b.
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
