/**
 * Names a council reader understands, keyed by metric name, for chart titles, axes and study
 * tables (key paths such as `responseMin.p90.behavioralHealth` stay in the files for analysts).
 * Metrics named per unit type, priority or zone get their label from a pattern; any other name
 * falls back to its definition's description, then to the name itself.
 */

const LABELS: Record<string, string> = {
  calls: "Calls received",
  bhCalls: "Behavioral-health (BH) calls received",
  "queueWaitMin.mean": "Wait for a unit, mean",
  "queueWaitMin.p50": "Wait for a unit, median",
  "queueWaitMin.p90": "Wait for a unit, 90th percentile",
  "responseMin.mean": "Response time, mean",
  "responseMin.p50": "Response time, median",
  "responseMin.p90": "Response time, 90th percentile",
  "responseMin.mean.behavioralHealth": "BH response time, mean",
  "responseMin.p90.behavioralHealth": "BH response time, 90th percentile",
  priority1WithinTargetRate: "Priority-1 calls reached within the target",
  answeredWithoutPoliceRate: "BH calls answered without police",
  answeredWithoutPoliceCalls: "BH calls answered without police",
  noArrestEdHoldRate: "BH calls ended without arrest, ED transport or hold",
  noArrestEdHoldCalls: "BH calls ended without arrest, ED transport or hold",
  arrests: "Arrests on BH calls",
  arrestRate: "BH calls ending in arrest",
  edRate: "BH calls ending in ED transport",
  holdRate: "BH calls ending in an involuntary hold",
  eligibleCalls: "Calls meant for the alternative",
  alternativeShare: "Eligible calls answered by the alternative",
  phoneResolvedRate: "Eligible calls resolved by phone",
  fallbackRate: "Eligible calls that fell back to police",
  backupRate: "Alternative's calls needing police backup",
  handoverRate: "Alternative's calls handed to police",
  declineRate: "Eligible callers who declined the team",
  abandonedRate: "Callers who hung up while waiting",
  "abandonedRate.behavioralHealth": "BH callers who hung up while waiting",
  escalationRate: "BH calls escalated to police after waiting",
  cancelledCalls: "Calls cancelled before a unit arrived",
  cancelledRate: "Calls cancelled before a unit arrived",
  "cancelledRate.behavioralHealth": "BH calls cancelled before a unit arrived",
  "unitsPerCall.mean": "Units sent per call, mean",
  multiUnitRate: "Calls that had more than one unit",
  repeatCalls: "Calls from frequent callers",
  repeatCallsAvoided: "Frequent callers' calls avoided (connected to care)",
  followUps: "Follow-up visits to frequent callers",
  followUpsConnected: "Follow-up visits that connected the person to care",
  hubCalls: "Calls reaching the hub",
  "hubWaitMin.mean": "Wait for hub triage, mean",
  "hubWaitMin.p90": "Wait for hub triage, 90th percentile",
  hubUtilization: "Hub staff time spent triaging",
  hubStaffHours: "Hub staff-hours on duty",
  officerHoursBH: "Officer-hours on BH calls",
  "cost.staffing": "Staffing cost",
  "cost.outcomes": "Outcome cost",
  "cost.total": "Total cost",
  "cost.perCall": "Cost per call",
  "cost.perBHCall": "Cost per BH call",
};

const STATISTIC: Record<string, string> = { mean: "mean", p50: "median", p90: "90th percentile" };

/** The reader's name of `metric`; `description` (from summary.json) is the fallback. */
export function metricLabel(metric: string, description?: string): string {
  const known = LABELS[metric];
  if (known) return known;
  let m = /^responseMin\.(mean|p50|p90)\.priority(\d+)$/.exec(metric);
  if (m) return `Priority-${m[2]} response time, ${STATISTIC[m[1]]}`;
  m = /^utilization\.(.+)$/.exec(metric);
  if (m) return `Utilization of ${m[1]} units`;
  m = /^outreachHours\.(.+)$/.exec(metric);
  if (m) return `Hours of ${m[1]} units on outreach`;
  m = /^zone\.([^.]+)\.(.+)$/.exec(metric);
  if (m) return `${metricLabel(m[2])}, zone ${m[1]}`;
  m = /^busyHours\.(.+)$/.exec(metric);
  if (m) return `Busy hours of ${m[1]} units`;
  return description ? description.charAt(0).toUpperCase() + description.slice(1) : metric;
}

