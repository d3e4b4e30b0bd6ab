/**
 * Purposes of a call's own random substreams. Each draw about a call comes from
 * `CallRandom.reset(call.seed, PURPOSE.x)`, so the same call gets the same travel, time on scene
 * and outcome draws in every response model (common random numbers), whatever order units serve
 * calls in. Values are part of the results: changing one changes every output.
 */
export const PURPOSE = {
  triage: 1,
  phone: 2,
  uptake: 3,
  travel: 4,
  onScene: 5,
  disposition: 6,
  hold: 7,
  backup: 8,
  /** Backup dispatches draw with a seed derived from their parent's and this purpose. */
  backupSeed: 9,
  /** How long the caller will wait for a unit before hanging up. */
  patience: 10,
  handoff: 11,
  decline: 12,
  intake: 13,
  handover: 14,
  rampUp: 15,
  breakOff: 16,
  /** Whether a repeat caller's potential call happens, given their connection to care. */
  repeatCall: 17,
  zone: 18,
  /** Call taking and dispatch processing time. */
  processing: 19,
  /** Whether a call is cancelled before a unit arrives, and when (`cancellations`). */
  cancellation: 20,
  /** Seeds of the extra units of a multi-unit response (`unitsPerCall`). */
  extraUnits: 21,
} as const;
