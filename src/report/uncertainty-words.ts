/**
 * What the report's intervals cover, in one sentence a council member can repeat: the 95%
 * intervals of a run are the simulation's own chance variation (which calls come, how long each
 * takes), paired by replication, and say nothing about whether the scenario's inputs are right;
 * only an uncertainty analysis (resim uncertainty) in the same folder covers those.
 */
import type { SummaryDocument } from "./summary-files.js";

/** The sentence, for a run with or without an uncertainty analysis beside it. */
export function uncertaintySentence(document: Pick<SummaryDocument, "replications"> & Partial<Pick<SummaryDocument, "comparison">>, withInputUncertainty = false): string {
  const runs = document.replications === 1 ? "a single replication (so no interval can be given)" : `${document.replications} replications`;
  const paired = document.comparison ? "each B model paired with the same model under A on the same base calls" : "each option paired with the baseline on the same calls";
  const base = `The 95% intervals cover only the simulation's own chance variation (which calls come and how long each takes) across ${runs}, with ${paired}; they do not cover uncertainty in the scenario's inputs (costs, outcome shares, staffing, uptake)`;
  return withInputUncertainty
    ? `${base}: the section on uncertain inputs below shows how the results move when those inputs vary.`
    : `${base}, so the true effect can lie outside them if an input is wrong.`;
}
