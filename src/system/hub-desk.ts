/**
 * The triage hub's desk: staff on duty by roster, each triaging one call at a time, and a line of
 * calls waiting for triage (priority, then age). Staff time is integrated over the measured
 * window like any unit's, so the hub is paid for and its utilization reported.
 *
 * When no staff member is on duty, the hub is closed: a call handed to it goes to police, and so
 * do the calls still waiting when the last shift ends (a 911 dispatcher does not hold a crisis call
 * overnight for a desk that has closed). A call waits for triage at most its rule's
 * `fallbackAfterMin` when the rule has a fallback, as it would for a busy team.
 */
import type { Simulation } from "../engine/simulation.js";
import type { CallRandom } from "../random/call-random.js";
import type { Call } from "./call.js";
import type { CallQueue } from "./call-queue.js";
import type { HubConfig, UnitTypeConfig } from "./config.js";
import { PRECEDENCE } from "./precedence.js";
import { PURPOSE } from "./purposes.js";
import { UnitPool, type Unit } from "./unit-pool.js";

/** What the desk hands back to the response system. */
export interface HubDeskHandlers {
  /** Triage is over and the call needs a unit. */
  onTriaged: (call: Call) => void;
  /** Triage resolved the call by phone (`phoneResolved` is set): it ends here. */
  onResolvedByPhone: (call: Call) => void;
  /** The call cannot be triaged (the hub closed, or the wait its rule allows ran out): it goes past the alternative. */
  onGiveUp: (call: Call) => void;
  /** The call has to wait for triage: start the caller's patience. */
  onQueued: (call: Call) => void;
}

/** Paid and busy staff time over the measured window, for the metrics. */
export interface HubTime {
  busyMinutes: number;
  staffedMinutes: number;
  costPerHour: number;
}

export class HubDesk {
  private readonly staff: UnitPool;

  constructor(
    private readonly config: HubConfig,
    private readonly sim: Simulation,
    /** The line calls wait in for triage (one of the response system's waiting lines). */
    private readonly line: CallQueue,
    private readonly handlers: HubDeskHandlers,
    /** Draws from each call's own substreams (common random numbers across models). */
    private readonly random: CallRandom,
    windowStartMin: number,
    windowEndMin: number,
  ) {
    this.staff = new UnitPool(-1, staffType(config), windowStartMin, windowEndMin);
  }

  /** Puts the first shift on duty and follows the staff roster while `keepGoing()`. */
  start(keepGoing: () => boolean): void {
    const roster = this.config.staff;
    const change = () => {
      this.staff.setTarget(roster.unitsAt(this.sim.now), this.sim.now);
      if (this.staff.targetCount === 0) this.closeLine();
      else this.serveLine();
      if (!keepGoing()) return;
      const next = roster.nextChangeAfter(this.sim.now);
      if (next !== Infinity) this.sim.at(next, PRECEDENCE.rosterChange, change, null);
    };
    change();
  }

  /**
   * Takes a call handed to the hub, to wait for triage at most `maxWaitMin` (Infinity: as long as
   * it takes). Returns false when the call cannot be taken: the hub is closed (nobody on duty), or
   * every staff member is busy and the call may not wait.
   */
  receive(call: Call, maxWaitMin: number): boolean {
    if (this.staff.targetCount === 0) return false;
    if (this.staff.idleCount === 0 && maxWaitMin <= 0) return false;
    call.hubArrivalMin = this.sim.now;
    if (this.staff.idleCount > 0) this.startTriage(call);
    else {
      this.line.push(call);
      if (maxWaitMin < Infinity) this.sim.after(maxWaitMin, PRECEDENCE.fallback, this.onWaitOver, call);
      this.handlers.onQueued(call);
    }
    return true;
  }

  private readonly onWaitOver = (call: Call): void => {
    if (!this.line.holds(call)) return;
    this.line.remove(call);
    this.handlers.onGiveUp(call);
  };

  /** Brings the staff-time integrals up to `nowMin` (after the run). */
  close(nowMin: number): void {
    this.staff.touch(nowMin);
    this.staff.flush();
  }

  get time(): HubTime {
    return { busyMinutes: this.staff.busyMinutes, staffedMinutes: this.staff.staffedMinutes, costPerHour: this.config.costPerHour };
  }

  private startTriage(call: Call): void {
    const member = this.staff.assign(call, this.sim.now);
    call.triageStartMin = this.sim.now;
    this.random.reset(call.seed, PURPOSE.triage);
    this.sim.after(this.config.triageMin.sample(this.random.next), PRECEDENCE.triageDone, this.onTriageDone, member);
  }

  private readonly onTriageDone = (member: Unit): void => {
    const call = member.call!;
    if (this.staff.release(member, this.sim.now)) this.serveLine();
    // Cancelled during triage: the call has ended; the staff member's time is spent all the same.
    if (call.cancelled) return;
    if (this.config.phoneResolution > 0) {
      this.random.reset(call.seed, PURPOSE.phone);
      if (this.random.next() < this.config.phoneResolution) {
        call.phoneResolved = true;
        call.readyMin = this.sim.now;
        this.handlers.onResolvedByPhone(call);
        return;
      }
    }
    this.handlers.onTriaged(call);
  };

  private serveLine(): void {
    while (this.staff.idleCount > 0 && this.line.size > 0) this.startTriage(this.line.poll()!);
  }

  private closeLine(): void {
    for (let call = this.line.poll(); call !== null; call = this.line.poll()) this.handlers.onGiveUp(call);
  }
}

/** The desk's staff as a unit type, so a UnitPool can roster them and integrate their time. */
function staffType(config: HubConfig): UnitTypeConfig {
  return {
    name: "hub staff",
    crew: { officer: 0, clinician: 1, peer: 0, medic: 0 },
    isAlternative: true,
    costPerHour: config.costPerHour,
    travelMin: null,
    onSceneMin: [],
    disposition: [],
    outreach: null,
    rampUp: null,
    declineShare: 0,
    backup: null,
  };
}
