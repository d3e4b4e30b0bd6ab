/**
 * The call life cycle for one response model in one replication:
 *
 *   arrival -> (hub triage -> phone resolution?) -> routing (uptake, preferred unit types with
 *   fallback waits) -> queue -> travel -> on scene -> disposition (+ hold: booking, ED wall time)
 *   -> unit free; a share of an alternative team's calls request a linked police dispatch.
 *
 * The models are data (rules, rosters, unit types); this file has no branch for "police" or
 * "co-responder". Every random draw about a call comes from that call's own substream
 * (see purposes.ts), so each model sees the same calls with the same draws.
 */
import type { Simulation } from "../engine/simulation.js";
import type { CallRandom } from "../random/call-random.js";
import type { CallRecord } from "../metrics/call-record.js";
import { emptyArrival, type CallArrival, type CallSource } from "../streams/call-source.js";
import { CALL_ROLE, Call } from "./call.js";
import type { DispatchRule, ResponseModelConfig, ScenarioConfig, UnitTypeConfig } from "./config.js";
import { backupRule, linkedRule, matchRule, overflowSources } from "./dispatch-rules.js";
import { decideScene, SceneDecision } from "./scene.js";
import { startStaffing } from "./staffing.js";
import { startFollowUps } from "./follow-ups.js";
import { takeCall } from "./intake.js";
import { travelDelay } from "./travel.js";
import { startWaitingTimers } from "./waiting-timers.js";
import { CareConnections } from "./care-connections.js";
import type { Rng } from "../random/rng.js";
import { SimulationError } from "./simulation-error.js";
import { PRECEDENCE } from "./precedence.js";
import { PURPOSE } from "./purposes.js";
import { Unit, UnitPool } from "./unit-pool.js";

export interface ResponseSystemOptions {
  scenario: ScenarioConfig;
  model: ResponseModelConfig;
  simulation: Simulation;
  source: CallSource;
  random: CallRandom;
  /** Receives each incoming call once, when its last unit is freed (or it is resolved by phone). */
  onCallEnd: (record: CallRecord) => void;
  /** The stream that draws a unit type's vacancies (same name in every model: common random numbers). */
  staffingStream: (unitType: string) => Rng;
  /** Staffed and busy unit-minutes are integrated over [windowStartMin, windowEndMin). */
  windowStartMin: number;
  windowEndMin: number;
}

export class ResponseSystem {
  readonly pools: readonly UnitPool[];
  private readonly sim: Simulation;
  private readonly source: CallSource;
  private readonly random: CallRandom;
  private readonly model: ResponseModelConfig;
  private readonly unitTypes: readonly UnitTypeConfig[];
  private readonly scenario: ScenarioConfig;
  private readonly onCallEnd: (record: CallRecord) => void;
  private readonly windowEndMin: number;
  private readonly staffingStream: (unitType: string) => Rng;
  private readonly arrival: CallArrival = emptyArrival();
  /** The rule a backup dispatch follows, by the requesting unit type. */
  private readonly backupRules: readonly (DispatchRule | null)[];
  /** By rule: a linked dispatch to that rule's last (police) unit type. */
  private readonly policeRules: readonly DispatchRule[];
  private readonly scene = new SceneDecision();
  private readonly geography: ScenarioConfig["geography"];
  /** The zone of the call being assigned, for `slotCost` (kept in a field so no closure is made per call). */
  private costZone = 0;
  /** Mean travel from a slot (zone) to the current call's zone; units with no zone cost their type's mean. */
  private readonly slotCost = (slot: number): number => {
    const geography = this.geography!;
    return slot < geography.zones.length ? geography.travelMin[slot][this.costZone] : Infinity;
  };
  /** For each unit type, the unit types whose queued calls it may take when idle (rules' `ifIdle`). */
  private readonly overflowFrom: readonly (readonly number[])[];
  private nextCallId = 0;
  private nextBackupId = -1;
  private arrivalsDone = false;
  /** Incoming calls received and not yet ended. */
  callsInSystem = 0;
  /** Repeat callers' connection to care; null without a repeat-caller population. */
  readonly care: CareConnections | null;
  callsReceived = 0;
  callsEnded = 0;

