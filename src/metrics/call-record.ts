/**
 * What the simulation records about one call when it ends: a flat row, each field with its unit.
 * Metrics are pure functions of these rows (simmer's monitors, Ciw's data records); the response
 * system fills them in and never computes a metric itself.
 */
export interface CallRecord {
  /** Sequence number of the call in its replication. */
  readonly id: number;
  /** Category index into the scenario's categories. */
  readonly category: number;
  /** Priority the call arrived with (1 = most urgent); per-priority metrics use this one. */
  readonly arrivalPriority: number;
  /** Priority it was dispatched at last (raised by an escalation or by priority aging); equals arrivalPriority otherwise. */
  readonly priority: number;
  /** Zone index of the incident, or -1 without geography. */
  readonly zone: number;
  readonly behavioralHealth: boolean;
  readonly weapon: boolean;
  /** When the call was received, minutes since the start of the run. */
  readonly arrivalMin: number;
  /** When the call reached the hub's triage queue (after the dispatcher routed it there and the hand-off), minutes; NaN if it never did. */
  readonly hubArrivalMin: number;
  /** When a hub staff member began its triage, minutes; NaN if it was never triaged (not routed to the hub, or the caller hung up first). */
  readonly triageStartMin: number;
  /** When the call was ready for dispatch to a unit (received, or triage done), minutes; NaN if never. */
  readonly readyMin: number;
  /** When the first unit was assigned, minutes; NaN if none was. */
  readonly assignedMin: number;
  /** When the first unit arrived on scene, minutes; NaN if none did. */
  readonly onSceneMin: number;
  /** When the last unit working the call (backup included) was freed, minutes. */
  readonly endMin: number;
  /** Unit type index that served the call; -1 if no unit did (resolved by phone); for a cancelled call, the type of the unit sent and freed en route, or -1. */
  readonly servedBy: number;
  /** Disposition index; -1 when resolved by phone. */
  readonly disposition: number;
  /** The call's dispatch rule put an alternative to police first. */
  readonly eligible: boolean;
  /** The call was actually routed to that alternative (it passed the uptake draw). */
  readonly offeredAlternative: boolean;
  /** Routed to the alternative but served by police because it was busy or off duty (never an abandoned call). */
  readonly fellBack: boolean;
  readonly phoneResolved: boolean;
  /** The caller declined the alternative it was routed to; police went instead. */
  readonly declined: boolean;
  /** Index of the repeat caller who made the call, or -1. */
  readonly caller: number;
  /** The caller hung up before any unit was assigned (or before hub triage began): its own outcome, never answered. */
  readonly abandoned: boolean;
  /**
   * The call was cancelled (caller no longer needs police, gone on arrival, duplicate) before any
   * unit arrived (`cancellations`): its own outcome, never answered, never a fallback.
   */
  readonly cancelled: boolean;
  /** Units assigned to the incident: its own, the extra units of a multi-unit response and linked police (backup, hand-over, hold). */
  readonly unitsAssigned: number;
  /** The call waited long enough for an alternative that the escalation moved it to police (waiting.escalation). */
  readonly escalated: boolean;
  /** Served by a unit type whose crew is not police-only. */
  readonly servedByAlternative: boolean;
  readonly backupRequested: boolean;
  /** A civilian team found the call outside its scope (intake misclassification) and police took it over. */
  readonly handedOver: boolean;
  /** A sworn officer attended (the serving unit or a backup). */
  readonly officerAttended: boolean;
  /** Officer-minutes spent on the call by every unit (crew officers x busy minutes). */
  readonly officerMinutes: number;
  /** Observed response time of a replayed call in the city's export (received -> first unit arrived), minutes; NaN when none. */
  readonly observedResponseMin: number;
  /** Cost of the call's outcome (booking, ED visit, ...), currency units. */
  readonly outcomeCost: number;
}
