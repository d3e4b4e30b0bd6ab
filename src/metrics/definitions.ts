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
  { name: "bhCalls", unit: "calls", description: "calls with a behavioral-health need" },
  { name: "queueWaitMin.mean", unit: "minutes", description: "mean wait from ready for dispatch (received, or triaged by the hub) to a unit assigned" },
  { name: "queueWaitMin.p50", unit: "minutes", description: "median of that wait" },
  { name: "queueWaitMin.p90", unit: "minutes", description: "90th percentile of that wait" },
  { name: "responseMin.mean", unit: "minutes", description: "mean time from call received to the first unit on scene" },
  { name: "responseMin.p50", unit: "minutes", description: "median response time" },
  { name: "responseMin.p90", unit: "minutes", description: "90th percentile of response time" },
  { name: "responseMin.mean.behavioralHealth", unit: "minutes", description: "mean response time of behavioral-health calls" },
  { name: "responseMin.p90.behavioralHealth", unit: "minutes", description: "90th percentile response time of behavioral-health calls" },
  { name: "priority1WithinTargetRate", unit: "share", description: "share of priority-1 calls with a unit on scene within the scenario's target" },
  { name: "diversionRate", unit: "share", description: "share of behavioral-health calls that were answered (on scene or by phone) and ended without arrest, ED transport or involuntary hold" },
  { name: "policeFreeRate", unit: "share", description: "share of behavioral-health calls no sworn officer attended" },
  { name: "arrestRate", unit: "share", description: "share of behavioral-health calls ending in arrest" },
  { name: "edRate", unit: "share", description: "share of behavioral-health calls ending in ED transport" },
  { name: "holdRate", unit: "share", description: "share of behavioral-health calls ending in an involuntary hold" },
  { name: "eligibleCalls", unit: "calls", description: "calls whose dispatch rule puts an alternative to police first" },
  { name: "alternativeShare", unit: "share", description: "share of eligible calls served by an alternative unit (0 when no call is eligible)" },
  { name: "phoneResolvedRate", unit: "share", description: "share of eligible calls the hub resolved by phone (0 when no call is eligible)" },
  { name: "fallbackRate", unit: "share", description: "share of eligible calls routed to the alternative but served by police because it was busy or off duty (0 when no call is eligible)" },
  { name: "backupRate", unit: "share", description: "share of calls served by an alternative unit that requested police backup" },
  { name: "handoverRate", unit: "share", description: "share of calls served by an alternative that it found outside its scope and handed to police (intake misclassification)" },
  { name: "declineRate", unit: "share", description: "share of eligible calls whose caller declined the alternative (unit type's declineShare), so police went (0 when no call is eligible)" },
  { name: "abandonedRate", unit: "share", description: "share of calls whose caller hung up before a unit was assigned (scenario's waiting.abandonment)" },
  { name: "escalationRate", unit: "share", description: "share of behavioral-health calls that waited long enough to escalate to police (waiting.escalation)" },
  { name: "repeatCalls", unit: "calls", description: "calls made by the scenario's frequent callers (repeatCallers)" },
  { name: "repeatCallsAvoided", unit: "calls", description: "frequent callers' calls not made because they had been connected to care (null without repeatCallers)" },
  { name: "followUps", unit: "calls", description: "follow-up visits to frequent callers made by idle outreach teams (null without repeatCallers)" },
  { name: "followUpsConnected", unit: "calls", description: "follow-up visits that connected the person to care" },
  { name: "officerHoursBH", unit: "hours", description: "officer-hours spent on behavioral-health calls (crew officers x unit busy time, backup included)" },
  { name: "cost.staffing", unit: "currency", description: "paid unit-hours (on duty, busy or not, overtime to finish calls included) x cost per hour, over the measured period" },
  { name: "cost.outcomes", unit: "currency", description: "cost of outcomes (bookings, ED visits, holds, transports) of measured calls" },
  { name: "cost.total", unit: "currency", description: "staffing plus outcomes" },
  { name: "cost.perCall", unit: "currency", description: "total cost per call received" },
  { name: "cost.perBHCall", unit: "currency", description: "total cost per behavioral-health call" },
  { name: "cost.perDivertedCall", unit: "currency", description: "total cost per diverted behavioral-health call" },
];

/**
 * The metrics of a scenario, in report order: the fixed ones, then response by priority, then
 * utilization by unit type.
 */
export function metricDefinitions(unitTypeNames: readonly string[], maxPriority: number): MetricDefinition[] {
  const byPriority: MetricDefinition[] = [];
  for (let p = 1; p <= maxPriority; p++) {
    byPriority.push(
      { name: `responseMin.mean.priority${p}`, unit: "minutes", description: `mean response time of priority-${p} calls` },
      { name: `responseMin.p90.priority${p}`, unit: "minutes", description: `90th percentile response time of priority-${p} calls` },
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
  return [...fixed, ...byPriority, ...byType, ...outreach, ...byHour];
}

/** Name of a unit type's utilization in one hour of the day, e.g. `utilizationByHour.patrol.h07`. */
export function hourlyUtilizationName(unitType: string, hour: number): string {
  return `utilizationByHour.${unitType}.h${String(hour).padStart(2, "0")}`;
}
