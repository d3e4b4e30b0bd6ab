/**
 * The response system's frozen, typed configuration: what `scenario/build` makes from a validated
 * file and what the simulation reads. Everything is indexed (categories, unit types, dispositions)
 * so the hot loop does array look-ups, not string keys. The simulation never sees raw YAML.
 */
import type { Distribution } from "../random/distribution.js";
import type { Categorical } from "../random/categorical.js";
import type { Roster, Shift } from "./roster.js";

/** Dispositions in index order; the metrics give them meaning. */
export const DISPOSITION_NAMES = [
  "resolved",
  "referred",
  "crisis-transport",
  "ed-transport",
  "involuntary-hold",
  "arrest",
] as const;
export type DispositionName = (typeof DISPOSITION_NAMES)[number];
export const DISPOSITION = {
  resolved: 0,
  referred: 1,
  crisisTransport: 2,
  edTransport: 3,
  involuntaryHold: 4,
  arrest: 5,
} as const;

/** A call category and how its calls are drawn. */
export interface CategoryConfig {
  name: string;
  /** Share of all calls, normalised to sum to 1. */
  share: number;
  /** Draws a priority (1 = most urgent). */
  priority: Categorical<number>;
  /** Probability that a call has a behavioral-health need. */
  behavioralHealthProbability: number;
  /** Probability that a call carries a weapon or violence risk. */
  weaponProbability: number;
}

/** Who rides in a unit. */
export interface Crew {
  officer: number;
  clinician: number;
  peer: number;
  medic: number;
}

/** A kind of unit: crew, cost and service times by category. */
export interface UnitTypeConfig {
  name: string;
  crew: Crew;
  /** True when the crew holds anyone but sworn officers: a response alternative to police. */
  isAlternative: boolean;
  costPerHour: number;
  /** Travel to the scene, minutes; null for none. */
  travelMin: Distribution | null;
  /** Time on scene, minutes, by category index. */
  onSceneMin: readonly Distribution[];
  /** Disposition index by category index. */
  disposition: readonly Categorical<number>[];
  /** Idle on-shift time goes to outreach; a call first waits for the team to break off. Null if not. */
  outreach: { breakOffMin: Distribution; followUpsPerHour: number; followUpConnects: number } | null;
  /** A new team's learning curve, or null. */
  rampUp: { days: number; onSceneFactor: number; resolutionShortfall: number } | null;
  /** Share of callers who decline this unit type when routed to it first. */
  declineShare: number;
  /** Linked police dispatch requested by a share of this type's calls, or null. */
  backup: { share: number; send: readonly number[]; priority: number } | null;
}

/** What a disposition costs and how long it holds a unit after the scene. */
export interface OutcomeConfig {
  cost: number;
  holdMin: Distribution | null;
}

/** One dispatch rule: which calls, and the unit types to send, in order of preference. */
export interface DispatchRule {
  categories: ReadonlySet<number> | null;
  priorities: ReadonlySet<number> | null;
  behavioralHealth: boolean | null;
  weapon: boolean | null;
  /** Unit type indices, most preferred first. */
  send: readonly number[];
  /** Minutes a call waits for each preferred type before trying the next. */
  fallbackAfterMin: number;
  /** Share of matching calls routed to the first choice; the rest start at the second. */
  uptake: number;
  viaHub: boolean;
  /** Delay from 911 to the hub or the team's dispatcher, minutes; null for none. */
  handoffMin: Distribution | null;
  /**
   * Unit types that take the call only if one is idle when the call would otherwise queue for the
   * last `send` type (e.g. co-responder teams taking general calls when free); never waited for.
   */
  ifIdle: readonly number[];
  /** True when the first choice is an alternative to police (with or without a fallback): these calls are "eligible". */
  eligible: boolean;
}

/** A centralized triage hub: its staff, what they cost, and what triage does. */
export interface HubConfig {
  /** Staff on duty by time of day and day of week; each triage occupies one. */
  staff: Roster;
  costPerHour: number;
  triageMin: Distribution;
  phoneResolution: number;
}

