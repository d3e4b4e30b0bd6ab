/**
 * What happens when a unit reaches the scene, decided from the call's own random substreams:
 * how long the unit stays, the disposition, and whether police must be sent after it (backup
 * requested, a civilian team finding the call outside its scope, a hold the crew may not place).
 * A pure decision: the response system applies it.
 */
import type { CallRandom } from "../random/call-random.js";
import { CALL_ROLE, type Call } from "./call.js";
import { DISPOSITION, type ScenarioConfig, type UnitTypeConfig } from "./config.js";
import { ruleTakes } from "./dispatch-rules.js";
import { PURPOSE } from "./purposes.js";
import { MINUTES_PER_DAY } from "./roster.js";

/** A linked police dispatch to send after the scene decision. */
export type LinkedDispatch = { role: number; priority: number } | null;

/** The decision, in fields reused for every scene (no allocation in the hot loop). */
export class SceneDecision {
  busyMin = 0;
  /** Disposition index for the incident, or -1 when this unit does not decide it. */
  disposition = -1;
  outcomeCost = 0;
  linkedRole = -1;
  linkedPriority = 1;
}

/**
 * Decides the scene for `call` served by a unit of `type`; fills `out`. The common path stays
 * short and the rare ones (a learning curve, holds, hand-overs) are separate functions, so V8
 * can inline this and the draws it makes into the response system.
 */
export function decideScene(scenario: ScenarioConfig, type: UnitTypeConfig, call: Call, random: CallRandom, nowMin: number, out: SceneDecision): void {
  out.disposition = -1;
  out.outcomeCost = 0;
  out.linkedRole = -1;
  const role = call.role;
  random.reset(call.seed, PURPOSE.onScene);
  // Trace-driven: a police-only crew stays the observed arrived -> cleared time of a replayed
  // call, which already includes any transport or booking, so no hold is added to it.
  const traced = call.observedOnSceneMin >= 0 && !type.isAlternative;
  out.busyMin = traced ? call.observedOnSceneMin : type.onSceneMin[call.category].sample(random.next);
  const rampLeft = type.rampUp === null ? 0 : slowedByRampUp(type, nowMin, out);
  // Backup and the extra units of a multi-unit response stay on scene; the first unit decides the outcome.
  if (role === CALL_ROLE.backup || role === CALL_ROLE.extra) return;
  if (role === CALL_ROLE.hold) {
    addHold(scenario, DISPOSITION.involuntaryHold, call, random, out);
    return;
  }
  if (role === CALL_ROLE.primary && scenario.intake !== null && type.crew.officer === 0 && outsideScope(call)) {
    handOver(scenario, call, random, out);
    return;
  }
  const dispositions = type.disposition[call.category];
  // A single possible disposition needs no draw (and no substream).
  let disposition = dispositions.first;
  if (dispositions.size > 1) {
    random.reset(call.seed, PURPOSE.disposition);
    // The uniform is drawn here, not inside `sample`, where arrival streams share the call site.
    disposition = dispositions.pick(random.next());
  }
  if (rampLeft > 0) disposition = rampUpDisposition(type, call, random, rampLeft, disposition);
  out.disposition = disposition;
  out.outcomeCost = scenario.outcomes[disposition].cost;
  if (disposition === DISPOSITION.involuntaryHold && !mayPlaceHold(scenario, type)) {
    out.linkedRole = CALL_ROLE.hold;
    out.linkedPriority = 1;
  } else if (!traced && scenario.outcomes[disposition].holdMin !== null) {
    addHold(scenario, disposition, call, random, out);
  }
  if (role === CALL_ROLE.primary && out.linkedRole < 0 && type.backup !== null) requestBackup(type, call, random, out);
}

/** A new team's learning curve: what is left of it (1 on day 0 falling linearly to 0), which lengthens the scene. */
function slowedByRampUp(type: UnitTypeConfig, nowMin: number, out: SceneDecision): number {
  const rampLeft = Math.max(0, 1 - nowMin / (type.rampUp!.days * MINUTES_PER_DAY));
  if (rampLeft > 0) out.busyMin *= 1 + (type.rampUp!.onSceneFactor - 1) * rampLeft;
  return rampLeft;
}

/** A team still learning resolves fewer calls: some it would resolve or refer go to the ED. */
function rampUpDisposition(type: UnitTypeConfig, call: Call, random: CallRandom, rampLeft: number, disposition: number): number {
  if (disposition !== DISPOSITION.resolved && disposition !== DISPOSITION.referred) return disposition;
  random.reset(call.seed, PURPOSE.rampUp);
  return random.next() < type.rampUp!.resolutionShortfall * rampLeft ? DISPOSITION.edTransport : disposition;
}

/** A civilian team found the call outside its scope: it hands over to police. */
function handOver(scenario: ScenarioConfig, call: Call, random: CallRandom, out: SceneDecision): void {
  random.reset(call.seed, PURPOSE.handover);
  out.busyMin = scenario.intake!.handoverMin.sample(random.next);
  out.linkedRole = CALL_ROLE.handover;
  out.linkedPriority = call.priority;
}

function requestBackup(type: UnitTypeConfig, call: Call, random: CallRandom, out: SceneDecision): void {
  random.reset(call.seed, PURPOSE.backup);
  if (random.next() < type.backup!.share) {
    out.linkedRole = CALL_ROLE.backup;
    out.linkedPriority = type.backup!.priority;
  }
}

function addHold(scenario: ScenarioConfig, disposition: number, call: Call, random: CallRandom, out: SceneDecision): void {
  const hold = scenario.outcomes[disposition].holdMin;
  if (hold === null) return;
  random.reset(call.seed, PURPOSE.hold);
  out.busyMin += hold.sample(random.next);
}

/** A call is outside the scope of the rule that sent a team when its true need would not match it. */
function outsideScope(call: Call): boolean {
  return !ruleTakes(call.rule!, call.category, call.priority, call.behavioralHealth, call.weapon);
}

function mayPlaceHold(scenario: ScenarioConfig, type: UnitTypeConfig): boolean {
  const roles = scenario.involuntaryHoldBy;
  return roles === null || roles.some((role) => type.crew[role] > 0);
}
