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
