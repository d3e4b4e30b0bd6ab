/**
 * A call moving through the response system. One object per incoming call, plus one per linked
 * backup dispatch (which points at its parent). Every field is set in the constructor so all calls
 * share one hidden class: the hot loop stays monomorphic.
 */
import type { CallRecord } from "../metrics/call-record.js";
import type { DispatchRule } from "./config.js";
import type { CallArrival } from "../streams/call-source.js";
import type { Unit } from "./unit-pool.js";

/** Why a unit is sent: the call itself, or a dispatch linked to it. */
export const CALL_ROLE = {
  /** The incoming call. */
  primary: 0,
  /** Police backup requested by an alternative team: on scene only. */
  backup: 1,
  /** Police taking over a call a civilian team found outside its scope: on scene, disposition, hold. */
  handover: 2,
  /** Police placing an involuntary hold the serving crew may not place: on scene and the hold. */
  hold: 3,
  /** A further unit of a multi-unit response (`unitsPerCall`), sent with the first: on scene only. */
  extra: 4,
} as const;

export class Call implements CallRecord {
  /**
   * The call's yes/no facts packed in one integer (a call object is made for every call, so a
   * smaller object is a faster hot loop); read and set through the accessors below. Whether the
   * waiting timers are set is among them.
   */
  private flags = 0;
  /** What only some calls have (hub times, a replay's observations); null for the rest. */
  private facts: CallFacts | null = null;
  readyMin = NaN;
  assignedMin = NaN;
  onSceneMin = NaN;
  endMin = NaN;
  servedBy = -1;
  disposition = -1;
  /** Index of the repeat caller who made the call, or -1. */
  caller = -1;
  /** Zone index of the call, or -1 without geography. */
  zone = -1;
  officerMinutes = 0;
  outcomeCost = 0;
  /** The dispatch rule that matched (for a backup dispatch, the requesting unit type's backup rule). */
  rule: DispatchRule | null = null;
  /** Position in the rule's send list the call is at. */
  step = 0;
  /** Position it entered the send list at: 0, or later when the dispatcher or caller skipped the first choice, or an escalation moved it. */
  entryStep = 0;
  /** Id of the waiting line (see waiting-lines.ts) that holds the call, or -1 when it is not waiting. */
  waitingAt = -1;
  /** Counts the call's entries into waiting lines; only its latest entry is live (see call-queue.ts). */
  ticket = 0;
  /** Units (and linked dispatches) still working this incident; the call ends when it reaches 0. */
  openTasks = 0;
  /** For a backup dispatch: the call it supports. */
  parent: Call | null = null;
  /**
   * Units the call gets in all (`unitsPerCall`), set when it is routed; before that, a replayed
   * call's observed count n is held as -(n + 1), and 0 means none was observed.
   */
  unitsWanted = 0;
  /** Units assigned to the incident: its own, the extra units of a multi-unit response and any linked police (backup, hand-over, hold). */
  unitsAssigned = 0;
  /** The unit assigned to this dispatch while it travels or works; null otherwise. */
  unit: Unit | null = null;
  /** The next extra-unit dispatch of a multi-unit response, chained from the incoming call (for cancellation). */
  nextLinked: Call | null = null;
  /** Counts the call's placements in waiting lines by the life cycle (not a re-sort by priority): a fallback timer is live only for its own. */
  placement = 0;

  constructor(
    readonly id: number,
    readonly arrivalMin: number,
    readonly category: number,
    public priority: number,
    readonly behavioralHealth: boolean,
    readonly weapon: boolean,
    /** 32-bit seed of the call's own random substreams (common random numbers across models). */
    seed: number,
  ) {
    this.seedBits = seed | 0;
    this.arrivalPriority = priority;
    this.codedCategory = category;
    this.codedBehavioralHealth = behavioralHealth;
  }

  /**
   * The seed's 32 bits as a signed integer: V8 keeps a field that always holds a small integer in
   * the object itself, but boxes a number past 2^31 (half of all seeds) in a heap object of its own.
   */
  private readonly seedBits: number;
  /** 32-bit seed of the call's own random substreams (common random numbers across models), 0 .. 2^32 - 1. */
  get seed(): number {
    return this.seedBits >>> 0;
  }

