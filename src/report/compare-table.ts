/**
 * The terminal view of `resim compare`: for each model the two files share, one table with A's
 * and B's estimates side by side and the paired difference B - A (starred where its interval
 * excludes 0), then B's extra cost per additional outcome against A. Side by side, because the
 * question is "what changes for this model", not "how do the models rank". A share of calls is
 * followed by the count a year it stands for, and B - A by the change in that count.
 */
import type { MetricDefinition } from "../metrics/definitions.js";
import { align, intervalText, TABLE_METRICS, tableOrder as order, withCount } from "./comparison-table.js";
import { shareCountAYear, shareCountChangeAYear } from "./counts-a-year.js";
import { formatValue, unitLabel } from "./format.js";
import { COST_EFFECTIVENESS_ROWS } from "./report-tables.js";
import type { SummaryDocument } from "./summary-files.js";

/** Renders the comparison of a `resim compare` document as text. */
export function compareTable(document: SummaryDocument, definitions: readonly MetricDefinition[]): string {
  const comparison = document.comparison;
  if (!comparison) throw new Error("compareTable needs a comparison document");
  const shown = definitions.filter((d) => TABLE_METRICS.includes(d.name) || d.name.startsWith("utilization."));
  shown.sort((x, y) => order(x.name) - order(y.name));
  const lines = [
    `A: ${comparison.a.scenarioFile} (${comparison.a.scenario})`,
    `B: ${comparison.b.scenarioFile} (${comparison.b.scenario})`,
    `${document.replications} replications of ${document.horizonDays} days (after ${document.warmupDays} days warm-up), seed ${document.seed}, the same in both`,
  ];
  for (const [b, a] of Object.entries(comparison.pairs)) {
    const model = b.slice(2);
    const differ = comparison.demandDifferences[model] ?? [];
    lines.push(
      "",
      `${model}: B - A, paired by replication (* = the 95% CI excludes 0)`,
      differ.length === 0
        ? "  demand agrees: both files make the same calls"
        : `  demand differs (${differ.join(", ")}): the shared base calls still pair, but the differences include the calls only one file makes`,
      ...align([
        ["metric", "A", "B", "B - A"],
        ...shown.flatMap((d) => {
          const difference = document.models[b].vsBaseline?.[d.name];
          const excludesZero = difference?.ci95 != null && (difference.ci95[0] > 0 || difference.ci95[1] < 0);
          const [inA, inB] = [document.models[a].metrics, document.models[b].metrics];
          const days = document.horizonDays;
          const cells = [
            withCount(intervalText(inA[d.name], d.unit, false), inA[d.name], shareCountAYear(inA, d.name, days), false),
            withCount(intervalText(inB[d.name], d.unit, false), inB[d.name], shareCountAYear(inB, d.name, days), false),
            difference ? `${withCount(intervalText(difference, d.unit, true), difference, shareCountChangeAYear(inB, inA, d.name, days), true)}${excludesZero ? " *" : ""}` : "n/a",
          ];
          // A unit type neither side staffs for this model (co-responder utilization under outreach) says nothing.
          return cells.every((cell) => cell === "n/a") ? [] : [[`${d.name} (${unitLabel(d.unit)})`, ...cells]];
        }),
      ]),
    );
    const ratios = document.models[b].costEffectiveness;
    if (!ratios && differ.length > 0) {
      lines.push("", `${model}: no cost per additional outcome: B makes calls A does not, so its additional outcomes would count them`);
    }
    if (ratios) {
      lines.push(
        "",
        `${model}: extra cost of B per additional outcome against A (paired; Fieller 95% CI; reasons in cost-effectiveness.csv)`,
        ...align(
          COST_EFFECTIVENESS_ROWS.map((row) => {
            const c = ratios[row.outcome];
            if (!c) return [row.outcome, "n/a"];
            if (!c.defined || c.ratio === null) return [row.outcome, `not defined (${c.quadrant ?? "no clear difference"})`];
            const ci = c.ci95 === null ? "" : ` [${formatValue(c.ci95[0], "currency")}, ${formatValue(c.ci95[1], "currency")}]`;
            return [row.outcome, `${formatValue(c.ratio, "currency")}${ci}${c.quadrant === "dominant" ? " dominant" : ""}`];
          }),
        ),
      );
    }
  }
  return lines.join("\n") + "\n";
}
