/**
 * A staffing roster: how many units of one type are on duty at each minute of a repeating week.
 * A validated value object (simmer's `schedule()`): change points sorted by minute of week, counts
 * non-negative integers, a period of one week. Simulation time 0 is Monday 00:00.
 */

/** Minutes in a day and in the roster's period (one week). */
export const MINUTES_PER_DAY = 1440;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** One shift block: `units` on duty from `fromMin` to `toMin` (minutes after midnight) on `days`. */
export interface Shift {
  /** Start, minutes after midnight, 0..1439. */
  fromMin: number;
  /** End, minutes after midnight, 1..1440; at or before `fromMin` means the shift ends the next day. */
  toMin: number;
  /** Units on duty during the block (integer >= 0). */
  units: number;
  /** Days of the week the shift starts on, 0 = Monday. */
  days: readonly number[];
}

/** Raised when a roster is built from invalid shifts. */
export class RosterError extends Error {
  override name = "RosterError";
}

/** A weekly step function of units on duty. */
export class Roster {
  /** Minutes of week (ascending, first is 0) at which the count changes, and the count from then. */
  readonly changeMinutes: readonly number[];
  readonly units: readonly number[];

  private constructor(changeMinutes: number[], units: number[]) {
    this.changeMinutes = Object.freeze(changeMinutes);
    this.units = Object.freeze(units);
    Object.freeze(this);
  }

  /** A roster with the same count all week. */
  static constant(units: number): Roster {
    checkUnits(units, "units");
    return new Roster([0], [units]);
  }

  /**
   * Builds a roster as the sum of overlapping shift blocks. Throws RosterError on a count that is
   * not a non-negative integer, a time outside the day, or a zero-length shift.
   */
  static fromShifts(shifts: readonly Shift[]): Roster {
    const delta = new Map<number, number>();
    const add = (minute: number, change: number) => delta.set(minute, (delta.get(minute) ?? 0) + change);
    shifts.forEach((shift, index) => {
      checkUnits(shift.units, `shifts[${index}].units`);
      if (!(shift.fromMin >= 0 && shift.fromMin < MINUTES_PER_DAY)) {
        throw new RosterError(`shifts[${index}].from must be within the day, got minute ${shift.fromMin}`);
      }
      if (!(shift.toMin > 0 && shift.toMin <= MINUTES_PER_DAY)) {
        throw new RosterError(`shifts[${index}].to must be within the day, got minute ${shift.toMin}`);
      }
      if (shift.units === 0) return;
      const length = shift.toMin > shift.fromMin ? shift.toMin - shift.fromMin : shift.toMin + MINUTES_PER_DAY - shift.fromMin;
      for (const day of shift.days) {
        const start = day * MINUTES_PER_DAY + shift.fromMin;
        const end = start + length;
        add(start, shift.units);
        if (end <= MINUTES_PER_WEEK) {
          // An end at exactly 24:00 on Sunday is the end of the period, not Monday 00:00.
          add(end, -shift.units);
        } else {
          // A Sunday-night shift runs on into Monday morning of the next (identical) week.
          add(MINUTES_PER_WEEK, -shift.units);
          add(0, shift.units);
          add(end - MINUTES_PER_WEEK, -shift.units);
        }
      }
    });
    return Roster.fromDeltas(delta);
  }

  private static fromDeltas(delta: Map<number, number>): Roster {
    const minutes = [...delta.keys()].filter((m) => m < MINUTES_PER_WEEK).sort((a, b) => a - b);
    const changeMinutes: number[] = [0];
    const units: number[] = [delta.get(0) ?? 0];
    let level = units[0];
    for (const minute of minutes) {
      if (minute === 0) continue;
      level += delta.get(minute)!;
      if (level === units[units.length - 1]) continue;
      changeMinutes.push(minute);
      units.push(level);
    }
    return new Roster(changeMinutes, units);
  }

  /** Units on duty at simulation time `timeMin` (minutes since Monday 00:00 of week 0). */
  unitsAt(timeMin: number): number {
    return this.units[this.segmentAt(positiveModulo(timeMin, MINUTES_PER_WEEK))];
  }

  /** The first time strictly after `timeMin` at which the count changes, or Infinity if it never does. */
  nextChangeAfter(timeMin: number): number {
    if (this.changeMinutes.length === 1) return Infinity;
    const weekStart = Math.floor(timeMin / MINUTES_PER_WEEK) * MINUTES_PER_WEEK;
    const segment = this.segmentAt(timeMin - weekStart);
    const next = segment + 1;
    return next < this.changeMinutes.length ? weekStart + this.changeMinutes[next] : weekStart + MINUTES_PER_WEEK;
  }

  /** Largest number of units on duty at any time. */
  get maxUnits(): number {
    return Math.max(...this.units);
  }

  /** Paid unit-hours in one week. */
  get unitHoursPerWeek(): number {
    let total = 0;
    for (let i = 0; i < this.units.length; i++) {
      const end = i + 1 < this.changeMinutes.length ? this.changeMinutes[i + 1] : MINUTES_PER_WEEK;
      total += this.units[i] * (end - this.changeMinutes[i]);
    }
    return total / 60;
  }

  /** The sum of two rosters (both on duty at once). */
  plus(other: Roster): Roster {
    const delta = new Map<number, number>();
    for (const roster of [this, other]) {
      roster.changeMinutes.forEach((minute, i) => {
        const change = roster.units[i] - (i === 0 ? 0 : roster.units[i - 1]);
        delta.set(minute, (delta.get(minute) ?? 0) + change);
      });
    }
    return Roster.fromDeltas(delta);
  }

  /** Reads like "mon 00:00 6, mon 07:00 10, ...". */
  toString(): string {
    return this.changeMinutes.map((minute, i) => `${formatMinuteOfWeek(minute)} ${this.units[i]}`).join(", ");
  }

  private segmentAt(minuteOfWeek: number): number {
    const minutes = this.changeMinutes;
    let low = 0;
    let high = minutes.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (minutes[mid] <= minuteOfWeek) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

function checkUnits(units: number, where: string): void {
  if (!Number.isInteger(units) || units < 0) {
    throw new RosterError(`${where} must be an integer >= 0, got ${units}`);
  }
}

function positiveModulo(value: number, period: number): number {
  const r = value % period;
  return r < 0 ? r + period : r;
}

/** Formats a minute of the week as "tue 07:30". */
export function formatMinuteOfWeek(minute: number): string {
  const day = DAY_NAMES[Math.floor(minute / MINUTES_PER_DAY)];
  const inDay = minute % MINUTES_PER_DAY;
  const hh = String(Math.floor(inDay / 60)).padStart(2, "0");
  const mm = String(inDay % 60).padStart(2, "0");
  return `${day} ${hh}:${mm}`;
}
