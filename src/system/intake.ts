/**
 * What the call-taker records: the call's zone (drawn from the zone shares when the source did
 * not give one) and its coded category and behavioral-health flag. Dispatch rules see the coded
 * call; service follows the true need. And how long call taking and dispatch processing take
 * before the dispatcher routes the call.
 */
import type { CallRandom } from "../random/call-random.js";
import type { Call } from "./call.js";
import type { ScenarioConfig } from "./config.js";
import { PURPOSE } from "./purposes.js";

/** Call taking and dispatch processing time of a call, minutes (0 when the scenario has none). */
export function processingMin(call: Call, scenario: ScenarioConfig, random: CallRandom): number {
  const processing = scenario.callProcessingMin;
  if (processing === null) return 0;
  const distribution = processing.byPriority[call.arrivalPriority] ?? processing.default;
  if (distribution === null) return 0;
  random.reset(call.seed, PURPOSE.processing);
  return distribution.sample(random.next);
}

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
