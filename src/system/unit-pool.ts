/**
 * The units of one type in one response model: who is idle, who is busy and how many the roster
 * wants on duty (calls waiting for them are in waiting-lines.ts). A unit that is busy when its shift ends finishes
 * its call first, then goes off duty ("owed" units). Busy and staffed unit-minutes are integrated
 * over the measurement window for utilization and paid hours, in total, by hour of day and, with
 * geography, by slot (the zone units are based in).
 */
import type { Call } from "./call.js";
import type { UnitTypeConfig } from "./config.js";

/** One unit. It is in exactly one place: off duty, idle, or busy with one call. */
export class Unit {
  call: Call | null = null;
  /** Where the unit is based: a zone index, or the pool's last slot for units with no zone. */
  slot = 0;
  /** When the unit was assigned its current call, minutes. */
  assignedMin = 0;
  /**
   * When the unit is due on scene, minutes; NaN once there. A unit freed en route (its call was
   * cancelled) may be sent elsewhere before its old arrival event fires: that event no longer
   * matches and is ignored.
   */
  arriveMin = NaN;
  constructor(
    readonly id: number,
    readonly pool: UnitPool,
  ) {}
}

/** Raised when the pool's bookkeeping breaks an invariant (a bug, never a user mistake). */
export class UnitPoolError extends Error {
  override name = "UnitPoolError";
}

export class UnitPool {
  /**
   * The cutoff-priority reserve (`dispatchPolicy.reserve`): the last `reserveKeep` idle units go
   * only to calls of priority `reserveFor` or more urgent. 0 and Infinity: no reserve.
   */
  reserveKeep = 0;
  reserveFor = Infinity;
  private readonly idle: Unit[] = [];
  private readonly offDuty: Unit[] = [];
  private busy = 0;
  /** Busy units that go off duty when they finish, because the roster dropped (in all slots). */
  private owed = 0;
  /** By slot (zone, or the last slot for units with no zone): units on duty, and units owed off. */
  private readonly onDutyBySlot: number[];
  private readonly owedBySlot: number[];
  /** By slot: busy units now. */
  private readonly busyBySlot: number[];
  /** By slot: busy and on-duty unit-minutes in the window, integrated only with more than one slot (see `busyMinutesBySlot`). */
  private readonly slotBusyMinutes: Float64Array;
  private readonly slotStaffedMinutes: Float64Array;
  private unitsMade = 0;
  private lastTouchMin = 0;
  /** Busy and on-duty (idle + busy) unit-minutes in the window by hour of day (0..23); see `flush`. */
  readonly busyMinutesByHour = new Float64Array(24);
  readonly staffedMinutesByHour = new Float64Array(24);
  /** The clock hour being accumulated (its start, minutes), and its totals so far. */
  private hourStartMin = -Infinity;
  private hourBusyMinutes = 0;
  private hourStaffedMinutes = 0;

  constructor(
    readonly index: number,
    readonly type: UnitTypeConfig,
    private readonly windowStartMin: number,
    private readonly windowEndMin: number,
    /** Zones units can be based in, plus one slot for units with no zone; 1 without geography. */
    readonly slots = 1,
  ) {
    this.onDutyBySlot = new Array<number>(slots).fill(0);
    this.owedBySlot = new Array<number>(slots).fill(0);
    this.busyBySlot = new Array<number>(slots).fill(0);
    this.slotBusyMinutes = new Float64Array(slots);
    this.slotStaffedMinutes = new Float64Array(slots);
  }

  get idleCount(): number {
    return this.idle.length;
  }

  /** Whether a call now at `priority` may take one of the idle units (the reserve held back). */
  freeFor(priority: number): boolean {
    return this.idle.length > (priority <= this.reserveFor ? 0 : this.reserveKeep);
  }

  /** The most urgent priority a call needs to take an idle unit now: Infinity while more units are idle than the reserve keeps. */
  get servesUpTo(): number {
    return this.idle.length > this.reserveKeep ? Infinity : this.reserveFor;
  }

  get busyCount(): number {
    return this.busy;
  }

  /** Units on duty now, including busy units that will leave when they finish. */
  get staffedCount(): number {
    return this.idle.length + this.busy;
  }

  /** Units the roster currently wants on duty. */
  get targetCount(): number {
    return this.idle.length + this.busy - this.owed;
  }

  /** Units of one slot (zone) the roster currently wants on duty. */
  slotTarget(slot: number): number {
    return this.onDutyBySlot[slot] - this.owedBySlot[slot];
  }

  /** Sets how many units of one slot (zone) should be on duty from `nowMin`. */
  setTarget(units: number, nowMin: number, slot = 0): void {
    this.touch(nowMin);
    let change = units - (this.onDutyBySlot[slot] - this.owedBySlot[slot]);
    if (change > 0) {
      const kept = Math.min(this.owedBySlot[slot], change);
      this.owedBySlot[slot] -= kept;
      this.owed -= kept;
      change -= kept;
      for (; change > 0; change--) {
        const unit = this.offDuty.pop() ?? new Unit(this.unitsMade++, this);
        unit.slot = slot;
        this.idle.push(unit);
        this.onDutyBySlot[slot]++;
      }
    } else if (change < 0) {
      // Idle units of that slot go first, the most recently idle first; busy ones finish their call.
      for (let i = this.idle.length - 1; i >= 0 && change < 0; i--) {
        if (this.idle[i].slot !== slot) continue;
        this.offDuty.push(this.idle.splice(i, 1)[0]);
        this.onDutyBySlot[slot]--;
        change++;
      }
      this.owedBySlot[slot] -= change;
      this.owed -= change;
    }
  }

