/**
 * Staffing search (in the spirit of RAND's Patrol Car Allocation Model): the cheapest roster of
 * one unit type, by shift block, that meets every target. A target counts as met only when its
 * whole 95% interval is on the right side (with one replication, when its mean is).
 *
 * Search, assuming more units never make a target worse:
 * 1. bisection on a uniform level (every block the same count) for the smallest level that meets
 *    the targets;
 * 2. greedy descent: take one unit off whichever block keeps the targets met at the lowest value
 *    of the metric to minimize, until no single removal does.
 * Every roster evaluated is remembered, so none is simulated twice.
 */
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

/** Checks a model's metrics against the targets. */
export function checkTargets(metrics: ModelSummary["metrics"], targets: readonly Target[]): TargetCheck[] {
  return targets.map((target) => {
    const summary = metrics[target.metric];
    const [low, high] = summary.ci95 ?? [summary.mean, summary.mean];
    const worst = target.operator === "<=" ? high : low;
    const met = worst !== null && (target.operator === "<=" ? worst <= target.value : worst >= target.value);
    return { target: target.text, mean: summary.mean, ci95: summary.ci95, met };
  });
}

/** One evaluated roster. */
export interface Evaluation {
  units: number[];
  checks: TargetCheck[];
  feasible: boolean;
  /** Mean of the metric to minimize. */
  objective: number;
  metrics: ModelSummary["metrics"];
}

export interface SearchResult {
  best: Evaluation | null;
  /** The cheapest single-unit reduction of `best` that failed, and why. */
  nearestFailure: Evaluation | null;
  evaluations: number;
}

/**
 * Runs the search. `evaluate` simulates several rosters (units per block) and returns their
 * evaluations in order; batching lets the caller run them on one pool of workers.
 */
export async function searchStaffing(
  blocks: number,
  minUnits: number,
  maxUnits: number,
  evaluate: (rosters: number[][]) => Promise<Evaluation[]>,
): Promise<SearchResult> {
  const seen = new Map<string, Evaluation>();
  const run = async (rosters: number[][]): Promise<Evaluation[]> => {
    const fresh = rosters.filter((r, i) => !seen.has(r.join(",")) && rosters.findIndex((x) => x.join(",") === r.join(",")) === i);
    if (fresh.length > 0) (await evaluate(fresh)).forEach((e) => seen.set(e.units.join(","), e));
    return rosters.map((r) => seen.get(r.join(","))!);
  };
  const uniform = (level: number) => new Array<number>(blocks).fill(level);

  let [top] = await run([uniform(maxUnits)]);
  if (!top.feasible) return { best: null, nearestFailure: top, evaluations: seen.size };
  let low = minUnits;
  let high = maxUnits;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    const [e] = await run([uniform(mid)]);
    if (e.feasible) high = mid;
    else low = mid + 1;
  }
  [top] = await run([uniform(high)]);
  let best = top;
  let nearestFailure: Evaluation | null = null;
  for (;;) {
    const candidates = best.units.flatMap((units, b) => (units > minUnits ? [best.units.map((u, i) => (i === b ? u - 1 : u))] : []));
    if (candidates.length === 0) break;
    const evaluated = await run(candidates);
    const feasible = evaluated.filter((e) => e.feasible).sort((a, b) => a.objective - b.objective);
    if (feasible.length === 0 || feasible[0].objective >= best.objective) {
      nearestFailure = evaluated.filter((e) => !e.feasible).sort((a, b) => a.objective - b.objective)[0] ?? null;
      break;
    }
    best = feasible[0];
  }
  return { best, nearestFailure, evaluations: seen.size };
}
