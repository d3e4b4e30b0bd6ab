/**
 * The timers a call gets the first time it has to wait: the caller's patience (counted from the
 * call received) and, for a behavioral-health call, its escalation (counted from ready). Both
 * handlers must check that the call is still waiting when they fire.
 */
import type { Simulation } from "../engine/simulation.js";
import type { CallRandom } from "../random/call-random.js";
import type { Call } from "./call.js";
import type { WaitingConfig } from "./config.js";
import { PRECEDENCE } from "./precedence.js";
import { PURPOSE } from "./purposes.js";

/** Sets the waiting timers of an incoming call once; linked dispatches get none. */
export function startWaitingTimers(
  call: Call,
  waiting: WaitingConfig,
  sim: Simulation,
  random: CallRandom,
  onPatienceOut: (call: Call) => void,
  onEscalation: (call: Call) => void,
): void {
  if (call.waitTimersSet || call.parent !== null) return;
  call.waitTimersSet = true;
  const { patienceMin, abandonPriorities, escalation } = waiting;
  if (patienceMin !== null && (abandonPriorities === null || abandonPriorities.has(call.priority))) {
    random.reset(call.seed, PURPOSE.patience);
    sim.at(Math.max(sim.now, call.arrivalMin + patienceMin.sample(random.next)), PRECEDENCE.fallback, onPatienceOut, call);
  }
  if (escalation !== null && call.behavioralHealth) {
    sim.at(call.readyMin + escalation.afterMin, PRECEDENCE.fallback, onEscalation, call);
  }
}