  /** The priority the call arrived with; `priority` is the one it is dispatched at (an escalation raises it). */
  readonly arrivalPriority: number;
  /** What dispatch rules see: the category and flag as coded at intake (the true ones unless misclassified). */
  codedCategory: number;
  codedBehavioralHealth: boolean;
  /** What this dispatch is for (see CALL_ROLE). */
  role: number = CALL_ROLE.primary;

  /** When the call reached the hub, minutes; NaN if it never did. */
  get hubArrivalMin(): number {
    return this.facts === null ? NaN : this.facts.hubArrivalMin;
  }
  set hubArrivalMin(value: number) {
    this.ownFacts().hubArrivalMin = value;
  }
  /** When hub triage started, minutes; NaN if it never did. */
  get triageStartMin(): number {
    return this.facts === null ? NaN : this.facts.triageStartMin;
  }
  set triageStartMin(value: number) {
    this.ownFacts().triageStartMin = value;
  }
  /** Observed time on scene from a replayed export, minutes; NaN when not replaying observed times. */
  get observedOnSceneMin(): number {
    return this.facts === null ? NaN : this.facts.observedOnSceneMin;
  }
  set observedOnSceneMin(value: number) {
    this.ownFacts().observedOnSceneMin = value;
  }
  /** Observed response time of a replayed call (received -> first unit arrived), minutes; NaN when none. */
  get observedResponseMin(): number {
    return this.facts === null ? NaN : this.facts.observedResponseMin;
  }
  set observedResponseMin(value: number) {
    this.ownFacts().observedResponseMin = value;
  }
  /**
   * A replayed call's observed outcome, in one number: NaN unknown (drawn), -1 not cancelled,
   * Infinity cancelled at a time not observed, else cancelled this many minutes after received.
   */
  get replayCancelMin(): number {
    return this.facts === null ? NaN : this.facts.replayCancelMin;
  }
  set replayCancelMin(value: number) {
    this.ownFacts().replayCancelMin = value;
  }
  private ownFacts(): CallFacts {
    return (this.facts ??= new CallFacts());
  }

  get eligible(): boolean {
    return (this.flags & 1) !== 0;
  }
  set eligible(value: boolean) {
    this.flags = value ? this.flags | 1 : this.flags & ~1;
  }
  get offeredAlternative(): boolean {
    return (this.flags & 2) !== 0;
  }
  set offeredAlternative(value: boolean) {
    this.flags = value ? this.flags | 2 : this.flags & ~2;
  }
  get fellBack(): boolean {
    return (this.flags & 4) !== 0;
  }
  set fellBack(value: boolean) {
    this.flags = value ? this.flags | 4 : this.flags & ~4;
  }
  get phoneResolved(): boolean {
    return (this.flags & 8) !== 0;
  }
  set phoneResolved(value: boolean) {
    this.flags = value ? this.flags | 8 : this.flags & ~8;
  }
  get abandoned(): boolean {
    return (this.flags & 16) !== 0;
  }
  set abandoned(value: boolean) {
    this.flags = value ? this.flags | 16 : this.flags & ~16;
  }
  get declined(): boolean {
    return (this.flags & 32) !== 0;
  }
  set declined(value: boolean) {
    this.flags = value ? this.flags | 32 : this.flags & ~32;
  }
  get handedOver(): boolean {
    return (this.flags & 64) !== 0;
  }
  set handedOver(value: boolean) {
    this.flags = value ? this.flags | 64 : this.flags & ~64;
  }
  get escalated(): boolean {
    return (this.flags & 128) !== 0;
  }
  set escalated(value: boolean) {
    this.flags = value ? this.flags | 128 : this.flags & ~128;
  }
  /** The caller's patience timer is set (once, the first time the call waits: for triage or a unit). */
  get patienceSet(): boolean {
    return (this.flags & 256) !== 0;
  }
  set patienceSet(value: boolean) {
    this.flags = value ? this.flags | 256 : this.flags & ~256;
  }
  /** The caller's patience ran out while the call was not waiting (in triage, or being handed off): they hang up when it next has to wait. */
  get patienceRanOut(): boolean {
    return (this.flags & 8192) !== 0;
  }
  set patienceRanOut(value: boolean) {
    this.flags = value ? this.flags | 8192 : this.flags & ~8192;
  }
  /** The call was cancelled before a unit arrived (`cancellations`): its own outcome, never answered. */
  get cancelled(): boolean {
    return (this.flags & 16384) !== 0;
  }
  set cancelled(value: boolean) {
    this.flags = value ? this.flags | 16384 : this.flags & ~16384;
  }
  /** The aging timer is set (once, the first time the call waits for a unit). */
  get agingSet(): boolean {
    return (this.flags & 32768) !== 0;
  }
  set agingSet(value: boolean) {
    this.flags = value ? this.flags | 32768 : this.flags & ~32768;
  }
  /** The escalation timer is set (once, the first time the call waits for a unit). */
  get escalationSet(): boolean {
    return (this.flags & 4096) !== 0;
  }
  set escalationSet(value: boolean) {
    this.flags = value ? this.flags | 4096 : this.flags & ~4096;
  }
  get servedByAlternative(): boolean {
    return (this.flags & 512) !== 0;
  }
  set servedByAlternative(value: boolean) {
    this.flags = value ? this.flags | 512 : this.flags & ~512;
  }
  get backupRequested(): boolean {
    return (this.flags & 1024) !== 0;
  }
  set backupRequested(value: boolean) {
    this.flags = value ? this.flags | 1024 : this.flags & ~1024;
  }
  get officerAttended(): boolean {
    return (this.flags & 2048) !== 0;
  }
  set officerAttended(value: boolean) {
    this.flags = value ? this.flags | 2048 : this.flags & ~2048;
  }

