/**
 * Online accumulation of one replication's metrics from call records: counters and streaming
 * quantile sketches, so memory stays flat whatever the horizon. Only calls received inside the
 * measurement window count; unit time is integrated by the response system over the same window.
 */
import type { CallRecord } from "./call-record.js";
import { hourlyUtilizationName } from "./definitions.js";
import { QuantileSketch } from "./quantile-sketch.js";
import { ZoneRecorder } from "./zone-recorder.js";

/** Disposition indices the metrics give meaning to (see system/config DISPOSITION_NAMES). */
const ED_TRANSPORT = 3;
const INVOLUNTARY_HOLD = 4;
const ARREST = 5;

/** Unit time of one unit type over the window, as the response system integrated it. */
export interface UnitTime {
  name: string;
  costPerHour: number;
  /** Idle on-shift time goes to outreach for this unit type. */
  outreach: boolean;
  busyMinutes: number;
  staffedMinutes: number;
  /** By hour of day, 24 entries. */
  busyMinutesByHour: ArrayLike<number>;
  staffedMinutesByHour: ArrayLike<number>;
  /** By pool slot: zone index, then one slot for units with no zone; a single slot without geography. */
  busyMinutesBySlot: ArrayLike<number>;
  staffedMinutesBySlot: ArrayLike<number>;
}

/** The hub's staff time over the window, as the response system integrated it. */
export interface HubTime {
  /** Staff-minutes spent triaging. */
  busyMinutes: number;
  /** Staff-minutes on duty. */
  staffedMinutes: number;
  costPerHour: number;
}

/** One replication's metric values by name; null where the group was empty (e.g. no P1 calls). */
export type MetricValues = Map<string, number | null>;

export interface RecorderOptions {
  windowStartMin: number;
  windowEndMin: number;
  maxPriority: number;
  priority1TargetMin: number;
  /** Zone names (scenario geography); calls and units are also reported by zone. Empty or absent without geography. */
  zones?: readonly string[];
}

export class ReplicationRecorder {
  private calls = 0;
  private bhCalls = 0;
  private noArrestEdHold = 0;
  private answeredWithoutPolice = 0;
  private abandonedBH = 0;
  private arrests = 0;
  private edTransports = 0;
  private holds = 0;
  private eligible = 0;
  private eligibleAnsweredByAlternative = 0;
  private phoneResolved = 0;
  private fellBack = 0;
  private servedByAlternative = 0;
  private backups = 0;
  private priority1 = 0;
  private priority1WithinTarget = 0;
  private officerMinutesBH = 0;
  private abandoned = 0;
  private cancelled = 0;
  private cancelledBH = 0;
  /** Calls with at least one unit assigned, those with more than one, and their units. */
  private callsWithUnits = 0;
  private multiUnitCalls = 0;
  private unitsAssigned = 0;
  private repeatCalls = 0;
  private declined = 0;
  private handovers = 0;
  private escalated = 0;
  private outcomeCost = 0;
  private hubCalls = 0;
  private readonly hubWait = new QuantileSketch();
  private readonly queueWait = new QuantileSketch();
  private readonly response = new QuantileSketch();
  private readonly responseBH = new QuantileSketch();
  private readonly responseByPriority: QuantileSketch[];
  private readonly zones: ZoneRecorder | null;

  constructor(private readonly options: RecorderOptions) {
    this.responseByPriority = Array.from({ length: options.maxPriority + 1 }, () => new QuantileSketch());
    this.zones = options.zones !== undefined && options.zones.length > 0 ? new ZoneRecorder(options.zones) : null;
  }

