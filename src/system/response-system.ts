/**
 * The call life cycle for one response model in one replication:
 *
 *   arrival -> intake coding -> the dispatcher's routing decision (rule, uptake) -> hand-off ->
 *   hub triage (waiting for a staff member; phone resolution?) -> caller declines? -> preferred
 *   unit types with fallback waits -> queue -> travel -> on scene -> disposition (+ hold: booking,
 *   ED wall time) -> unit free; a share of an alternative team's calls request a linked police
 *   dispatch. The dispatcher decides first, as in B-HEARD, STAR and Toronto's TCCS: a call not
 *   routed to the alternative never reaches the hub.
 *
 * The dispatcher's side, up to the first offer to a unit type, is call-routing.ts; this file is
 * the units' side; what happens to a call while it waits (fallback, patience, escalation, aging,
 * cancellation) is waiting-events.ts. The scenario's dispatch policy (a reserve, priority aging:
 * dispatch-policy.ts) decides which waiting call a unit may take; a cancelled call leaves its line
 * and frees its units en route; a multi-unit call gets its extra units when its first is assigned
 * (extra-units.ts).
 *
 * The models are data (rules, rosters, unit types); this file has no branch for "police" or
 * "co-responder". Every random draw about a call comes from that call's own substream
 * (see purposes.ts), so each model sees the same calls with the same draws.
 */
