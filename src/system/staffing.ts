/**
 * Puts a model's units on and off duty: each staffed unit type's shifts, one instance (a block on
 * a given day) at a time, with any vacancies drawn per unit-shift (see vacant-shifts.ts). Capacity
 * changes go to the unit pools; new capacity serves waiting calls.
 */
import type { Simulation } from "../engine/simulation.js";
import type { Rng } from "../random/rng.js";
import type { ResponseModelConfig } from "./config.js";
import type { UnitPool } from "./unit-pool.js";
import { ShiftStaffing } from "./vacant-shifts.js";

export interface StaffingOptions {
  simulation: Simulation;
  model: ResponseModelConfig;
  pools: readonly UnitPool[];
  /** Hands newly available units waiting calls. */
  serveQueue: (pool: UnitPool) => void;
  /** Whether rosters should keep changing (the run is not over). */
  keepGoing: () => boolean;
  /** The stream a unit type's vacancies are seeded from (one draw, at the start). */
  staffingStream: (unitType: string) => Rng;
}

/** Starts every staffed unit type's roster at the current time. */
export function startStaffing(options: StaffingOptions): void {
  const { simulation: sim, model, pools, serveQueue, keepGoing } = options;
  model.staffingBySlot.forEach((groups, index) => {
    if (groups === null) return;
    const pool = pools[index];
    const vacancy = model.vacancy[index];
    for (const { slot, shifts } of groups) {
      // One draw seeds every vacancy of the slot: the draws themselves are keyed by block, day and
      // unit, so they stay the same whatever the roster.
      const seed = vacancy > 0 ? Math.floor(options.staffingStream(slot === 0 ? pool.type.name : `${pool.type.name}@${slot}`)() * 2 ** 32) : 0;
      const onChange = (units: number) => {
        pool.setTarget(units, sim.now, slot);
        serveQueue(pool);
      };
      const staffing = new ShiftStaffing(sim, shifts, vacancy, seed, onChange, keepGoing);
      pool.setTarget(staffing.start(), sim.now, slot);
    }
  });
}
