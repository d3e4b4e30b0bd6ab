/** A staffing search's targets (`--target METRIC<=VALUE`) and how a roster's results meet them. */
import type { ModelSummary } from "../metrics/summarize.js";
import { StudyError } from "./study.js";

/** A target such as `responseMin.p90.priority1<=12`. */
export interface Target {
  metric: string;
  operator: "<=" | ">=";
  value: number;
  text: string;
}

/** Parses `METRIC<=VALUE` or `METRIC>=VALUE`. Throws StudyError. */
export function parseTarget(text: string): Target {
  const match = /^\s*([A-Za-z0-9_.-]+)\s*(<=|>=)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!match) throw new StudyError(`--target must look like responseMin.p90.priority1<=12 or alternativeShare>=0.5, got '${text}'`);
  return { metric: match[1], operator: match[2] as Target["operator"], value: Number(match[3]), text: text.trim() };
}

/** How a roster did on one target. */
export interface TargetCheck {
  target: string;
  mean: number | null;
  ci95: [number, number] | null;
  met: boolean;
}

/**
 * Checks a model's metrics against the targets. A target counts as met only when its whole 95%
 * interval is on the right side (with one replication, when its mean is); no data is not met.
 */
export function checkTargets(metrics: ModelSummary["metrics"], targets: readonly Target[]): TargetCheck[] {
  return targets.map((target) => {
    const summary = metrics[target.metric];
    const [low, high] = summary.ci95 ?? [summary.mean, summary.mean];
    const worst = target.operator === "<=" ? high : low;
    const met = worst !== null && (target.operator === "<=" ? worst <= target.value : worst >= target.value);
    return { target: target.text, mean: summary.mean, ci95: summary.ci95, met };
  });
}
