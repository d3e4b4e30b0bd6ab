/**
 * Puts a model's units on and off duty: each staffed unit type follows its weekly roster, or,
 * when the model sets a vacancy rate for it, its shifts one instance at a time with vacancies
 * drawn per shift. Capacity changes go to the unit pools; new capacity serves waiting calls.
 */
import type { Simulation } from "../engine/simulation.js";
import type { Rng } from "../random/rng.js";
import type { ResponseModelConfig } from "./config.js";
import { PRECEDENCE } from "./precedence.js";
import type { Roster } from "./roster.js";
import type { UnitPool } from "./unit-pool.js";
import { VacantShifts } from "./vacant-shifts.js";

export interface StaffingOptions {
  simulation: Simulation;
  model: ResponseModelConfig;
  pools: readonly UnitPool[];
  /** Hands newly available units waiting calls. */
  serveQueue: (pool: UnitPool) => void;
  /** Whether rosters should keep changing (the run is not over). */
  keepGoing: () => boolean;
  /** The stream a unit type's vacancies are drawn from. */
  staffingStream: (unitType: string) => Rng;
}

/** Starts every staffed unit type's roster at the current time. */
export function startStaffing(options: StaffingOptions): void {
  const { simulation: sim, model, pools, serveQueue, keepGoing } = options;
  const scheduleChange = (index: number, slot: number, roster: Roster) => {
    const next = roster.nextChangeAfter(sim.now);
    if (next !== Infinity) sim.at(next, PRECEDENCE.rosterChange, onRosterChange, { index, slot, roster });
  };
  const onRosterChange = ({ index, slot, roster }: { index: number; slot: number; roster: Roster }) => {
    pools[index].setTarget(roster.unitsAt(sim.now), sim.now, slot);
    serveQueue(pools[index]);
    if (keepGoing()) scheduleChange(index, slot, roster);
  };
  model.staffingBySlot.forEach((groups, index) => {
    if (groups === null) return;
    const pool = pools[index];
    const vacancy = model.vacancy[index];
    for (const { slot, roster, shifts } of groups) {
      if (vacancy > 0) {
        const onChange = (delta: number) => {
          pool.setTarget(pool.slotTarget(slot) + delta, sim.now, slot);
          if (delta > 0) serveQueue(pool);
        };
        const stream = options.staffingStream(slot === 0 ? pool.type.name : `${pool.type.name}@${slot}`);
        new VacantShifts(sim, shifts, vacancy, stream, onChange, keepGoing).start();
        continue;
      }
      pool.setTarget(roster.unitsAt(sim.now), sim.now, slot);
      scheduleChange(index, slot, roster);
    }
  });
}