/** A response model: a roster per unit type and the dispatch rules. */
export interface ResponseModelConfig {
  name: string;
  description: string;
  /** Roster by unit type index; null when the model does not staff that type. */
  rosters: readonly (Roster | null)[];
  /** The shift blocks behind each roster (null where unstaffed). */
  shifts: readonly (readonly Shift[] | null)[];
  /**
   * By unit type: its shifts grouped by where units are based, as pool slots (zone index, or the
   * last slot, zones.length, for units with no zone; slot 0 for everything without geography).
   */
  staffingBySlot: readonly ({ slot: number; roster: Roster; shifts: readonly Shift[] }[] | null)[];
  /** Agencies share information: repeat callers are recognised and routed to the alternative. */
  informationShared: boolean;
  /** Extra behavioral-health calls this model draws (latent demand), as a share of the base BH volume; 0 for none. */
  latentDemand: number;
  /** Share of unit-shifts left unfilled, by unit type index (0 for none). */
  vacancy: readonly number[];
  hub: HubConfig | null;
  rules: readonly DispatchRule[];
}

/**
 * Demand: the synthetic call generator's parameters. When `historical` is set, calls are replayed
 * from a call table instead, and the other fields describe that table (its mix and volume).
 */
export interface DemandConfig {
  callsPerDay: number;
  /** Relative rate by hour of the week (168 entries, Monday 00:00 first), mean 1. */
  hourOfWeekFactor: readonly number[];
  categories: readonly CategoryConfig[];
  /** Draws a category index. */
  category: Categorical<number>;
  /** The replayed call table, or null for synthetic calls. */
  historical: HistoricalDemandConfig | null;
}

/** A replayed call table (`demand.historical`). */
export interface HistoricalDemandConfig {
  /** Absolute path of the call table. */
  file: string;
  /** Police-only crews stay each call's observed time on scene instead of drawing one. */
  observedOnScene: boolean;
  /** Civil seconds (city wall clock) of simulation minute 0: 00:00 of the Monday on or before the first call. */
  timeZeroSec: number;
  /** Day of the first call (day 0 = time zero). */
  firstCallDay: number;
  /** Days from time zero to the end of the last call's day. */
  spanDays: number;
}

/** Run settings. */
export interface RunConfig {
  horizonDays: number;
  warmupDays: number;
  seed: number;
  replications: number;
  baseline: number;
}

/** Intake misclassification: what dispatch rules see, against the call's true need. */
export interface IntakeConfig {
  /** By true category index: draws the coded category index. */
  codedAs: readonly Categorical<number>[];
  /** Share of behavioral-health calls not flagged as such at intake. */
  behavioralHealthFlagMissed: number;
  /** Time a civilian team spends on a call outside its scope before police take it over. */
  handoverMin: Distribution;
}

/** Call taking and dispatch processing time, by the priority a call arrives with. */
export interface CallProcessingConfig {
  /** By priority (index = priority); undefined where the scenario gives none. */
  byPriority: readonly (Distribution | undefined)[];
  /** For priorities without their own; null when every drawn priority has one. */
  default: Distribution | null;
}

/** Zones, where calls come from, and travel between them. */
export interface GeographyConfig {
  zones: readonly string[];
  /** Draws a call's zone index. */
  zone: Categorical<number>;
  /** Mean travel minutes, [unit's zone][call's zone]. */
  travelMin: readonly (readonly number[])[];
}

/** Frequent callers whose calls fall after they are connected to care. */
export interface RepeatCallersConfig {
  people: number;
  /** Each person's call rate before connection, calls per minute. */
  ratePerMin: number;
  category: number;
  priority: Categorical<number>;
  /** Disposition indices that connect a person to care. */
  connectedBy: ReadonlySet<number>;
  effect: number;
  effectMin: number;
}

