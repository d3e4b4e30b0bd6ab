/**
 * Follow-up visits, the other half of proactive outreach: every hour, idle on-shift outreach
 * teams make follow-up visits to frequent callers (a Poisson number, at the unit type's rate per
 * idle team-hour), and some visits connect the person to care, which lowers their calls.
 */
import type { Simulation } from "../engine/simulation.js";
import type { Rng } from "../random/rng.js";
import type { CareConnections } from "./care-connections.js";
import { PRECEDENCE } from "./precedence.js";
import type { UnitPool } from "./unit-pool.js";

const HOUR_MIN = 60;

/** Starts hourly follow-up rounds for every pool whose unit type makes follow-ups. */
export function startFollowUps(sim: Simulation, pools: readonly UnitPool[], care: CareConnections, rng: Rng, keepGoing: () => boolean): void {
  const visiting = pools.filter((pool) => (pool.type.outreach?.followUpsPerHour ?? 0) > 0);
  if (visiting.length === 0) return;
  const round = () => {
    for (const pool of visiting) {
      const { followUpsPerHour, followUpConnects } = pool.type.outreach!;
      care.followUp(poisson(followUpsPerHour * pool.idleCount, rng), followUpConnects, sim.now, rng);
    }
    if (keepGoing()) sim.after(HOUR_MIN, PRECEDENCE.rosterChange, round, null);
  };
  sim.at(HOUR_MIN, PRECEDENCE.rosterChange, round, null);
}

/** A Poisson draw by inversion (Knuth); means here are a few visits an hour. */
function poisson(mean: number, rng: Rng): number {
  if (mean <= 0) return 0;
  const limit = Math.exp(-mean);
  let count = 0;
  for (let product = rng(); product > limit; product *= rng()) count++;
  return count;
}
