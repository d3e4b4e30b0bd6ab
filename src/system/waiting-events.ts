/**
 * What can happen to a call while it waits, before a unit reaches it: its wait for a preferred
 * type runs out (fallback), the caller hangs up (patience), a behavioral-health call escalates to
 * police, a call ages to a more urgent priority, or the call is cancelled. Each timer is set by the
 * life cycle (response-system.ts) and each handler checks the call is still where the timer found
 * it, since a call may be assigned, moved or ended before the timer fires.
 */
import type { Simulation } from "../engine/simulation.js";
import type { CallRandom } from "../random/call-random.js";
import type { Call } from "./call.js";
import type { AgingConfig, ScenarioConfig } from "./config.js";
import { agedPriority, agingStepMin, startAging } from "./dispatch-policy.js";
import { PRECEDENCE } from "./precedence.js";
import type { Unit, UnitPool } from "./unit-pool.js";
import { startWaitingTimers } from "./waiting-timers.js";
import type { WaitingLines } from "./waiting-lines.js";

/** What the waiting events ask of the life cycle. */
export interface WaitingCallbacks {
  /** Offers the call to the unit type at `step` of its rule's send list. */
  offer(call: Call, step: number): void;
  endCall(call: Call): void;
  /** Frees a unit (sent to a cancelled call). */
  freeUnit(unit: Unit): void;
  /** Hands a pool's idle units the best waiting calls they may take. */
  serveQueue(pool: UnitPool): void;
}

/** A fallback timer: the call, and its line placement when the timer was set (its `ticket`). */
interface FallbackTimer {
  call: Call;
  ticket: number;
}

export class WaitingEvents {
  private readonly aging: AgingConfig | null;
  /**
   * The scenario has patience or escalation: without either, the waiting timers would only mark
   * the call (flags nothing else reads), so waiting calls skip them.
   */
  private readonly timed: boolean;
  /** Some unit type keeps a reserve: an idle unit and a waiting call it may not take can coexist. */
  private readonly reserving: boolean;

  constructor(
    private readonly sim: Simulation,
    private readonly scenario: ScenarioConfig,
    private readonly random: CallRandom,
    private readonly lines: WaitingLines,
    private readonly pools: readonly UnitPool[],
    private readonly life: WaitingCallbacks,
  ) {
    this.aging = scenario.dispatchPolicy?.aging ?? null;
    const waiting = scenario.waiting;
    this.timed = waiting.patienceMin !== null || waiting.escalation !== null;
    this.reserving = pools.some((pool) => pool.reserveKeep > 0);
  }

  /** Sets the timer that moves a call waiting for a preferred type on to the next after `afterMin`. */
  startFallback(call: Call, afterMin: number): void {
    const timer: FallbackTimer = { call, ticket: call.placement };
    this.sim.after(afterMin, PRECEDENCE.fallback, this.onFallback, timer);
  }

  /** The timers of a call waiting for a unit: patience, escalation, aging (each set once). */
  startTimers(call: Call): void {
    if (this.timed) startWaitingTimers(call, this.scenario.waiting, this.sim, this.random, this.onPatienceOut, this.onEscalation);
    if (this.aging !== null) startAging(call, this.aging, this.sim, this.onAge);
  }

  /** The caller hung up: the call ends unanswered. */
  abandon(call: Call): void {
    call.abandoned = true;
    this.life.endCall(call);
  }

  /**
   * One aging step of a waiting call: it rises a level and is re-sorted in its line; the next
   * step is set while it may rise further. A call no longer waiting (assigned, ended) stops aging.
   */
  private readonly onAge = (call: Call): void => {
    if (call.waitingAt < 0) return;
    const aging = this.aging!;
    const priority = agedPriority(call, aging);
    if (priority === call.priority) return;
    this.lines.reprioritize(call, priority);
    if (this.reserving) this.serveReserved();
    if (call.waitingAt >= 0 && agedPriority(call, aging) < call.priority) this.sim.after(agingStepMin(call, aging), PRECEDENCE.fallback, this.onAge, call);
  };

  /** A waiting call became more urgent: units a reserve held back from it may take it now. */
  private serveReserved(): void {
    for (const pool of this.pools) if (pool.idleCount > 0) this.life.serveQueue(pool);
  }

  /**
   * The call is cancelled, unless it has ended or a unit reached it first: it leaves its line (or
   * hub triage, call processing, the hand-off), every unit sent to it is freed at once, en route,
   * and so is every extra unit of a multi-unit response still waiting.
   */
  readonly onCancel = (call: Call): void => {
    if (!Number.isNaN(call.endMin) || !Number.isNaN(call.onSceneMin)) return;
    call.cancelled = true;
    // Take every dispatch out of its line first, so a freed unit cannot be handed one of them.
    for (let dispatch: Call | null = call; dispatch !== null; dispatch = dispatch.nextLinked) {
      if (dispatch.waitingAt < 0) continue;
      this.lines.remove(dispatch);
      if (dispatch !== call) call.openTasks--;
    }
    for (let dispatch: Call | null = call; dispatch !== null; dispatch = dispatch.nextLinked) {
      const unit = dispatch.unit;
      if (unit !== null) this.life.freeUnit(unit);
    }
    // Freeing the last unit ended it; a call that had none (waiting, in triage) ends now.
    if (Number.isNaN(call.endMin)) this.life.endCall(call);
  };

  readonly onPatienceOut = (call: Call): void => {
    if (call.waitingAt < 0) {
      // In triage (the caller is on the line with the hub): they hang up if they must wait again.
      if (Number.isNaN(call.assignedMin) && Number.isNaN(call.endMin)) call.patienceRanOut = true;
      return;
    }
    this.lines.remove(call);
    this.abandon(call);
  };

  /**
   * A behavioral-health call waited too long: more urgent, and, if it is still waiting for an
   * alternative, sent to its rule's last unit type (police), which alone then takes it (with the
   * rule's ifIdle types). Only such a move counts as an escalation; the priority it arrived with
   * stays what it is reported by.
   */
  private readonly onEscalation = (call: Call): void => {
    if (call.waitingAt < 0) return;
    const priority = Math.min(call.priority, this.scenario.waiting.escalation!.toPriority);
    const last = call.rule!.send.length - 1;
    if (call.step === last) {
      this.lines.reprioritize(call, priority);
      if (this.reserving) this.serveReserved();
      return;
    }
    this.lines.remove(call);
    call.priority = priority;
    call.escalated = true;
    call.entryStep = last;
    this.life.offer(call, last);
  };

  /** The wait for a preferred type is over, unless the call has left the place it was set for (its line entry, `ticket`). */
  private readonly onFallback = ({ call, ticket }: FallbackTimer): void => {
    if (call.waitingAt < 0 || call.placement !== ticket) return;
    this.lines.remove(call);
    this.life.offer(call, call.step + 1);
  };
}