  /** Adds one ended call. Calls received outside the window are ignored. */
  readonly record = (call: CallRecord): void => {
    if (call.arrivalMin < this.options.windowStartMin || call.arrivalMin >= this.options.windowEndMin) return;
    this.calls++;
    // A value going into several sketches has its bucket found once (`addInBucket`); a call
    // answered the moment it was assigned (no travel) waited as long as its response time.
    let wait = NaN;
    let waitBucket = 0;
    if (!Number.isNaN(call.assignedMin)) {
      wait = call.assignedMin - call.readyMin;
      waitBucket = this.queueWait.add(wait);
    }
    if (!Number.isNaN(call.onSceneMin)) {
      const response = call.onSceneMin - call.arrivalMin;
      const bucket = response === wait ? this.response.addInBucket(response, waitBucket) : this.response.add(response);
      // Per-priority figures use the priority the call arrived with, not one raised by escalation.
      this.responseByPriority[call.arrivalPriority].addInBucket(response, bucket);
      if (call.behavioralHealth) this.responseBH.addInBucket(response, bucket);
    }
    // A P1 call cancelled within the target has no response to judge; one cancelled later missed it.
    if (call.arrivalPriority === 1 && !(call.cancelled && call.endMin - call.arrivalMin <= this.options.priority1TargetMin)) {
      this.priority1++;
      if (call.onSceneMin - call.arrivalMin <= this.options.priority1TargetMin) this.priority1WithinTarget++;
    }
    // Calls with none of the facts below (every call of a plain queueing model) skip their
    // counting: kept out of line, it leaves this hot function small enough for V8 to inline the
    // sketches into it.
    if (call.behavioralHealth) this.recordBehavioralHealth(call);
    if (call.eligible) this.recordEligible(call);
    // A team sent to a call cancelled before it arrived did not serve it.
    if (call.servedByAlternative && !call.cancelled) this.recordServedByAlternative(call);
    if (call.abandoned) this.abandoned++;
    if (call.cancelled) this.cancelled++;
    if (call.unitsAssigned > 0) {
      this.callsWithUnits++;
      this.unitsAssigned += call.unitsAssigned;
      if (call.unitsAssigned > 1) this.multiUnitCalls++;
    }
    if (!Number.isNaN(call.hubArrivalMin)) this.recordHub(call);
    if (call.caller >= 0) this.repeatCalls++;
    this.outcomeCost += call.outcomeCost;
    if (this.zones !== null) this.zones.record(call);
  };

  private recordBehavioralHealth(call: CallRecord): void {
    const disposition = call.disposition;
    this.bhCalls++;
    if (disposition === ARREST) this.arrests++;
    else if (disposition === ED_TRANSPORT) this.edTransports++;
    else if (disposition === INVOLUNTARY_HOLD) this.holds++;
    // Answered = a unit on scene or resolved by phone; an abandoned or cancelled call never
    // was, so each is its own outcome, in neither count: without police + with police +
    // abandoned + cancelled = BH calls.
    if (call.abandoned) this.abandonedBH++;
    else if (call.cancelled) this.cancelledBH++;
    else {
      if (disposition !== ARREST && disposition !== ED_TRANSPORT && disposition !== INVOLUNTARY_HOLD) this.noArrestEdHold++;
      if (!call.officerAttended) this.answeredWithoutPolice++;
    }
    if (call.escalated) this.escalated++;
    this.officerMinutesBH += call.officerMinutes;
  }

  private recordEligible(call: CallRecord): void {
    this.eligible++;
    // Answered by the alternative: its team on scene, or the hub by phone.
    if (!call.abandoned && !call.cancelled && (call.servedByAlternative || call.phoneResolved)) this.eligibleAnsweredByAlternative++;
    if (call.phoneResolved) this.phoneResolved++;
    if (call.fellBack) this.fellBack++;
    if (call.declined) this.declined++;
  }

  private recordServedByAlternative(call: CallRecord): void {
    this.servedByAlternative++;
    if (call.backupRequested) this.backups++;
    if (call.handedOver) this.handovers++;
  }

  private recordHub(call: CallRecord): void {
    this.hubCalls++;
    if (!Number.isNaN(call.triageStartMin)) this.hubWait.add(call.triageStartMin - call.hubArrivalMin);
  }

