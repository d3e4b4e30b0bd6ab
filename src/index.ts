/**
 * resim as a library: load a scenario, run it, summarize, write the files, build the report.
 * The `resim` command is a thin layer over these.
 *
 * @example
 * const scenario = loadScenario("scenarios/riverton.yaml", { run: { replications: 20 } });
 * const result = await runExperiment({ scenario }, { workers: 2 });
 * const output = summaryDocument(result, scenario.file);
 * writeSummaryFiles("reports/riverton", output);
 * await writeReport("reports/riverton");
 */
export { loadScenario, validateScenario, validateWithOverrides, type LoadedScenario, type RunOverrides } from "./scenario/load.js";
export { parseAssignment, type Assignment } from "./scenario/assignments.js";
export { ScenarioError, type ScenarioIssue } from "./scenario/errors.js";
export { scenarioJsonSchema } from "./scenario/json-schema.js";
export { runExperiment, runExperiments, summarizeExperiment, type ExperimentResult } from "./experiment/run-experiment.js";
export { runReplication, type ReplicationResult } from "./experiment/run-replication.js";
export { summaryDocument } from "./report/summary-document.js";
export { runStudy } from "./experiment/run-study.js";
export { runComparison, type ComparisonPlan, type ComparisonRun } from "./experiment/compare.js";
export { comparisonOutput } from "./report/compare-output.js";
export { searchStaffing, parseTarget, checkTargets } from "./experiment/staffing-search.js";
export { runUncertainty, uncertainInputs, type UncertaintyRun } from "./experiment/uncertainty-analysis.js";
export { summarizeUncertainty, ceac, probabilityBetter, wtpGrid } from "./metrics/uncertainty-summary.js";
export { latinHypercube } from "./random/latin-hypercube.js";
export { metricDefinitions, type MetricDefinition } from "./metrics/definitions.js";
export { mmcMeanWait, erlangC } from "./metrics/erlang.js";
export { writeSummaryFiles, type SummaryDocument } from "./report/summary-files.js";
export { writeReport, renderReport } from "./report/build-report.js";
export { Simulation } from "./engine/simulation.js";
export type { CallSource, CallArrival } from "./streams/call-source.js";