/** What happens to calls while they wait for a unit. */
export interface WaitingConfig {
  /** Caller patience from the call received, minutes; null when callers never hang up. */
  patienceMin: Distribution | null;
  /** Priorities whose callers may hang up; null for all. */
  abandonPriorities: ReadonlySet<number> | null;
  /** A behavioral-health call still waiting this long after it was ready becomes `toPriority` and goes to its rule's last (police) unit type. */
  escalation: { afterMin: number; toPriority: number } | null;
}

/**
 * A city's dispatch practice beyond strict priority then age (`dispatchPolicy`): units held back
 * for urgent calls (a cutoff-priority queue) and priority aging. The same in every model.
 */
export interface DispatchPolicyConfig {
  /**
   * By unit type index: the last `keep` idle units of the type answer only calls whose current
   * priority is `forPriorities` or more urgent; null for no reserve.
   */
  reserve: readonly ({ keep: number; forPriorities: number } | null)[];
  /** Priority aging, or null for none. */
  aging: AgingConfig | null;
}

/** A waiting call rises one priority level per `afterMin` of waiting, never above `highestPriority`. */
export interface AgingConfig {
  /** By the priority a call arrived with (index = priority): minutes per level; Infinity: it does not age. */
  afterMinByPriority: readonly number[];
  /** The most urgent level aging can raise a call to (1 = most urgent). */
  highestPriority: number;
}

/** Calls cleared without a unit arriving (`cancellations`), by the priority a call arrived with. */
export interface CancellationConfig {
  /** By priority (index = priority): share of calls cancelled; 0 where none. */
  shareByPriority: readonly number[];
  /** By priority: time from received until the cancellation, minutes; null where none is given. */
  afterMinByPriority: readonly (Distribution | null)[];
}

/** A multi-unit response rule (`unitsPerCall`): calls it matches get `units` units in all. */
export interface UnitsPerCallRule {
  categories: ReadonlySet<number> | null;
  priorities: ReadonlySet<number> | null;
  behavioralHealth: boolean | null;
  weapon: boolean | null;
  units: number;
}

/** Everything one scenario defines. */
export interface ScenarioConfig {
  name: string;
  description: string;
  run: RunConfig;
  targets: { priority1ResponseMin: number };
  demand: DemandConfig;
  unitTypes: readonly UnitTypeConfig[];
  /** By disposition index. */
  outcomes: readonly OutcomeConfig[];
  models: readonly ResponseModelConfig[];
  waiting: WaitingConfig;
  /** Null without zones. */
  geography: GeographyConfig | null;
  /** Null when the scenario has no repeat-caller population. */
  repeatCallers: RepeatCallersConfig | null;
  /** Null when calls are coded as they truly are. */
  intake: IntakeConfig | null;
  /** Call taking and dispatch processing before routing; null for none. */
  callProcessingMin: CallProcessingConfig | null;
  /** Reserve and priority aging; null for strict priority then age. */
  dispatchPolicy: DispatchPolicyConfig | null;
  /** Calls cancelled before a unit arrives; null for none (and no replayed outcome). */
  cancellations: CancellationConfig | null;
  /** Multi-unit response rules, first match wins; null for one unit per call (and no replayed units). */
  unitsPerCall: readonly UnitsPerCallRule[] | null;
  /** Crew roles that may place an involuntary hold; null when any crew may. */
  involuntaryHoldBy: readonly (keyof Crew)[] | null;
  /** Highest priority number any category can draw. */
  maxPriority: number;
  /** Parameter path -> citation, as the scenario gives them. */
  sources: Readonly<Record<string, string>>;
  /**
   * The scenario's `briefing` (`--set` overrides applied): metric -> the practical threshold of the
   * report's decision summary. The simulation never reads it; it rides along so the report takes it
   * from the run, not from the file again. Absent in configs built by hand.
   */
  briefing?: { thresholds: Record<string, number> };
}
