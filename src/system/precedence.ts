/**
 * Same-time precedence of the response system's events (simmer's PRIORITY_* family). Lower runs
 * first among events at the same simulated minute; equal ranks keep scheduling order.
 */
export const PRECEDENCE = {
  /** Rosters change first, so a unit going off duty at t is not handed a call at t. */
  rosterChange: 0,
  /** Then units are freed, so a unit freed at t can take a call that arrives at t. */
  unitFree: 1,
  /** Units reaching the scene: starts service, which holds the unit; order among them is free. */
  onScene: 2,
  /** A wait for a preferred unit type ends after units freed at t have had their chance; so do a
   * caller's patience and a waiting call's escalation. */
  fallback: 3,
  /** Call processing, a hand-off and hub triage end before new arrivals, so older calls are routed first. */
  triageDone: 4,
  /** New calls last. */
  arrival: 5,
} as const;

/**
 * The rank of a unit's free event. Units freed at the same minute are freed in a fixed order (by
 * type, then unit), not in the order their free times were scheduled: a free time may be scheduled
 * at assignment or at the unit's arrival (see ResponseSystem.settleScene), and which unit is free
 * first decides which takes the next waiting call. Stays below `onScene`.
 */
export function unitFreeRank(typeIndex: number, unitId: number): number {
  // Exact in a double for fewer than 2^12 types of 2^20 units; beyond that only the tie order is lost.
  return PRECEDENCE.unitFree + Math.min(typeIndex * 2 ** 20 + unitId, 2 ** 32 - 1) / 2 ** 32;
}