  /**
   * Takes an idle unit for `call`; the caller checked `idleCount > 0`. With `cost` (geography),
   * the idle unit whose slot costs least (shortest travel) is taken, the most recently idle on ties.
   */
  assign(call: Call, nowMin: number, cost?: (slot: number) => number): Unit {
    // Integrate up to now before the counts change.
    this.touch(nowMin);
    let unit: Unit | undefined;
    if (cost === undefined || this.idle.length < 2) unit = this.idle.pop();
    else {
      let best = this.idle.length - 1;
      let bestCost = cost(this.idle[best].slot);
      for (let i = best - 1; i >= 0; i--) {
        const c = cost(this.idle[i].slot);
        if (c < bestCost) {
          best = i;
          bestCost = c;
        }
      }
      unit = this.idle.splice(best, 1)[0];
    }
    if (unit === undefined || unit.call !== null) {
      throw new UnitPoolError(`no idle ${this.type.name} unit for ${call.describe()} at ${nowMin} min`);
    }
    this.busy++;
    this.busyBySlot[unit.slot]++;
    unit.call = call;
    unit.assignedMin = nowMin;
    return unit;
  }

  /** Frees a busy unit. Returns true if it stays on duty (idle), false if its shift is over. */
  release(unit: Unit, nowMin: number): boolean {
    if (unit.call === null) throw new UnitPoolError(`${this.type.name} unit ${unit.id} freed twice at ${nowMin} min`);
    this.touch(nowMin);
    unit.call = null;
    this.busy--;
    this.busyBySlot[unit.slot]--;
    // Nothing is owed most of the time: test the total before the unit's slot.
    if (this.owed > 0 && this.owedBySlot[unit.slot] > 0) {
      this.owedBySlot[unit.slot]--;
      this.owed--;
      this.onDutyBySlot[unit.slot]--;
      this.offDuty.push(unit);
      return false;
    }
    this.idle.push(unit);
    return true;
  }

  /** Adds busy and staffed unit-minutes since the last change, clipped to the window. */
  touch(nowMin: number): void {
    const from = this.lastTouchMin > this.windowStartMin ? this.lastTouchMin : this.windowStartMin;
    const to = nowMin < this.windowEndMin ? nowMin : this.windowEndMin;
    const staffed = this.idle.length + this.busy;
    if (to > from && staffed > 0) {
      // Most changes fall inside the clock hour already being accumulated: two additions.
      if (from >= this.hourStartMin && to <= this.hourStartMin + 60) {
        this.hourBusyMinutes += this.busy * (to - from);
        this.hourStaffedMinutes += staffed * (to - from);
      } else {
        this.addAcrossHours(from, to, this.busy, staffed);
      }
      if (this.slots > 1) this.addBySlot(to - from);
    }
    this.lastTouchMin = nowMin;
  }

  /** Moves the current hour's totals into the by-hour arrays; call before reading them. */
  flush(): void {
    if (this.hourStartMin !== -Infinity) {
      const hourOfDay = (this.hourStartMin / 60) % 24;
      this.busyMinutesByHour[hourOfDay] += this.hourBusyMinutes;
      this.staffedMinutesByHour[hourOfDay] += this.hourStaffedMinutes;
    }
    this.hourBusyMinutes = 0;
    this.hourStaffedMinutes = 0;
  }

  /** Busy unit-minutes in the window (after `flush`). */
  get busyMinutes(): number {
    return this.busyMinutesByHour.reduce((a, b) => a + b, 0);
  }

  /** On-duty unit-minutes in the window (after `flush`). */
  get staffedMinutes(): number {
    return this.staffedMinutesByHour.reduce((a, b) => a + b, 0);
  }

  /** Busy unit-minutes in the window by slot (zone index, then units with no zone); after `flush`. */
  get busyMinutesBySlot(): ArrayLike<number> {
    return this.slots > 1 ? this.slotBusyMinutes : [this.busyMinutes];
  }

  /** On-duty unit-minutes in the window by slot; after `flush`. */
  get staffedMinutesBySlot(): ArrayLike<number> {
    return this.slots > 1 ? this.slotStaffedMinutes : [this.staffedMinutes];
  }

  /** Adds `minutes` of each slot's current busy and on-duty units (on duty = idle + busy, owed included). */
  private addBySlot(minutes: number): void {
    for (let slot = 0; slot < this.slots; slot++) {
      this.slotBusyMinutes[slot] += this.busyBySlot[slot] * minutes;
      this.slotStaffedMinutes[slot] += this.onDutyBySlot[slot] * minutes;
    }
  }

  private addAcrossHours(from: number, to: number, busy: number, staffed: number): void {
    for (let start = from; start < to; ) {
      const hourStart = Math.floor(start / 60) * 60;
      if (hourStart !== this.hourStartMin) {
        this.flush();
        this.hourStartMin = hourStart;
      }
      const end = Math.min(to, hourStart + 60);
      this.hourBusyMinutes += busy * (end - start);
      this.hourStaffedMinutes += staffed * (end - start);
      start = end;
    }
  }
}
