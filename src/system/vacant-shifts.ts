/**
 * Staffing with vacancies: each rostered unit-shift goes unfilled with a given probability, drawn
 * per shift instance (a block on a given day), so a roster of 4 may field 2 one evening and 4 the
 * next. Used instead of the weekly step function when a model sets a vacancy rate for a unit type.
 */
import type { Simulation } from "../engine/simulation.js";
import type { Rng } from "../random/rng.js";
import { PRECEDENCE } from "./precedence.js";
import { MINUTES_PER_DAY, type Shift } from "./roster.js";

interface Instance {
  shift: number;
  /** Day index from time 0 (may be negative for a shift that began before the run). */
  day: number;
  filled: number;
}

export class VacantShifts {
  /**
   * @param onChange adds `delta` units on duty now
   * @param keepGoing whether shifts should go on being scheduled (the run is not over)
   */
  constructor(
    private readonly sim: Simulation,
    private readonly shifts: readonly Shift[],
    private readonly vacancy: number,
    private readonly rng: Rng,
    private readonly onChange: (delta: number) => void,
    private readonly keepGoing: () => boolean,
  ) {}

  /** Puts on duty the shifts under way at time 0 and schedules every shift's next start. */
  start(): void {
    this.shifts.forEach((shift, index) => {
      // A shift that began on one of the previous 7 days may still be on at time 0.
      for (let day = -7; day < 0; day++) {
        if (!this.runsOn(shift, day)) continue;
        const end = day * MINUTES_PER_DAY + shift.fromMin + this.length(shift);
        if (end > 0) this.begin({ shift: index, day, filled: 0 }, end);
      }
      this.scheduleNext(index, -1);
    });
  }

  private runsOn(shift: Shift, day: number): boolean {
    return shift.days.includes(((day % 7) + 7) % 7);
  }

  private length(shift: Shift): number {
    return shift.toMin > shift.fromMin ? shift.toMin - shift.fromMin : shift.toMin + MINUTES_PER_DAY - shift.fromMin;
  }

  /** Schedules the shift's first start after `afterDay`. */
  private scheduleNext(index: number, afterDay: number): void {
    const shift = this.shifts[index];
    for (let day = afterDay + 1; day <= afterDay + 7; day++) {
      if (!this.runsOn(shift, day)) continue;
      this.sim.at(day * MINUTES_PER_DAY + shift.fromMin, PRECEDENCE.rosterChange, this.onStart, { shift: index, day, filled: 0 });
      return;
    }
  }

  private readonly onStart = (instance: Instance): void => {
    const shift = this.shifts[instance.shift];
    this.begin(instance, this.sim.now + this.length(shift));
    if (this.keepGoing()) this.scheduleNext(instance.shift, instance.day);
  };

  /** Fills the instance's units (each with probability 1 - vacancy) until `endMin`. */
  private begin(instance: Instance, endMin: number): void {
    let filled = 0;
    for (let unit = 0; unit < this.shifts[instance.shift].units; unit++) if (this.rng() >= this.vacancy) filled++;
    instance.filled = filled;
    if (filled > 0) this.onChange(filled);
    this.sim.at(endMin, PRECEDENCE.rosterChange, this.onEnd, instance);
  }

  private readonly onEnd = (instance: Instance): void => {
    if (instance.filled > 0) this.onChange(-instance.filled);
  };
}
