/**
 * One slot's staffing, shift instance by shift instance (a block on a given day): the units on
 * duty at time t are the sum, over the instances covering t, of each instance's filled units.
 * Unit k of block b's instance on day d is vacant iff u(b, d, k) < vacancy, with u a keyed uniform
 * (src/random/keyed-uniform.ts) rather than the next draw of a stream: a draw then depends on that
 * block, day and unit only, so adding a unit to one block, or adding a block, leaves every other
 * unit's draw as it was, and sweeps and the staffing search stay paired under vacancies.
 *
 * Vacancy 0 takes the same path with every unit filled, so the count equals the roster's
 * `unitsAt(t)` and a vacancy of 0 and of 1e-12 staff identically, event for event.
 */
import type { Simulation } from "../engine/simulation.js";
import { keyedUniform, mixKey, mixKeys } from "../random/keyed-uniform.js";
import { PRECEDENCE } from "./precedence.js";
import { MINUTES_PER_DAY, MINUTES_PER_WEEK, type Shift } from "./roster.js";

/** Salt of a block's key (first 32 bits of frac(√3), SHA-2's H2), so a key is not the bare seed. */
const BLOCK_SALT = 0xbb67ae85;

/** Shift instances that start or end at one minute of the week. */
interface Boundary {
  minuteOfWeek: number;
  /** Per instance: block index, day of week it started on, and its start week relative to this one (0 or -1). */
  starts: number[];
  ends: number[];
}

export class ShiftStaffing {
  /** Per block: the hash its instances' draws are keyed under. */
  private readonly blockHashes: number[];
  private readonly boundaries: Boundary[] = [];
  private level = 0;
  private week = 0;
  private next = 0;

  /**
   * @param seed unsigned 32-bit seed material for the draws (ignored when vacancy is 0)
   * @param onChange sets the units on duty now, after a boundary changed them
   * @param keepGoing whether boundaries should go on being scheduled (the run is not over)
   */
  constructor(
    private readonly sim: Simulation,
    private readonly shifts: readonly Shift[],
    private readonly vacancy: number,
    seed: number,
    private readonly onChange: (units: number) => void,
    private readonly keepGoing: () => boolean,
  ) {
    this.blockHashes = blockHashes(shifts, seed);
    const byMinute = new Map<number, Boundary>();
    const at = (minute: number) => {
      let boundary = byMinute.get(minute);
      if (boundary === undefined) byMinute.set(minute, (boundary = { minuteOfWeek: minute, starts: [], ends: [] }));
      return boundary;
    };
    shifts.forEach((shift, block) => {
      if (shift.units === 0) return;
      for (const dayOfWeek of shift.days) {
        const start = dayOfWeek * MINUTES_PER_DAY + shift.fromMin;
        const end = start + shiftLength(shift);
        at(start).starts.push(block, dayOfWeek, 0);
        // A shift that ends past Sunday 24:00 ends in the next week: its start day is a week back.
        if (end < MINUTES_PER_WEEK) at(end).ends.push(block, dayOfWeek, 0);
        else at(end - MINUTES_PER_WEEK).ends.push(block, dayOfWeek, -1);
      }
    });
    this.boundaries = [...byMinute.values()].sort((a, b) => a.minuteOfWeek - b.minuteOfWeek);
  }

  /** Units on duty now (the instances under way), and schedules the first boundary after now. */
  start(): number {
    const now = this.sim.now;
    const week = Math.floor(now / MINUTES_PER_WEEK);
    this.shifts.forEach((shift, block) => {
      if (shift.units === 0) return;
      // A shift is shorter than a week, so only this week's and last week's instances can be on.
      for (let w = week - 1; w <= week; w++) {
        for (const dayOfWeek of shift.days) {
          const day = w * 7 + dayOfWeek;
          const start = day * MINUTES_PER_DAY + shift.fromMin;
          if (start <= now && now < start + shiftLength(shift)) this.level += this.filledUnits(block, day);
        }
      }
    });
    if (this.boundaries.length > 0) {
      this.week = week;
      this.next = this.boundaries.findIndex((b) => week * MINUTES_PER_WEEK + b.minuteOfWeek > now);
      if (this.next < 0) [this.week, this.next] = [week + 1, 0];
      this.schedule();
    }
    return this.level;
  }

  /** Units filled in block `block`'s instance that starts on day `day` (day 0 is the run's first). */
  filledUnits(block: number, day: number): number {
    const units = this.shifts[block].units;
    if (this.vacancy <= 0) return units;
    const instance = mixKey(this.blockHashes[block], day);
    let filled = 0;
    for (let unit = 0; unit < units; unit++) if (keyedUniform(instance, unit) >= this.vacancy) filled++;
    return filled;
  }

  private schedule(): void {
    const time = this.week * MINUTES_PER_WEEK + this.boundaries[this.next].minuteOfWeek;
    this.sim.at(time, PRECEDENCE.rosterChange, this.onBoundary, this.boundaries[this.next]);
  }

  /** Applies the net change of every instance starting or ending now at once. */
  private readonly onBoundary = (boundary: Boundary): void => {
    let delta = 0;
    for (let i = 0; i < boundary.starts.length; i += 3) delta += this.filledUnits(boundary.starts[i], this.week * 7 + boundary.starts[i + 1]);
    for (let i = 0; i < boundary.ends.length; i += 3) {
      delta -= this.filledUnits(boundary.ends[i], (this.week + boundary.ends[i + 2]) * 7 + boundary.ends[i + 1]);
    }
    if (delta !== 0) {
      this.level += delta;
      this.onChange(this.level);
    }
    if (!this.keepGoing()) return;
    if (++this.next === this.boundaries.length) [this.week, this.next] = [this.week + 1, 0];
    this.schedule();
  };
}

function shiftLength(shift: Shift): number {
  return shift.toMin > shift.fromMin ? shift.toMin - shift.fromMin : shift.toMin + MINUTES_PER_DAY - shift.fromMin;
}

/**
 * Keys each block by its hours and days (never its unit count or its place in the list), plus how
 * many identical blocks came before it, so adding, removing or resizing another block, or
 * resizing this one, keeps this block's draws.
 */
function blockHashes(shifts: readonly Shift[], seed: number): number[] {
  const seen = new Map<string, number>();
  return shifts.map((shift) => {
    const dayMask = shift.days.reduce((mask, day) => mask | (1 << day), 0);
    const identity = `${shift.fromMin}-${shift.toMin}-${dayMask}`;
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return mixKeys(seed, [BLOCK_SALT, shift.fromMin, shift.toMin, dayMask, occurrence]);
  });
}
