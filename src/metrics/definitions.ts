/**
 * Every metric resim reports, defined once: its name (units in the name), what it measures and
 * its denominator. Reports, CSV files and the README read their descriptions from here.
 */

/** One reported metric. */
export interface MetricDefinition {
  name: string;
  unit: "calls" | "minutes" | "share" | "hours" | "currency";
  description: string;
}

const fixed: MetricDefinition[] = [
  { name: "calls", unit: "calls", description: "calls received in the measured period (after warm-up)" },
  { name: "bhCalls", unit: "calls", description: "calls received in the measured period with a behavioral-health (BH) need" },
  { name: "queueWaitMin.mean", unit: "minutes", description: "mean wait from ready for dispatch (received, or triaged by the hub) to a unit assigned, over calls a unit was assigned to" },
  { name: "queueWaitMin.p50", unit: "minutes", description: "median of that wait" },
  { name: "queueWaitMin.p90", unit: "minutes", description: "90th percentile of that wait" },
  { name: "responseMin.mean", unit: "minutes", description: "mean time from call received to the first unit on scene, over calls a unit reached" },
  { name: "responseMin.p50", unit: "minutes", description: "median response time" },
  { name: "responseMin.p90", unit: "minutes", description: "90th percentile of response time" },
  { name: "responseMin.mean.behavioralHealth", unit: "minutes", description: "mean response time of behavioral-health calls a unit reached" },
  { name: "responseMin.p90.behavioralHealth", unit: "minutes", description: "90th percentile response time of behavioral-health calls a unit reached" },
  { name: "priority1WithinTargetRate", unit: "share", description: "share of calls that arrived as priority 1 that had a unit on scene within the scenario's target (an abandoned one counts as missed; one cancelled within the target is left out, one cancelled later counts as missed)" },
  { name: "answeredWithoutPoliceRate", unit: "share", description: "share of all BH calls received that were answered (a unit on scene or resolved by phone; never an abandoned call) and that no sworn officer attended, backup included" },
  { name: "answeredWithoutPoliceCalls", unit: "calls", description: "BH calls answered (a unit on scene or resolved by phone, not abandoned) that no sworn officer attended, backup included" },
  { name: "noArrestEdHoldRate", unit: "share", description: "share of all BH calls received that were answered (a unit on scene or resolved by phone; never an abandoned call) and ended without arrest, ED transport or involuntary hold" },
  { name: "noArrestEdHoldCalls", unit: "calls", description: "BH calls answered (a unit on scene or resolved by phone, not abandoned) that ended without arrest, ED transport or involuntary hold" },
  { name: "arrests", unit: "calls", description: "BH calls that ended in arrest" },
  { name: "arrestRate", unit: "share", description: "share of all BH calls received that ended in arrest" },
  { name: "edRate", unit: "share", description: "share of all BH calls received that ended in ED transport" },
  { name: "holdRate", unit: "share", description: "share of all BH calls received that ended in an involuntary hold" },
  { name: "eligibleCalls", unit: "calls", description: "calls whose dispatch rule puts an alternative to police first" },
  { name: "alternativeShare", unit: "share", description: "share of eligible calls that the alternative answered, by its team on scene or by the hub by phone (0 when no call is eligible)" },
  { name: "phoneResolvedRate", unit: "share", description: "share of eligible calls that the hub resolved by phone, the phone part of alternativeShare (0 when no call is eligible)" },
  { name: "fallbackRate", unit: "share", description: "share of eligible calls routed to the alternative but served by police because it was busy or off duty; an abandoned call is never a fallback (0 when no call is eligible)" },
  { name: "backupRate", unit: "share", description: "share of calls served by an alternative unit that requested police backup" },
  { name: "handoverRate", unit: "share", description: "share of calls served by an alternative unit that it found outside its scope and handed to police (intake misclassification)" },
  { name: "declineRate", unit: "share", description: "share of eligible calls whose caller declined the alternative (unit type's declineShare), so police went (0 when no call is eligible)" },
  { name: "abandonedRate", unit: "share", description: "share of all calls received whose caller hung up before a unit was assigned or hub triage began (scenario's waiting.abandonment)" },
  { name: "abandonedRate.behavioralHealth", unit: "share", description: "share of all BH calls received whose caller hung up before a unit was assigned or hub triage began" },
  { name: "cancelledCalls", unit: "calls", description: "calls cancelled before any unit arrived (scenario's cancellations, or a replayed call's observed outcome)" },
  { name: "cancelledRate", unit: "share", description: "share of all calls received that were cancelled before any unit arrived" },
  { name: "cancelledRate.behavioralHealth", unit: "share", description: "share of all BH calls received that were cancelled before any unit arrived" },
  { name: "unitsPerCall.mean", unit: "calls", description: "mean number of units assigned to a call (its own, extra units of a multi-unit response, linked police), over calls at least one unit was assigned to" },
  { name: "multiUnitRate", unit: "share", description: "share of calls with a unit assigned that had more than one unit assigned (multi-unit responses and linked police)" },
  { name: "escalationRate", unit: "share", description: "share of all BH calls received that waited so long for an alternative that the escalation moved them to police (waiting.escalation)" },
  { name: "hubCalls", unit: "calls", description: "calls that reached the hub's triage queue (0 without a hub)" },
  { name: "hubWaitMin.mean", unit: "minutes", description: "mean wait from reaching the hub's triage queue to a hub staff member starting triage, over calls the hub triaged" },
  { name: "hubWaitMin.p90", unit: "minutes", description: "90th percentile of that wait" },
  { name: "hubUtilization", unit: "share", description: "share of hub staff-minutes on duty in the measured period spent triaging" },
  { name: "hubStaffHours", unit: "hours", description: "hub staff-hours on duty in the measured period (0 without a hub)" },
  { name: "repeatCalls", unit: "calls", description: "calls made by the scenario's frequent callers (repeatCallers)" },
  { name: "repeatCallsAvoided", unit: "calls", description: "frequent callers' calls not made because they had been connected to care (null without repeatCallers)" },
  { name: "followUps", unit: "calls", description: "follow-up visits to frequent callers made by idle outreach teams (null without repeatCallers)" },
  { name: "followUpsConnected", unit: "calls", description: "follow-up visits that connected the person to care" },
  { name: "officerHoursBH", unit: "hours", description: "officer-hours spent on behavioral-health calls (crew officers x unit busy time, backup included)" },
  { name: "cost.staffing", unit: "currency", description: "paid unit-hours and hub staff-hours (on duty, busy or not, overtime to finish calls included) x cost per hour, over the measured period" },
  { name: "cost.outcomes", unit: "currency", description: "cost of outcomes (bookings, ED visits, holds, transports) of measured calls" },
  { name: "cost.total", unit: "currency", description: "staffing plus outcomes" },
  { name: "cost.perCall", unit: "currency", description: "total cost divided by calls received" },
  { name: "cost.perBHCall", unit: "currency", description: "total cost divided by behavioral-health calls received" },
];

