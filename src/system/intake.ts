/**
 * What the call-taker records: the call's zone (drawn from the zone shares when the source did
 * not give one) and its coded category and behavioral-health flag. Dispatch rules see the coded
 * call; service follows the true need.
 */
import type { CallRandom } from "../random/call-random.js";
import type { Call } from "./call.js";
import type { ScenarioConfig } from "./config.js";
import { PURPOSE } from "./purposes.js";

/** Sets the call's zone and coding from its own substreams. */
export function takeCall(call: Call, scenario: ScenarioConfig, random: CallRandom): void {
  const { geography, intake } = scenario;
  if (geography !== null && call.zone < 0) {
    random.reset(call.seed, PURPOSE.zone);
    call.zone = geography.zone.sample(random.next);
  }
  if (intake !== null) {
    random.reset(call.seed, PURPOSE.intake);
    call.codedCategory = intake.codedAs[call.category].sample(random.next);
    if (call.behavioralHealth && random.next() < intake.behavioralHealthFlagMissed) call.codedBehavioralHealth = false;
  }
}