const COST_OUTCOMES: Record<string, string> = {
  perNoArrestEdHoldCall: "Per additional BH call ended without arrest, ED or hold",
  perCallAnsweredWithoutPolice: "Per additional BH call answered without police",
  perArrestAvoided: "Per arrest avoided",
  perOfficerHourFreed: "Per officer-hour freed",
};

/** The reader's name of a cost-effectiveness outcome key (`perArrestAvoided` -> "Per arrest avoided"), else the key. */
export function costOutcomeLabel(outcome: string): string {
  return COST_OUTCOMES[outcome] ?? outcome;
}

/** The unit a chart axis names, from summary.json's unit. */
export function unitWords(unit: string): string {
  return { share: "share", currency: "$", minutes: "minutes", hours: "hours", calls: "calls" }[unit] ?? unit;
}

/** An outcome of a call in words, as the thing a cost is paid for (`involuntary-hold` -> "an involuntary hold"). */
const OUTCOME_WORDS: Record<string, string> = {
  arrest: "an arrest",
  "ed-transport": "an ED transport",
  "involuntary-hold": "an involuntary hold",
  "crisis-transport": "a crisis-centre transport",
  referred: "a referral",
  resolved: "a call resolved on scene",
  "police-only": "a call police handled alone",
};

/**
 * A swept or uncertain parameter in words where its keys are familiar
 * (`models.centralized-outreach.dispatch[0].uptake` -> "uptake (share routed to the alternative),
 * centralized-outreach rule 1"; `outcomes.involuntary-hold.cost` -> "cost of an involuntary
 * hold"), else its key path.
 */
export function parameterLabel(path: string): string {
  const parts = path.replace(/\[(\d+)\]/g, ".$1").split(".");
  const last = parts[parts.length - 1];
  const model = parts[0] === "models" ? parts[1] : null;
  const shape = parts.map((part, i) => (i > 0 && /^\d+$/.test(part) ? "#" : part)).join(".");
  let m = /^outcomes\.([^.]+)\.cost$/.exec(shape);
  if (m) return `cost of ${OUTCOME_WORDS[m[1]] ?? `each '${m[1]}' outcome`}`;
  m = /^unitTypes\.([^.]+)\.backup\.share$/.exec(shape);
  if (m) return `share needing police backup, ${m[1]}`;
  // A roster entry is one shift of the unit type's list: named by its place, as the file lists them.
  m = /^models\.([^.]+)\.staffing\.([^.]+)\.#\.units$/.exec(shape);
  if (m) return `${m[2]} units on duty in shift ${Number(parts[4]) + 1}, ${m[1]}`;
  m = /^models\.([^.]+)\.vacancy\.([^.]+)$/.exec(shape);
  if (m) return `share of ${m[2]} shifts left unfilled, ${m[1]}`;
  m = /^models\.([^.]+)\.hub\.staff\.#\.units$/.exec(shape);
  if (m) return `hub staff on duty in shift ${Number(parts[4]) + 1}, ${m[1]}`;
  const rule = parts[2] === "dispatch" && /^\d+$/.test(parts[3] ?? "") ? ` rule ${Number(parts[3]) + 1}` : "";
  const words: Record<string, string> = {
    uptake: "uptake (share routed to the alternative)",
    fallbackAfterMin: "minutes a call waits before falling back",
    costPerHour: "cost per hour",
    units: "units on duty",
    phoneResolution: "share resolved by phone",
    declineShare: "share of callers who decline",
    latentDemand: "latent demand",
    callsPerDay: "calls per day",
    behavioralHealthFlagMissed: "share of BH flags missed at intake",
  };
  const what = words[last];
  if (!what) return path;
  if (model) return `${what}, ${model}${rule}`;
  if (parts[0] === "unitTypes") return `${what}, ${parts[1]}`;
  return what;
}