/** What the metric list depends on; a ScenarioConfig has it all. */
export interface MetricScope {
  unitTypes: readonly { name: string }[];
  maxPriority: number;
  /** Null without zones. */
  geography: { zones: readonly string[] } | null;
}

/**
 * The metrics of a scenario, in report order: the fixed ones, then response by priority, then
 * utilization by unit type, then (with geography) every zone's figures.
 */
export function metricDefinitions(scope: MetricScope): MetricDefinition[] {
  const unitTypeNames = scope.unitTypes.map((t) => t.name);
  const byPriority: MetricDefinition[] = [];
  for (let p = 1; p <= scope.maxPriority; p++) {
    byPriority.push(
      { name: `responseMin.mean.priority${p}`, unit: "minutes", description: `mean response time of calls that arrived as priority ${p}, over those a unit reached` },
      { name: `responseMin.p90.priority${p}`, unit: "minutes", description: `90th percentile response time of calls that arrived as priority ${p}, over those a unit reached` },
    );
  }
  const byType = unitTypeNames.map(
    (name): MetricDefinition => ({
      name: `utilization.${name}`,
      unit: "share",
      description: `busy share of on-duty ${name} unit time`,
    }),
  );
  const outreach = unitTypeNames.map(
    (name): MetricDefinition => ({
      name: `outreachHours.${name}`,
      unit: "hours",
      description: `on-duty ${name} hours spent on proactive outreach and follow-ups rather than calls (unit types with 'outreach' only)`,
    }),
  );
  const byHour = unitTypeNames.flatMap((name) =>
    Array.from(
      { length: 24 },
      (_, hour): MetricDefinition => ({
        name: hourlyUtilizationName(name, hour),
        unit: "share",
        description: `busy share of on-duty ${name} unit time between ${String(hour).padStart(2, "0")}:00 and ${String(hour + 1).padStart(2, "0")}:00`,
      }),
    ),
  );
  const byZone = (scope.geography?.zones ?? []).flatMap((zone) => zoneDefinitions(zone, unitTypeNames));
  return [...fixed, ...byPriority, ...byType, ...outreach, ...byHour, ...byZone];
}

/** Response groups reported by zone: the name suffix and the calls it covers. */
export const ZONE_RESPONSE_GROUPS = [
  { suffix: "", calls: "calls" },
  { suffix: ".priority1", calls: "calls that arrived as priority 1" },
  { suffix: ".behavioralHealth", calls: "behavioral-health calls" },
] as const;

/** One zone's metrics: its calls and response times, and the load of the units based there. */
function zoneDefinitions(zone: string, unitTypeNames: readonly string[]): MetricDefinition[] {
  const z = `zone.${zone}`;
  const out: MetricDefinition[] = [{ name: `${z}.calls`, unit: "calls", description: `calls received from zone ${zone} in the measured period` }];
  for (const { suffix, calls } of ZONE_RESPONSE_GROUPS) {
    out.push(
      { name: `${z}.responseMin.mean${suffix}`, unit: "minutes", description: `mean response time of ${calls} from zone ${zone}, over those a unit reached` },
      { name: `${z}.responseMin.p90${suffix}`, unit: "minutes", description: `90th percentile response time of ${calls} from zone ${zone}, over those a unit reached` },
    );
  }
  for (const name of unitTypeNames) {
    out.push(
      { name: `${z}.busyHours.${name}`, unit: "hours", description: `busy hours of ${name} units based in zone ${zone}, on calls from any zone, in the measured period` },
      { name: `${z}.utilization.${name}`, unit: "share", description: `share of on-duty unit-minutes of ${name} units based in zone ${zone} that they were busy (on calls from any zone)` },
    );
  }
  return out;
}

/** Name of a unit type's utilization in one hour of the day, e.g. `utilizationByHour.patrol.h07`. */
export function hourlyUtilizationName(unitType: string, hour: number): string {
  return `utilizationByHour.${unitType}.h${String(hour).padStart(2, "0")}`;
}
