/**
 * The terminal summary of `resim uncertainty`: key metrics per model (mean and 95% range across
 * draws), each model's paired difference from the baseline with P(better), and P(cost-effective)
 * at a few prices per outcome.
 */
import type { UncertaintyRun } from "../experiment/uncertainty-analysis.js";
import { KEY_OUTCOMES } from "../metrics/metric-direction.js";
import type { ModelUncertainty } from "../metrics/uncertainty-summary.js";
import { alignColumns } from "../import/text-table.js";
import { formatMoney, formatValue, unitLabel } from "./format.js";

const percent = (p: number | null): string => (p === null ? "n/a" : `${Math.round(p * 100)}%`);

export function uncertaintyTable(run: UncertaintyRun, summary: Record<string, ModelUncertainty>, wtps: readonly number[]): string {
  const keys = KEY_OUTCOMES.filter((m) => run.metrics.includes(m));
  const others = run.models.filter((m) => m !== run.baseline);
  const lines: string[] = [
    `${run.scenario}: ${run.draws} draws of ${run.inputs.length} uncertain inputs (Latin hypercube, seed ${run.seed}), ${run.horizonDays} days each, ${run.models.length} models on the same draws and calls`,
    "Ranges are the 2.5th-97.5th percentiles across draws: input uncertainty and simulation noise together.",
    "",
  ];
  const range = (r: [number, number] | null, unit: UncertaintyRun["units"][string], signed: boolean) => (r === null ? "" : ` [${formatValue(r[0], unit, signed)}, ${formatValue(r[1], unit, signed)}]`);
  lines.push(
    ...alignColumns([
      ["metric (mean [95% range])", ...run.models],
      ...keys.map((metric) => {
        const unit = run.units[metric];
        return [`${metric} (${unitLabel(unit)})`, ...run.models.map((model) => {
          const s = summary[model].metrics[metric];
          return `${formatValue(s.mean, unit)}${range(s.range95, unit, false)}`;
        })];
      }),
    ]),
  );
  if (others.length > 0) {
    lines.push("", `Against ${run.baseline} (model minus baseline, paired by draw; P(better) = share of draws in which it is better)`);
    lines.push(
      ...alignColumns([
        ["difference", ...others.flatMap((m) => [m, "P(better)"])],
        ...keys.map((metric) => {
          const unit = run.units[metric];
          return [metric, ...others.flatMap((model) => {
            const s = summary[model].vsBaseline![metric];
            return [`${formatValue(s.mean, unit, true)}${range(s.range95, unit, true)}`, percent(s.pBetter)];
          })];
        }),
      ]),
    );
    lines.push("", "P(cost-effective): share of draws where price x outcome gain > extra cost, at a willingness to pay per outcome of");
    lines.push(
      ...alignColumns([
        ["outcome", "model", ...wtps.map(formatMoney), "mean extra cost / mean gain"],
        ...others.flatMap((model) =>
          (summary[model].ceac ?? []).map((curve) => [
            curve.outcome,
            model,
            ...wtps.map((wtp) => percent(curve.points.find((p) => p.wtp === wtp)?.pCostEffective ?? null)),
            `${formatMoney(curve.meanCostDifference)} / ${curve.meanOutcomeGain.toLocaleString("en-US", { maximumFractionDigits: 1 })}`,
          ]),
        ),
      ]),
    );
  }
  return `${lines.join("\n")}\n`;
}