  /**
   * The replication's metric values, named as in metrics/definitions. `hub` is the hub staff's
   * time over the window, or null when the model has no hub.
   */
  finish(
    unitTimes: readonly UnitTime[],
    hub: HubTime | null,
    counts: { repeatCallsAvoided?: number | null; followUps?: number | null; followUpsConnected?: number | null } = {},
  ): MetricValues {
    const values: MetricValues = new Map();
    const set = (name: string, value: number | null) => values.set(name, value);
    const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);
    const rateOrZero = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
    set("calls", this.calls);
    set("bhCalls", this.bhCalls);
    set("queueWaitMin.mean", this.queueWait.mean);
    set("queueWaitMin.p50", this.queueWait.quantile(0.5));
    set("queueWaitMin.p90", this.queueWait.quantile(0.9));
    set("responseMin.mean", this.response.mean);
    set("responseMin.p50", this.response.quantile(0.5));
    set("responseMin.p90", this.response.quantile(0.9));
    set("responseMin.mean.behavioralHealth", this.responseBH.mean);
    set("responseMin.p90.behavioralHealth", this.responseBH.quantile(0.9));
    set("priority1WithinTargetRate", rate(this.priority1WithinTarget, this.priority1));
    set("answeredWithoutPoliceRate", rate(this.answeredWithoutPolice, this.bhCalls));
    set("answeredWithoutPoliceCalls", this.answeredWithoutPolice);
    set("noArrestEdHoldRate", rate(this.noArrestEdHold, this.bhCalls));
    set("noArrestEdHoldCalls", this.noArrestEdHold);
    set("arrests", this.arrests);
    set("arrestRate", rate(this.arrests, this.bhCalls));
    set("edRate", rate(this.edTransports, this.bhCalls));
    set("holdRate", rate(this.holds, this.bhCalls));
    set("eligibleCalls", this.eligible);
    set("alternativeShare", rateOrZero(this.eligibleAnsweredByAlternative, this.eligible));
    set("phoneResolvedRate", rateOrZero(this.phoneResolved, this.eligible));
    set("fallbackRate", rateOrZero(this.fellBack, this.eligible));
    set("backupRate", rate(this.backups, this.servedByAlternative));
    set("handoverRate", rate(this.handovers, this.servedByAlternative));
    set("abandonedRate", rate(this.abandoned, this.calls));
    set("abandonedRate.behavioralHealth", rate(this.abandonedBH, this.bhCalls));
    set("cancelledCalls", this.cancelled);
    set("cancelledRate", rate(this.cancelled, this.calls));
    set("cancelledRate.behavioralHealth", rate(this.cancelledBH, this.bhCalls));
    set("unitsPerCall.mean", rate(this.unitsAssigned, this.callsWithUnits));
    set("multiUnitRate", rate(this.multiUnitCalls, this.callsWithUnits));
    set("repeatCalls", this.repeatCalls);
    set("repeatCallsAvoided", counts.repeatCallsAvoided ?? null);
    set("followUps", counts.followUps ?? null);
    set("followUpsConnected", counts.followUpsConnected ?? null);
    set("declineRate", rateOrZero(this.declined, this.eligible));
    set("escalationRate", rate(this.escalated, this.bhCalls));
    set("officerHoursBH", this.officerMinutesBH / 60);
    set("hubCalls", this.hubCalls);
    set("hubWaitMin.mean", this.hubWait.mean);
    set("hubWaitMin.p90", this.hubWait.quantile(0.9));
    set("hubUtilization", hub === null ? null : rate(hub.busyMinutes, hub.staffedMinutes));
    set("hubStaffHours", hub === null ? 0 : hub.staffedMinutes / 60);
    const hubStaffing = hub === null ? 0 : (hub.staffedMinutes / 60) * hub.costPerHour;
    const staffing = unitTimes.reduce((sum, t) => sum + (t.staffedMinutes / 60) * t.costPerHour, hubStaffing);
    const total = staffing + this.outcomeCost;
    set("cost.staffing", staffing);
    set("cost.outcomes", this.outcomeCost);
    set("cost.total", total);
    set("cost.perCall", rate(total, this.calls));
    set("cost.perBHCall", rate(total, this.bhCalls));
    for (let p = 1; p <= this.options.maxPriority; p++) {
      set(`responseMin.mean.priority${p}`, this.responseByPriority[p].mean);
      set(`responseMin.p90.priority${p}`, this.responseByPriority[p].quantile(0.9));
    }
    for (const t of unitTimes) set(`utilization.${t.name}`, rate(t.busyMinutes, t.staffedMinutes));
    // Call time and outreach time apart: the rest of an outreach team's paid time is outreach.
    for (const t of unitTimes) set(`outreachHours.${t.name}`, t.outreach ? (t.staffedMinutes - t.busyMinutes) / 60 : null);
    for (const t of unitTimes) {
      for (let h = 0; h < 24; h++) set(hourlyUtilizationName(t.name, h), rate(t.busyMinutesByHour[h], t.staffedMinutesByHour[h]));
    }
    this.zones?.finish(set, unitTimes);
    return values;
  }
}