  constructor(options: ResponseSystemOptions) {
    this.sim = options.simulation;
    this.source = options.source;
    this.random = options.random;
    this.model = options.model;
    this.scenario = options.scenario;
    this.unitTypes = options.scenario.unitTypes;
    this.onCallEnd = options.onCallEnd;
    this.windowEndMin = options.windowEndMin;
    const repeat = options.scenario.repeatCallers;
    this.care = repeat === null ? null : new CareConnections(repeat, options.windowStartMin, options.windowEndMin);
    this.staffingStream = options.staffingStream;
    this.geography = options.scenario.geography;
    const slots = options.scenario.geography === null ? 1 : options.scenario.geography.zones.length + 1;
    this.pools = this.unitTypes.map((type, index) => new UnitPool(index, type, options.windowStartMin, options.windowEndMin, slots));
    this.overflowFrom = overflowSources(this.model, this.unitTypes.length);
    this.backupRules = this.unitTypes.map(backupRule);
    this.policeRules = this.model.rules.map((rule) => linkedRule([rule.send[rule.send.length - 1]]));
  }

  /** Puts units on duty and schedules the first arrival. Call once, before `simulation.run()`. */
  start(): void {
    startStaffing({
      simulation: this.sim,
      model: this.model,
      pools: this.pools,
      serveQueue: (pool) => this.serveQueue(pool),
      keepGoing: this.rostersGoOn,
      staffingStream: this.staffingStream,
    });
    if (this.care !== null) startFollowUps(this.sim, this.pools, this.care, this.staffingStream("follow-ups"), this.rostersGoOn);
    this.scheduleNextArrival();
  }

  /**
   * Brings every pool's unit-minute integrals up to `nowMin` (call once the run is over, with the
   * window's end if the last event came before it: rosters are constant after their last change).
   */
  closeIntegrals(nowMin: number): void {
    for (const pool of this.pools) {
      pool.touch(nowMin);
      pool.flush();
    }
  }

  /**
   * Rosters run to the end of the measured window (paid hours count there), and after it only
   * while calls are still arriving or being worked.
   */
  private readonly rostersGoOn = (): boolean => !this.arrivalsDone || this.sim.now < this.windowEndMin || this.callsInSystem > 0;

  private scheduleNextArrival(): void {
    const arrival = this.arrival;
    // Sources that do not replay on-scene times or name repeat callers never set these: clear them.
    arrival.observedOnSceneMin = NaN;
    arrival.caller = -1;
    arrival.zone = -1;
    if (!this.source.next(arrival)) {
      this.arrivalsDone = true;
      return;
    }
    const call = new Call(
      this.nextCallId++,
      arrival.timeMin,
      arrival.category,
      arrival.priority,
      arrival.behavioralHealth,
      arrival.weapon,
      arrival.seed,
    );
    call.zone = arrival.zone ?? -1;
    call.caller = arrival.caller ?? -1;
    call.observedOnSceneMin = arrival.observedOnSceneMin ?? NaN;
    this.sim.at(arrival.timeMin, PRECEDENCE.arrival, this.onArrival, call);
  }

  private readonly onArrival = (call: Call): void => {
    this.scheduleNextArrival();
    if (call.caller >= 0 && !this.care!.callHappens(call, this.sim.now, this.random)) return;
    this.callsInSystem++;
    this.callsReceived++;
    if (this.geography !== null || this.scenario.intake !== null) takeCall(call, this.scenario, this.random);
    const rule = matchRule(this.model, call);
    call.rule = rule;
    call.eligible = rule.eligible;
    if (rule.handoffMin !== null) {
      this.random.reset(call.seed, PURPOSE.handoff);
      this.sim.after(rule.handoffMin.sample(this.random.next), PRECEDENCE.triageDone, this.onHandedOff, call);
      return;
    }
    this.onHandedOff(call);
  };

  /** The call has reached whoever dispatches it: the hub's triage, or routing. */
  private readonly onHandedOff = (call: Call): void => {
    const rule = call.rule!;
    const hub = this.model.hub;
    if (rule.viaHub && hub !== null) {
      this.random.reset(call.seed, PURPOSE.triage);
      this.sim.after(hub.triageMin.sample(this.random.next), PRECEDENCE.triageDone, this.onTriageDone, call);
      return;
    }
    this.route(call);
  };