import type { Simulation } from "../engine/simulation.js";
import type { CallRandom } from "../random/call-random.js";
import type { CallRecord } from "../metrics/call-record.js";
import type { CallSource } from "../streams/call-source.js";
import { ArrivalFeed } from "./arrival-feed.js";
import { Call, CALL_ROLE } from "./call.js";
import type { CancellationConfig, DispatchRule, ResponseModelConfig, ScenarioConfig, UnitsPerCallRule, UnitTypeConfig } from "./config.js";
import { backupRule, linkedRule } from "./dispatch-rules.js";
import { applyReserve, cancellationMin } from "./dispatch-policy.js";
import { ExtraUnits } from "./extra-units.js";
import { CallRouting } from "./call-routing.js";
import type { HubDesk } from "./hub-desk.js";
import { decideScene, SceneDecision } from "./scene.js";
import { startStaffing } from "./staffing.js";
import { startFollowUps } from "./follow-ups.js";
import { takeCall } from "./intake.js";
import { travelDelay } from "./travel.js";
import { WaitingEvents } from "./waiting-events.js";
import { takesIfIdle, WaitingLines } from "./waiting-lines.js";
import { CareConnections } from "./care-connections.js";
import type { Rng } from "../random/rng.js";
import { SimulationError } from "./simulation-error.js";
import { PRECEDENCE, unitFreeRank } from "./precedence.js";
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
  /** Incoming calls, one at a time from the source. */
  private readonly feed: ArrivalFeed;
  private readonly random: CallRandom;
  private readonly model: ResponseModelConfig;
  private readonly unitTypes: readonly UnitTypeConfig[];
  private readonly scenario: ScenarioConfig;
  private readonly onCallEnd: (record: CallRecord) => void;
  private readonly windowEndMin: number;
  private readonly staffingStream: (unitType: string) => Rng;
  /** The rule a backup dispatch follows, by the requesting unit type. */
  private readonly backupRules: readonly (DispatchRule | null)[];
  /** By rule: a linked dispatch to that rule's last (police) unit type. */
  private readonly policeRules: readonly DispatchRule[];
  private readonly scene = new SceneDecision();
  /** The decision `settleScene` makes at assignment (its own, so it never overwrites one being read). */
  private readonly settled = new SceneDecision();
  /**
   * Nothing reads or changes a call between its unit's assignment and arrival: no cancellations
   * (which free units en route) and no multi-unit responses (whose first unit on scene is the
   * response), so scenes can be settled at assignment (see `settleScene`).
   */
  private readonly arrivalsFixed: boolean;
  private readonly geography: ScenarioConfig["geography"];
  /** The zone of the call being assigned, for `slotCost` (kept in a field so no closure is made per call). */
  private costZone = 0;
  /** Mean travel from a slot (zone) to the current call's zone; units with no zone cost their type's mean. */
  private readonly slotCost = (slot: number): number => {
    const geography = this.geography!;
    return slot < geography.zones.length ? geography.travelMin[slot][this.costZone] : Infinity;
  };
  /** Cancellations and multi-unit rules (cancellations, unitsPerCall); null when off. */
  private readonly cancellations: CancellationConfig | null;
  private readonly unitsRules: readonly UnitsPerCallRule[] | null;
  /** Fallback, patience, escalation, aging and cancellation of waiting calls. */
  private readonly waiting: WaitingEvents;
  /** Makes the extra units of multi-unit responses. */
  private readonly extraUnits: ExtraUnits;
  /** By unit type: an alternative to police (crew not police-only). */
  private readonly alternative: readonly boolean[];
  /** Calls waiting for a unit (and for hub triage), by line. */
  private readonly lines: WaitingLines;
  /** The dispatcher's side: call processing, routing, hand-off, hub triage, the caller's choice. */
  private readonly routing: CallRouting;
  /** The hub's triage desk; null when the model has no hub. */
  readonly hub: HubDesk | null;
  /** Ids of linked dispatches count down from -1. */
  private linkedIds = -1;
  private readonly nextLinkedId = (): number => this.linkedIds--;
  /** Offers a dispatch to the first type of its send list. */
  private readonly offerFirst = (call: Call): void => this.offer(call, 0);
  /** Incoming calls received and not yet ended. */
  callsInSystem = 0;
  /** Repeat callers' connection to care; null without a repeat-caller population. */
  readonly care: CareConnections | null;
  callsReceived = 0;
  callsEnded = 0;

  constructor(options: ResponseSystemOptions) {
    this.sim = options.simulation;
    this.feed = new ArrivalFeed(options.source, this.sim, this.onArrival);
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
    this.alternative = this.unitTypes.map((type) => type.isAlternative);
    const policy = options.scenario.dispatchPolicy;
    applyReserve(this.pools, policy);
    this.cancellations = options.scenario.cancellations;
    this.unitsRules = options.scenario.unitsPerCall;
    this.arrivalsFixed = this.cancellations === null && this.unitsRules === null;
    this.extraUnits = new ExtraUnits(this.random);
    this.lines = new WaitingLines(this.alternative);
    this.waiting = new WaitingEvents(this.sim, this.scenario, this.random, this.lines, this.pools, {
      offer: (call, step) => this.offer(call, step),
      endCall: (call) => this.endCall(call),
      freeUnit: this.onUnitFree,
      serveQueue: (pool) => this.serveQueue(pool),
    });
    this.routing = new CallRouting(options, this.lines, {
      offer: (call, step) => this.offer(call, step),
      endCall: (call) => this.endCall(call),
      abandon: (call) => this.waiting.abandon(call),
      onPatienceOut: this.waiting.onPatienceOut,
    });
    this.hub = this.routing.hub;
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
    this.hub?.start(this.rostersGoOn);
    if (this.care !== null) startFollowUps(this.sim, this.pools, this.care, this.staffingStream("follow-ups"), this.rostersGoOn);
    this.feed.scheduleNext();
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
    this.hub?.close(nowMin);
  }

  /**
   * Rosters run to the end of the measured window (paid hours count there), and after it only
   * while calls are still arriving or being worked.
   */
  private readonly rostersGoOn = (): boolean => !this.feed.done || this.sim.now < this.windowEndMin || this.callsInSystem > 0;

  private readonly onArrival = (call: Call): void => {
    this.feed.scheduleNext();
    if (call.caller >= 0 && !this.care!.callHappens(call, this.sim.now, this.random)) return;
    this.callsInSystem++;
    this.callsReceived++;
    if (this.geography !== null || this.scenario.intake !== null) takeCall(call, this.scenario, this.random);
    if (this.cancellations !== null) {
      const afterMin = cancellationMin(call, this.cancellations, this.random);
      if (afterMin >= 0) this.sim.at(call.arrivalMin + afterMin, PRECEDENCE.fallback, this.waiting.onCancel, call);
    }
    this.routing.receive(call);
  };

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
      // A free unit the reserve holds back counts as busy for this call.
      if (pool.freeFor(call.priority)) return this.assign(call, pool);
      if (pool.targetCount > 0 && call.rule!.fallbackAfterMin > 0) {
        if (call.patienceRanOut) return this.waiting.abandon(call);
        call.step = step;
        this.lines.push(call);
        this.waiting.startFallback(call, call.rule!.fallbackAfterMin);
        this.waiting.startTimers(call);
        return;
      }
    }
    const pool = this.pools[send[last]];
    call.step = last;
    if (pool.freeFor(call.priority)) return this.assign(call, pool);
    for (const overflow of call.rule!.ifIdle) {
      if (this.pools[overflow].freeFor(call.priority) && takesIfIdle(overflow, call.entryStep, this.alternative)) return this.assign(call, this.pools[overflow]);
    }
    if (call.patienceRanOut) return this.waiting.abandon(call);
    this.lines.push(call);
    this.waiting.startTimers(call);
  }

  private assign(call: Call, pool: UnitPool): void {
    const now = this.sim.now;
    const geography = this.geography;
    let unit: Unit;
    if (geography === null) unit = pool.assign(call, now);
    else {
      this.costZone = call.zone;
      unit = pool.assign(call, now, this.slotCost);
    }
    call.unit = unit;
    call.root.unitsAssigned++;
    if (call.parent === null) {
      call.openTasks++;
      call.assignedMin = now;
      call.servedBy = pool.index;
      call.servedByAlternative = pool.type.isAlternative;
    }
    const type = pool.type;
    if (type.travelMin === null && type.outreach === null && geography === null) {
      unit.arriveMin = now;
      this.onUnitOnScene(unit);
    } else {
      unit.arriveMin = now + travelDelay(type, unit.slot, call, geography, this.random);
      if (!this.arrivalsFixed || call.parent !== null || !this.settleScene(unit)) this.sim.at(unit.arriveMin, PRECEDENCE.onScene, this.onUnitOnScene, unit);
    }
    if (this.unitsRules !== null && call.unitsWanted > 1 && call.parent === null) this.extraUnits.send(call, pool.index, now, this.nextLinkedId, this.offerFirst);
  }

  /**
   * Settles, at assignment, the scene of an incoming call whose unit nothing can stop on its way
   * (`arrivalsFixed`): the decision depends only on the call's own draws and the arrival time, so
   * it is the one the arrival would make, and the unit's free time is scheduled now, which saves
   * one event per call. A scene that sends police after the unit returns false: that dispatch
   * must start at the arrival, so the arrival stays an event.
   */
  private settleScene(unit: Unit): boolean {
    const call = unit.call!;
    const type = unit.pool.type;
    const arriveMin = unit.arriveMin;
    const scene = this.settled;
    decideScene(this.scenario, type, call, this.random, arriveMin, scene);
    if (scene.linkedRole >= 0) return false;
    unit.arriveMin = NaN;
    if (type.crew.officer > 0) call.officerAttended = true;
    if (Number.isNaN(call.onSceneMin)) call.onSceneMin = arriveMin;
    if (scene.disposition >= 0) {
      call.disposition = scene.disposition;
      call.outcomeCost += scene.outcomeCost;
    }
    this.sim.at(arriveMin + scene.busyMin, unitFreeRank(unit.pool.index, unit.id), this.onUnitFree, unit);
    return true;
  }

  private readonly onUnitOnScene = (unit: Unit): void => {
    // Freed en route (its call was cancelled) and perhaps sent elsewhere since: not this trip.
    if (unit.arriveMin !== this.sim.now) return;
    unit.arriveMin = NaN;
    const call = unit.call!;
    const type = unit.pool.type;
    const root = call.root;
    if (type.crew.officer > 0) root.officerAttended = true;
    if (Number.isNaN(call.onSceneMin)) call.onSceneMin = this.sim.now;
    // The response is the first unit on scene, whichever of a multi-unit response it is.
    if (call.role === CALL_ROLE.extra && Number.isNaN(root.onSceneMin)) root.onSceneMin = this.sim.now;
    const scene = this.scene;
    decideScene(this.scenario, type, call, this.random, this.sim.now, scene);
    if (scene.disposition >= 0) {
      root.disposition = scene.disposition;
      root.outcomeCost += scene.outcomeCost;
    }
    if (scene.linkedRole >= 0) this.sendLinked(call, unit.pool.index, scene.linkedRole, scene.linkedPriority);
    this.sim.after(scene.busyMin, unitFreeRank(unit.pool.index, unit.id), this.onUnitFree, unit);
  };

  /**
   * Sends police after a unit on scene: backup (to the type's backup list), or to take over the
   * call or place a hold (to the backup list if the type has one, else the rule's last type).
   */
  private sendLinked(call: Call, fromType: number, role: number, priority: number): void {
    this.random.reset(call.seed, PURPOSE.backupSeed);
    const seed = (this.random.next() * 4294967296) >>> 0;
    const rule = this.backupRules[fromType] ?? this.policeRules[this.model.rules.indexOf(call.root.rule!)];
    const linked = call.root.linkedDispatch(this.nextLinkedId(), this.sim.now, role, priority, seed, rule);
    this.offer(linked, 0);
  }

  private readonly onUnitFree = (unit: Unit): void => {
    const now = this.sim.now;
    const call = unit.call!;
    const pool = unit.pool;
    const root = call.root;
    root.officerMinutes += (now - unit.assignedMin) * pool.type.crew.officer;
    call.unit = null;
    unit.arriveMin = NaN;
    if (pool.release(unit, now)) this.serveQueue(pool);
    root.openTasks--;
    if (root.openTasks === 0) this.endCall(root);
  };

  /**
   * Hands each idle unit of a pool the best waiting call whose rule lets its type take it (see
   * waiting-lines.ts). When the pool has nobody left on duty, calls waiting for it with a fallback
   * move on at once, as a call offered to an off-duty type does.
   */
  private serveQueue(pool: UnitPool): void {
    if (pool.targetCount === 0) for (const call of this.lines.takeWaitingFor(pool.index)) this.offer(call, call.step + 1);
    while (pool.idleCount > 0) {
      const next = this.lines.takeFor(pool.index, pool.servesUpTo);
      if (next === null) return;
      this.assign(next, pool);
    }
  }

  private endCall(call: Call): void {
    if (!Number.isNaN(call.endMin)) {
      throw new SimulationError(`${call.describe()} ended twice, at ${call.endMin} and ${this.sim.now} min`);
    }
    call.endMin = this.sim.now;
    if (call.caller >= 0) this.care?.callEnded(call, this.sim.now);
    // A caller who hung up was not answered by anyone: not a fallback (abandonment is its own outcome).
    // Set only when true: the flag starts false and a call ends once (most calls skip the setter).
    if (call.offeredAlternative && !call.servedByAlternative && !call.phoneResolved && !call.abandoned && !call.cancelled) call.fellBack = true;
    this.callsInSystem--;
    this.callsEnded++;
    this.onCallEnd(call);
  }
}
