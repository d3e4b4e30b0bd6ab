/**
 * The run's results as one document (what summary.json holds): the scenario, the run settings and
 * each model's summary. Contains nothing that depends on the machine or the clock.
 */
import { scenarioAssumptions } from "./scenario-assumptions.js";
import { extendsOrigin, markExtended } from "./extends-marks.js";
import { scenarioCaveats } from "./scenario-switches.js";
import type { RunOutput, SummaryDocument } from "./summary-files.js";
import { unitsOnDutyByHour } from "./units-on-duty.js";
import type { ExperimentResult } from "../experiment/run-experiment.js";

/** Builds the document and the data the summary files need. */
export function summaryDocument(result: ExperimentResult, scenarioFile: string): RunOutput {
  const { scenario } = result;
  const modelNames = result.models.map((m) => scenario.models[m].name);
  const document: SummaryDocument = {
    scenario: scenario.name,
    description: scenario.description,
    scenarioFile,
    seed: scenario.run.seed,
    replications: scenario.run.replications,
    horizonDays: scenario.run.horizonDays,
    warmupDays: scenario.run.warmupDays,
    baseline: modelNames[result.baseline],
    metrics: Object.fromEntries(result.definitions.map((d) => [d.name, { unit: d.unit, description: d.description }])),
    models: result.summary,
    targets: { priority1ResponseMin: scenario.targets.priority1ResponseMin },
    // As the run used it (`--set briefing...` applied); a config built by hand has none.
    briefing: { thresholds: { ...(scenario.briefing?.thresholds ?? {}) } },
    caveats: scenarioCaveats(scenario, result.models),
    assumptions: markExtended(scenarioAssumptions(scenario, result.models), extendsOrigin(scenarioFile)),
    unitsOnDutyByHour: unitsOnDutyByHour(scenario, result.models),
  };
  return { document, definitions: result.definitions, modelNames, replications: result.replications };
}