  private readonly onTriageDone = (call: Call): void => {
    const hub = this.model.hub!;
    if (hub.phoneResolution > 0) {
      this.random.reset(call.seed, PURPOSE.phone);
      if (this.random.next() < hub.phoneResolution) {
        call.phoneResolved = true;
        call.readyMin = this.sim.now;
        this.endCall(call);
        return;
      }
    }
    this.route(call);
  };

  /** Decides where a call ready for dispatch goes first, then offers it there. */
  private route(call: Call): void {
    const rule = call.rule!;
    call.readyMin = this.sim.now;
    let step = 0;
    // A recognised repeat caller (agencies share information) always goes to the first choice.
    const recognised = call.caller >= 0 && this.model.informationShared;
    if (rule.uptake < 1 && !recognised) {
      this.random.reset(call.seed, PURPOSE.uptake);
      if (this.random.next() >= rule.uptake) step = 1;
    }
    if (step === 0 && rule.eligible) {
      const declineShare = this.unitTypes[rule.send[0]].declineShare;
      if (declineShare > 0) {
        this.random.reset(call.seed, PURPOSE.decline);
        call.declined = this.random.next() < declineShare;
      }
      if (call.declined) step = 1;
      else call.offeredAlternative = true;
    }
    this.offer(call, step);
  }

  /**
   * Offers a call to the unit type at `step` of its send list: assigned now if a unit is idle;
   * refused (next type) if that type has nobody on duty or the rule allows no wait; otherwise
   * queued, with a timer to fall back unless this is the last type.
   */
  private offer(call: Call, step: number): void {
    const send = call.rule!.send;
    const last = send.length - 1;
    for (; step < last; step++) {
      const pool = this.pools[send[step]];
      if (pool.idleCount > 0) return this.assign(call, pool);
      if (pool.targetCount > 0 && call.rule!.fallbackAfterMin > 0) {
        call.step = step;
        pool.queue.push(call);
        this.sim.after(call.rule!.fallbackAfterMin, PRECEDENCE.fallback, this.onFallback, call);
        startWaitingTimers(call, this.scenario.waiting, this.sim, this.random, this.onPatienceOut, this.onEscalation);
        return;
      }
    }
    const pool = this.pools[send[last]];
    call.step = last;
    if (pool.idleCount > 0) return this.assign(call, pool);
    for (const overflow of call.rule!.ifIdle) {
      if (this.pools[overflow].idleCount > 0) return this.assign(call, this.pools[overflow]);
    }
    pool.queue.push(call);
    startWaitingTimers(call, this.scenario.waiting, this.sim, this.random, this.onPatienceOut, this.onEscalation);
  }

  private readonly onPatienceOut = (call: Call): void => {
    if (call.waitingAt < 0) return;
    this.pools[call.waitingAt].queue.remove(call);
    call.abandoned = true;
    this.endCall(call);
  };

  /** A behavioral-health call waited too long: more urgent, and sent to its rule's last unit type (police). */
  private readonly onEscalation = (call: Call): void => {
    if (call.waitingAt < 0) return;
    const { toPriority } = this.scenario.waiting.escalation!;
    const queue = this.pools[call.waitingAt].queue;
    call.escalated = true;
    queue.reprioritize(call, Math.min(call.priority, toPriority));
    const last = call.rule!.send.length - 1;
    if (call.step < last) {
      queue.remove(call);
      this.offer(call, last);
    }
  };

  private readonly onFallback = (call: Call): void => {
    // A call waits at one step at a time; only this timer or an escalation (which sends it to the
    // last step, where no timer is set) moves it on. So a call still waiting short of the last
    // step is waiting at the step this timer was set for.
    if (call.waitingAt < 0 || call.step === call.rule!.send.length - 1) return;
    this.pools[call.waitingAt].queue.remove(call);
    this.offer(call, call.step + 1);
  };