  /** An incoming call as a source produced it. */
  static fromArrival(id: number, arrival: CallArrival): Call {
    const call = new Call(id, arrival.timeMin, arrival.category, arrival.priority, arrival.behavioralHealth, arrival.weapon, arrival.seed);
    call.zone = arrival.zone ?? -1;
    call.caller = arrival.caller ?? -1;
    // Most calls observed nothing: they get no facts object.
    const onSceneMin = arrival.observedOnSceneMin ?? NaN;
    if (!Number.isNaN(onSceneMin)) call.observedOnSceneMin = onSceneMin;
    const responseMin = arrival.observedResponseMin ?? NaN;
    if (!Number.isNaN(responseMin)) call.observedResponseMin = responseMin;
    const cancelled = arrival.cancelled ?? null;
    if (cancelled !== null) call.replayCancelMin = !cancelled ? -1 : (arrival.cancelledAfterMin ?? NaN) >= 0 ? arrival.cancelledAfterMin! : Infinity;
    const units = arrival.units ?? NaN;
    if (units >= 0) call.unitsWanted = -(units + 1);
    return call;
  }

  /** The incident this call belongs to: itself, or the parent of a linked dispatch. */
  get root(): Call {
    return this.parent ?? this;
  }

  /**
   * A dispatch linked to this incident (police backup, a hand-over, a hold), ready now. Linked work
   * is open from the request on, so the incident cannot end before it is done.
   */
  linkedDispatch(id: number, nowMin: number, role: number, priority: number, seed: number, rule: DispatchRule): Call {
    const linked = new Call(id, nowMin, this.category, priority, this.behavioralHealth, this.weapon, seed);
    linked.parent = this;
    linked.role = role;
    // Police go to where the incident is.
    linked.zone = this.zone;
    linked.rule = rule;
    linked.readyMin = nowMin;
    if (role === CALL_ROLE.backup) this.backupRequested = true;
    if (role === CALL_ROLE.handover) this.handedOver = true;
    this.openTasks++;
    return linked;
  }

  /** Where the call is, for error messages. */
  describe(): string {
    const kind = this.parent ? `backup for call ${this.parent.id}` : `call ${this.id}`;
    return `${kind} (category ${this.category}, priority ${this.priority}, received at ${this.arrivalMin.toFixed(2)} min)`;
  }
}

/**
 * The times and observations only some calls have, kept apart from Call: every number field of
 * an object is a heap box of its own, and a call object is made for every call.
 */
class CallFacts {
  hubArrivalMin = NaN;
  triageStartMin = NaN;
  observedOnSceneMin = NaN;
  observedResponseMin = NaN;
  replayCancelMin = NaN;
}
