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
  const scheduleChange = (index: number, roster: Roster) => {
    const next = roster.nextChangeAfter(sim.now);
    if (next !== Infinity) sim.at(next, PRECEDENCE.rosterChange, onRosterChange, index);
  };
  const onRosterChange = (index: number) => {
    const roster = model.rosters[index]!;
    pools[index].setTarget(roster.unitsAt(sim.now), sim.now);
    serveQueue(pools[index]);
    if (keepGoing()) scheduleChange(index, roster);
  };
  model.rosters.forEach((roster, index) => {
    if (roster === null) return;
    const pool = pools[index];
    const vacancy = model.vacancy[index];
    if (vacancy > 0) {
      const onChange = (delta: number) => {
        pool.setTarget(pool.targetCount + delta, sim.now);
        if (delta > 0) serveQueue(pool);
      };
      new VacantShifts(sim, model.shifts[index]!, vacancy, options.staffingStream(pool.type.name), onChange, keepGoing).start();
      return;
    }
    pool.setTarget(roster.unitsAt(sim.now), sim.now);
    scheduleChange(index, roster);
  });
}
