/**
 * The columns summary.csv and replications.csv end every row with, so that the files of several
 * runs can be stacked and still say where each row came from (issue 13, item 6). They go last so
 * readers that go by position keep working. All come from the run's settings, none from a clock:
 * the same scenario and seed give the same values whatever the number of workers.
 */
import { RESIM_VERSION } from "../version.js";
import type { SummaryDocument } from "./summary-files.js";

export const ANALYST_COLUMNS = ["scenario", "seed", "resim_version", "unit"] as const;

/**
 * The values of ANALYST_COLUMNS for one row; `unit` is the metric's unit from its definition,
 * empty when the row is not a metric's. The version is the one provenance recorded, so a summary
 * document read back keeps the version that produced it.
 */
export function analystValues(document: Pick<SummaryDocument, "scenario" | "seed" | "provenance">, unit: string | undefined): (string | number)[] {
  return [document.scenario, document.seed, document.provenance?.resimVersion ?? RESIM_VERSION, unit ?? ""];
}
