/**
 * How long a unit takes from assignment to the scene: its type's travel time, scaled to the zone
 * table's mean when the unit is based in a zone, plus the time to break off outreach. Drawn from
 * the call's own substreams, so the same call travels alike in every model.
 */
import type { CallRandom } from "../random/call-random.js";
import type { Call } from "./call.js";
import type { GeographyConfig, UnitTypeConfig } from "./config.js";
import { PURPOSE } from "./purposes.js";

/** Minutes from assignment to the scene; 0 when nothing delays the unit. */
export function travelDelay(type: UnitTypeConfig, slot: number, call: Call, geography: GeographyConfig | null, random: CallRandom): number {
  const { travelMin, outreach } = type;
  let delay = 0;
  if (travelMin !== null) {
    random.reset(call.seed, PURPOSE.travel);
    delay = travelMin.sample(random.next);
  }
  if (geography !== null && slot < geography.zones.length) {
    // The zone table gives the mean; the unit type's distribution, if any, the spread around it.
    const mean = geography.travelMin[slot][call.zone];
    delay = travelMin === null ? mean : travelMin.mean > 0 ? (delay * mean) / travelMin.mean : mean;
  }
  if (outreach !== null) {
    // The team was out on outreach or a follow-up visit: it breaks off first.
    random.reset(call.seed, PURPOSE.breakOff);
    delay += outreach.breakOffMin.sample(random.next);
  }
  return delay;
}
