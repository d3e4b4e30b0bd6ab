/**
 * The scenario's dispatch practice beyond strict priority then age, and the two facts a call
 * brings about its own handling: whether it is cancelled before a unit arrives, and how many units
 * it gets. Pure decisions from the scenario and the call's own substreams; the response system
 * applies them.
 *
 * - Reserve (`dispatchPolicy.reserve`): the multi-server cutoff-priority queue of Taylor &
 *   Templeton (1980) and Schaack & Larson (1986), the policy PCAM (Chaiken & Dormont 1978) lets a
 *   patrol planner set: the last k free units of a type take only calls of priority <= p. A call
 *   shut out waits (or falls back per its rule) as if the type were busy.
 * - Aging (`dispatchPolicy.aging`): a waiting call rises one level per `afterMin` of waiting,
 *   never above `highestPriority`. With linear, uncapped aging the order of two waiting calls never
 *   changes (Kleinrock 1964; Stanford, Taylor & Ziedins 2014), so a static key would do; whole-level
 *   steps and the cap break that, so each step is a timer that re-sorts the call in its line.
 */
import type { Simulation } from "../engine/simulation.js";
import type { CallRandom } from "../random/call-random.js";
import type { Call } from "./call.js";
import type { AgingConfig, CancellationConfig, DispatchPolicyConfig, UnitsPerCallRule } from "./config.js";
import { PRECEDENCE } from "./precedence.js";
import { PURPOSE } from "./purposes.js";
import type { UnitPool } from "./unit-pool.js";

/** Sets each pool's reserve from the policy (pools are indexed like unit types). */
export function applyReserve(pools: readonly UnitPool[], policy: DispatchPolicyConfig | null): void {
  if (policy === null) return;
  for (const pool of pools) {
    const reserve = policy.reserve[pool.index];
    if (reserve === null) continue;
    pool.reserveKeep = reserve.keep;
    pool.reserveFor = reserve.forPriorities;
  }
}

/**
 * Sets the aging timer of an incoming call the first time it waits for a unit: its first step
 * comes `afterMin` (for the priority it arrived with) after it was ready for dispatch. Linked
 * dispatches do not age: they are sent at the priority their request gives them.
 */
export function startAging(call: Call, aging: AgingConfig, sim: Simulation, onAge: (call: Call) => void): void {
  if (call.agingSet || call.parent !== null) return;
  call.agingSet = true;
  const afterMin = aging.afterMinByPriority[call.arrivalPriority] ?? Infinity;
  if (afterMin === Infinity || call.priority <= aging.highestPriority) return;
  sim.at(call.readyMin + afterMin, PRECEDENCE.fallback, onAge, call);
}

/** The call's next level after one more `afterMin` of waiting, or its own when it may rise no further. */
export function agedPriority(call: Call, aging: AgingConfig): number {
  return call.priority > aging.highestPriority ? call.priority - 1 : call.priority;
}

/** Minutes per aging step of this call (by the priority it arrived with). */
export function agingStepMin(call: Call, aging: AgingConfig): number {
  return aging.afterMinByPriority[call.arrivalPriority] ?? Infinity;
}

/**
 * Minutes from received until the call is cancelled, or NaN when it is not. A replayed call's
 * observed outcome replaces the draw (cancelled at its observed clearing time, or at a drawn time
 * when that was not observed); otherwise its priority's share decides. Both come from the call's
 * own substream, so the same calls cancel at the same times in every model.
 */
export function cancellationMin(call: Call, config: CancellationConfig, random: CallRandom): number {
  const observed = call.replayCancelMin;
  if (observed === -1) return NaN;
  const share = observed >= 0 ? 1 : (config.shareByPriority[call.arrivalPriority] ?? 0);
  if (share <= 0) return NaN;
  random.reset(call.seed, PURPOSE.cancellation);
  // The share draw is made even for an observed cancellation, so its drawn time is the one a
  // synthetic call would get.
  if (!(random.next() < share)) return NaN;
  if (observed >= 0 && observed < Infinity) return observed;
  const distribution = config.afterMinByPriority[call.arrivalPriority] ?? null;
  return distribution === null ? NaN : distribution.sample(random.next);
}

/**
 * Units the call gets in all: a replayed call's observed count where known (at least one), else
 * the first `unitsPerCall` rule that matches the call as coded at intake, else one.
 */
export function unitsWanted(call: Call, rules: readonly UnitsPerCallRule[]): number {
  if (call.unitsWanted < 0) return Math.max(1, Math.round(-call.unitsWanted - 1));
  for (const rule of rules) {
    if (
      (rule.categories === null || rule.categories.has(call.codedCategory)) &&
      (rule.priorities === null || rule.priorities.has(call.priority)) &&
      (rule.behavioralHealth === null || rule.behavioralHealth === call.codedBehavioralHealth) &&
      (rule.weapon === null || rule.weapon === call.weapon)
    ) {
      return rule.units;
    }
  }
  return 1;
}
