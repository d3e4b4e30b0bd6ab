/**
 * The timers a call gets the first time it has to wait: the caller's patience (counted from the
 * call received; also while waiting for hub triage) and, for a behavioral-health call waiting for
 * a unit, its escalation (counted from ready for dispatch). Each is set once per call. Both
 * handlers must check that the call is still waiting when they fire.
 */
import type { Simulation } from "../engine/simulation.js";
import type { CallRandom } from "../random/call-random.js";
import type { Call } from "./call.js";
import type { WaitingConfig } from "./config.js";
import { PRECEDENCE } from "./precedence.js";
import { PURPOSE } from "./purposes.js";

/** Sets an incoming call's patience timer once; linked dispatches get none. */
export function startPatience(call: Call, waiting: WaitingConfig, sim: Simulation, random: CallRandom, onPatienceOut: (call: Call) => void): void {
  if (call.patienceSet || call.parent !== null) return;
  call.patienceSet = true;
  const { patienceMin, abandonPriorities } = waiting;
  if (patienceMin !== null && (abandonPriorities === null || abandonPriorities.has(call.arrivalPriority))) {
    random.reset(call.seed, PURPOSE.patience);
    sim.at(Math.max(sim.now, call.arrivalMin + patienceMin.sample(random.next)), PRECEDENCE.fallback, onPatienceOut, call);
  }
}

/** Sets the timers of an incoming call waiting for a unit, each once; linked dispatches get none. */
export function startWaitingTimers(
  call: Call,
  waiting: WaitingConfig,
  sim: Simulation,
  random: CallRandom,
  onPatienceOut: (call: Call) => void,
  onEscalation: (call: Call) => void,
): void {
  if (call.parent !== null) return;
  startPatience(call, waiting, sim, random, onPatienceOut);
  if (call.escalationSet) return;
  call.escalationSet = true;
  if (waiting.escalation !== null && call.behavioralHealth) {
    sim.at(call.readyMin + waiting.escalation.afterMin, PRECEDENCE.fallback, onEscalation, call);
  }
}