  private assign(call: Call, pool: UnitPool): void {
    const now = this.sim.now;
    const geography = this.geography;
    let unit: Unit;
    if (geography === null) unit = pool.assign(call, now);
    else {
      this.costZone = call.zone;
      unit = pool.assign(call, now, this.slotCost);
    }
    if (call.parent === null) {
      call.openTasks++;
      call.assignedMin = now;
      call.servedBy = pool.index;
      call.servedByAlternative = pool.type.isAlternative;
    }
    const type = pool.type;
    if (type.travelMin === null && type.outreach === null && geography === null) {
      this.onUnitOnScene(unit);
      return;
    }
    const delay = travelDelay(type, unit.slot, call, geography, this.random);
    this.sim.after(delay, PRECEDENCE.onScene, this.onUnitOnScene, unit);
  }

  private readonly onUnitOnScene = (unit: Unit): void => {
    const call = unit.call!;
    const type = unit.pool.type;
    const root = call.root;
    if (type.crew.officer > 0) root.officerAttended = true;
    if (Number.isNaN(call.onSceneMin)) call.onSceneMin = this.sim.now;
    const scene = this.scene;
    decideScene(this.scenario, type, call, this.random, this.sim.now, scene);
    if (scene.disposition >= 0) {
      root.disposition = scene.disposition;
      root.outcomeCost += scene.outcomeCost;
    }
    if (scene.linkedRole >= 0) this.sendLinked(call, unit.pool.index, scene.linkedRole, scene.linkedPriority);
    this.sim.after(scene.busyMin, PRECEDENCE.unitFree, this.onUnitFree, unit);
  };

  /**
   * Sends police after a unit on scene: backup (to the type's backup list), or to take over the
   * call or place a hold (to the backup list if the type has one, else the rule's last type).
   */
  private sendLinked(call: Call, fromType: number, role: number, priority: number): void {
    const root = call.root;
    this.random.reset(call.seed, PURPOSE.backupSeed);
    const linked = new Call(this.nextBackupId--, this.sim.now, call.category, priority, call.behavioralHealth, call.weapon, (this.random.next() * 4294967296) >>> 0);
    linked.parent = root;
    linked.role = role;
    // Police go to where the incident is.
    linked.zone = root.zone;
    linked.rule = this.backupRules[fromType] ?? this.policeRules[this.model.rules.indexOf(root.rule!)];
    linked.readyMin = this.sim.now;
    if (role === CALL_ROLE.backup) root.backupRequested = true;
    if (role === CALL_ROLE.handover) root.handedOver = true;
    // Linked work is open from the request on, so the incident cannot end before it is done.
    root.openTasks++;
    this.offer(linked, 0);
  }

  private readonly onUnitFree = (unit: Unit): void => {
    const now = this.sim.now;
    const call = unit.call!;
    const pool = unit.pool;
    const root = call.root;
    root.officerMinutes += (now - unit.assignedMin) * pool.type.crew.officer;
    if (pool.release(unit, now)) this.serveQueue(pool);
    root.openTasks--;
    if (root.openTasks === 0) this.endCall(root);
  };

  /**
   * Hands idle units of a pool to its waiting calls, then to calls waiting for other types whose
   * rule lets this type take them when idle (each of those queues is served in its own order:
   * only its next call is looked at).
   */
  private serveQueue(pool: UnitPool): void {
    while (pool.idleCount > 0 && pool.queue.size > 0) {
      const next = pool.queue.poll()!;
      this.assign(next, pool);
    }
    for (const other of this.overflowFrom[pool.index]) {
      const queue = this.pools[other].queue;
      for (let next = queue.peek(); pool.idleCount > 0 && next !== null && next.rule!.ifIdle.includes(pool.index); next = queue.peek()) {
        queue.poll();
        this.assign(next, pool);
      }
    }
  }

  private endCall(call: Call): void {
    if (!Number.isNaN(call.endMin)) {
      throw new SimulationError(`${call.describe()} ended twice, at ${call.endMin} and ${this.sim.now} min`);
    }
    call.endMin = this.sim.now;
    if (call.caller >= 0) this.care?.callEnded(call, this.sim.now);
    call.fellBack = call.offeredAlternative && !call.servedByAlternative && !call.phoneResolved;
    this.callsInSystem--;
    this.callsEnded++;
    this.onCallEnd(call);
  }
}
