/**
 * The scenario file's shape, as a zod schema with strict objects (unknown keys are errors) and
 * its JSON Schema export for editors. This checks each value on its own; checks that relate
 * several values (shares summing to one, unit types named in rules existing) live in
 * `cross-checks.ts`, and turning a valid file into simulation objects lives in `build.ts`.
 */
import * as z from "zod";
import { DISPOSITION_NAMES, type DispositionName } from "../system/config.js";
import { cancellationsSchema, dispatchPolicySchema, unitsPerCallSchema } from "./dispatch-policy-schema.js";
import { clock, count, distributionSchema, matchSchema, name, nonNegative, positive, share } from "./schema-primitives.js";

export { distributionSchema, type DistributionInput } from "./schema-primitives.js";

/** The dispositions a call can end with on scene (the system's list; metrics give each a meaning). */
export const DISPOSITIONS = DISPOSITION_NAMES;
export type Disposition = DispositionName;

/** Crew roles a unit type can hold. */
export const CREW_ROLES = ["officer", "clinician", "peer", "medic"] as const;

export const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;


const runSchema = z.strictObject({
  horizonDays: positive.default(365).describe("days measured after warm-up"),
  warmupDays: nonNegative.default(0).describe("days simulated first and cut from the statistics"),
  seed: count.default(1),
  replications: z.number().int().min(1).default(10),
  baseline: name.optional().describe("the model others are compared with; default: the first model"),
});

const targetsSchema = z.strictObject({
  priority1ResponseMin: positive.default(10).describe("response target for priority-1 calls, minutes"),
});

// The synthetic generator's fields are optional here because a replay (demand.historical) takes
// calls, priorities and flags from the call table; the refinement below requires them when there is none.
const categorySchema = z.strictObject({
  share: nonNegative.optional().describe("share of all calls (shares sum to 1); not with demand.historical"),
  priorityShares: z
    .array(nonNegative)
    .min(1)
    .optional()
    .describe("shares of priority 1, 2, ... within this category (sum to 1); not with demand.historical"),
  behavioralHealth: share.optional().describe("probability that a call of this category has a behavioral-health need (default 0); not with demand.historical"),
  weapon: share.optional().describe("probability that a call of this category carries a weapon or violence risk (default 0); not with demand.historical"),
});

const historicalSchema = z.strictObject({
  file: z.string().min(1).describe("call table written by `resim import`, relative to this scenario file"),
  onScene: z
    .enum(["scenario", "observed"])
    .default("scenario")
    .describe("police-only crews draw time on scene from unitTypes (scenario) or stay each call's observed arrived -> cleared time (observed)"),
});

const demandSchema = z.strictObject({
  callsPerDay: positive.optional().describe("average calls per day; not with demand.historical"),
  hourOfDay: z.array(nonNegative).length(24).optional().describe("relative call volume by hour 0..23"),
  dayOfWeek: z.array(nonNegative).length(7).optional().describe("relative call volume Monday..Sunday"),
  categories: z.record(name, categorySchema),
  historical: historicalSchema
    .optional()
    .describe("replay a city's calls at their observed times instead of generating them (the categories list the table's categories)"),
}).superRefine((demand, context) => {
  // Without a replay the generator's fields are required, reported like any missing key.
  if (demand.historical !== undefined) return;
  const missing = (path: (string | number)[], expected: "number" | "array") =>
    context.addIssue({ code: "invalid_type", expected, input: undefined, path, message: "required" });
  if (demand.callsPerDay === undefined) missing(["callsPerDay"], "number");
  for (const [categoryName, category] of Object.entries(demand.categories)) {
    if (category.share === undefined) missing(["categories", categoryName, "share"], "number");
    if (category.priorityShares === undefined) missing(["categories", categoryName, "priorityShares"], "array");
  }
});

const crewSchema = z.strictObject({
  officer: count.optional(),
  clinician: count.optional(),
  peer: count.optional(),
  medic: count.optional(),
});

const dispositionSharesSchema = z.strictObject(
  Object.fromEntries(DISPOSITIONS.map((d) => [d, share.optional()])) as Record<Disposition, z.ZodOptional<typeof share>>,
);

const unitTypeSchema = z.strictObject({
  description: z.string().optional(),
  crew: crewSchema,
  costPerHour: nonNegative.describe("cost of one unit per paid hour, in the scenario's currency"),
  travelMin: distributionSchema.optional().describe("travel time to the scene; default none"),
  onSceneMin: z.record(z.string(), distributionSchema).describe("time on scene by call category, or 'default'"),
  dispositions: z.record(z.string(), dispositionSharesSchema).describe("disposition shares by call category, or 'default'"),
  rampUp: z
    .strictObject({
      days: positive.describe("days from the start of the run until the new team works at full skill"),
      onSceneFactor: z.number().min(1).default(1).describe("time on scene multiplier on day 0, falling linearly to 1"),
      resolutionShortfall: share
        .default(0)
        .describe("on day 0, share of calls it would resolve or refer on scene that it takes to the ED instead, falling linearly to 0"),
    })
    .optional()
    .describe("a new team's learning curve"),
  outreach: z
    .strictObject({
      breakOffMin: distributionSchema.describe("time to break off an outreach or follow-up visit when a call comes in"),
      followUpsPerHour: nonNegative.default(0).describe("follow-up visits to frequent callers per idle team-hour (with repeatCallers)"),
      followUpConnects: share.default(0).describe("share of follow-up visits that connect the person to care"),
    })
    .optional()
    .describe("the team spends idle on-shift time on proactive outreach and follow-ups, which a call interrupts"),
  declineShare: share
    .default(0)
    .describe("share of callers who decline this unit type when their call is routed to it first; the call goes to the rule's next type"),
  backup: z
    .strictObject({
      share: share.describe("share of this unit type's calls that request a linked police dispatch"),
      send: z.array(name).min(1),
      priority: z.number().int().min(1).default(1),
    })
    .optional(),
});

const outcomeSchema = z.strictObject({
  cost: nonNegative.default(0).describe("cost of one such outcome (booking, ED visit, ...)"),
  holdMin: distributionSchema.optional().describe("extra time the unit is held after the scene (booking, ED wall time)"),
});

const shiftSchema = z.strictObject({
  from: clock,
  to: clock,
  units: count,
  zone: name.optional().describe("the zone these units are based in (with `geography`); default: no zone"),
  days: z.array(z.enum(DAYS)).min(1).optional().describe("days the shift starts on; default every day"),
});

/** Hub staff sit at the hub: no zone. */
const hubShiftSchema = shiftSchema.omit({ zone: true });

const ruleSchema = z.strictObject({
  match: matchSchema.optional().describe("which calls this rule takes; omitted: every call"),
  send: z.array(name).min(1).describe("unit types in order of preference"),
  fallbackAfterMin: nonNegative
    .default(0)
    .describe("how long a call waits for each preferred type before falling back to the next"),
  uptake: share.default(1).describe("share of matching calls actually routed to the first choice"),
  viaHub: z.boolean().default(false).describe("calls pass through the model's triage hub first"),
  handoffMin: distributionSchema
    .optional()
    .describe("hand-off delay from 911 to the hub or the team's dispatcher (interagency coordination), minutes"),
  ifIdle: z
    .array(name)
    .min(1)
    .optional()
    .describe("unit types that take these calls only when one is idle and the last 'send' type has none free; never waited for"),
});

const modelSchema = z.strictObject({
  description: z.string().optional(),
  staffing: z.record(name, z.array(shiftSchema).min(1)),
  informationShared: z
    .boolean()
    .default(true)
    .describe("agencies share information, so the hub recognises repeat callers and always routes them to the alternative"),
  latentDemand: nonNegative
    .optional()
    .describe("extra behavioral-health calls, as a share of the base behavioral-health volume, that come only because this model offers a trusted alternative"),
  staffingBudget: positive
    .optional()
    .describe("most the model's staffing may cost over the measured period; `resim staff` keeps rosters within it"),
  vacancy: z
    .record(name, share)
    .optional()
    .describe("unit type -> share of rostered unit-shifts left unfilled, drawn per shift"),
  hub: z
    .strictObject({
      staff: z
        .array(hubShiftSchema)
        .min(1)
        .describe("hub staff (call-takers, clinicians) on duty by shift; each triage occupies one, and calls wait for triage when all are busy"),
      costPerHour: nonNegative.describe("cost of one hub staff member per paid hour, counted in cost.staffing"),
      triageMin: distributionSchema.describe("time a staff member spends triaging one call, minutes"),
      phoneResolution: share.default(0).describe("share of triaged calls resolved by phone"),
    })
    .optional()
    .describe("a triage hub: calls the dispatcher routes to it (rules with viaHub) wait for a staff member, are triaged, and some are resolved by phone"),
  dispatch: z.array(ruleSchema).min(1),
});

/** A scenario file, as written. */
export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  extends: z.string().optional().describe("a scenario file (relative to this one) to start from; this file's values are laid on top"),
  name: name,
  description: z.string().optional(),
  run: runSchema.prefault({}),
  targets: targetsSchema.prefault({}),
  briefing: z
    .strictObject({
      thresholds: z
        .strictObject({
          answeredWithoutPoliceCalls: nonNegative.optional().describe("behavioral-health calls answered without police, calls a year (default 12)"),
          arrests: nonNegative.optional().describe("arrests on behavioral-health calls, a year (default 12)"),
          edRate: share.optional().describe("share of behavioral-health calls ending in ED transport (default 0.01: 1 percentage point)"),
          officerHoursBH: nonNegative.optional().describe("officer-hours on behavioral-health calls, a year (default 100)"),
          fallbackRate: share.optional().describe("share of eligible calls that fell back to police (default 0.01)"),
          "responseMin.p90.priority1": nonNegative.optional().describe("priority-1 response, 90th percentile, minutes (default 0.5)"),
          priority1WithinTargetRate: share.optional().describe("share of priority-1 calls reached within the target (default 0.01)"),
          "responseMin.p90.behavioralHealth": nonNegative.optional().describe("behavioral-health response, 90th percentile, minutes (default 0.5)"),
          "cost.total": nonNegative.optional().describe("total cost, in the scenario's currency a year (default 10000)"),
        })
        .optional()
        .describe("metric -> the smallest difference that matters in practice; a change whose 95% interval lies within it is 'no meaningful change'"),
    })
    .optional()
    .describe("how report.html's decision summary judges changes"),
  demand: demandSchema,
  unitTypes: z.record(name, unitTypeSchema),
  outcomes: z.partialRecord(z.enum(DISPOSITIONS), outcomeSchema).default({}),
  models: z.record(name, modelSchema),
  sources: z
    .record(z.string(), z.string())
    .optional()
    .describe("where each parameter's value comes from: key path -> citation"),
  geography: z
    .strictObject({
      zones: z.array(name).min(1).describe("zone names"),
      shares: z.array(share).min(1).describe("share of calls from each zone, in the order of `zones`"),
      travelMin: z
        .array(z.array(nonNegative))
        .min(1)
        .describe("mean travel minutes from a unit's zone (row) to the call's zone (column); a unit type's travelMin gives the spread around it"),
    })
    .optional()
    .describe("zones, where calls come from, and travel between them; shifts name the zone their units are based in"),
  repeatCallers: z
    .strictObject({
      people: z.number().int().min(1).describe("frequent callers in the city"),
      callsPerYear: positive.describe("calls each makes per year before being connected to care"),
      category: name.describe("category of their calls (they are behavioral-health calls)"),
      priorityShares: z.array(nonNegative).min(1).describe("shares of priority 1, 2, ... of their calls"),
      connectedBy: z.array(z.enum(DISPOSITIONS)).min(1).default(["referred"]).describe("dispositions that connect a person to care"),
      effect: share.describe("share by which a person's call rate falls once connected to care"),
      effectDays: positive.describe("days over which that effect fades linearly to nothing"),
    })
    .optional()
    .describe("a population of frequent callers whose calls fall after they are connected to care"),
  callProcessingMin: z
    .record(z.string(), distributionSchema)
    .optional()
    .describe("call taking and dispatch processing before a unit is sought, minutes, by priority ('priority1', ...) or 'default'; the same in every model; default none"),
  dispatchPolicy: dispatchPolicySchema,
  cancellations: cancellationsSchema,
  unitsPerCall: unitsPerCallSchema,
  intake: z
    .strictObject({
      codedAs: z
        .record(name, z.record(name, share))
        .optional()
        .describe("true category -> {coded category: share}: calls coded as something else at intake (the rest keep their true category)"),
      behavioralHealthFlagMissed: share.default(0).describe("share of behavioral-health calls not flagged as such at intake"),
      handoverMin: distributionSchema
        .optional()
        .describe("time a civilian team spends on a call it finds outside its rule's scope before police take it over; default 10 minutes"),
    })
    .optional()
    .describe("intake misclassification: rules see the coded call, service follows the true need"),
  policy: z
    .strictObject({
      involuntaryHoldBy: z
        .array(z.enum(CREW_ROLES))
        .min(1)
        .optional()
        .describe("crew roles that may place an involuntary hold; a unit without one requests police to place it"),
    })
    .optional(),
  waiting: z
    .strictObject({
      abandonment: z
        .strictObject({
          patienceMin: distributionSchema.describe("how long a caller waits for a unit, from the call received, before hanging up"),
          priorities: z.array(z.number().int().min(1)).min(1).optional().describe("priorities whose callers may hang up; default all"),
        })
        .optional(),
      escalation: z
        .strictObject({
          afterMin: positive.describe("minutes a behavioral-health call may wait after it is ready before it escalates"),
          toPriority: z.number().int().min(1).default(1).describe("its priority from then on"),
        })
        .optional()
        .describe("a waiting behavioral-health call becomes more urgent and goes to police (its rule's last unit type)"),
    })
    .optional()
    .describe("what happens to calls while they wait"),
  uncertain: z
    .array(
      z.strictObject({
        path: z.string().min(1).describe("key path of the parameter, as for --set"),
        low: z.unknown().describe("plausible low value"),
        high: z.unknown().describe("plausible high value"),
        source: z.string().optional(),
        dist: z
          .enum(["range", "triangular", "beta"])
          .optional()
          .describe("how values spread between low and high, for `resim uncertainty`: range (uniform, the default), triangular (with mode), beta (a share: mean and sd, or alpha and beta; truncated to [low, high])"),
        mode: z.number().optional().describe("dist: triangular: the most likely value"),
        mean: z.number().optional().describe("dist: beta: its mean (before truncation to [low, high])"),
        sd: z.number().optional().describe("dist: beta: its standard deviation"),
        alpha: z.number().optional().describe("dist: beta: its first shape parameter (e.g. successes + 1)"),
        beta: z.number().optional().describe("dist: beta: its second shape parameter (e.g. failures + 1)"),
      }),
    )
    .optional()
    .describe("parameters whose value is uncertain: `resim sensitivity` runs each at low and high; `resim uncertainty` draws them all from their distributions"),
});

/** A scenario after parsing and defaults, before cross-checks. */
export type ScenarioInput = z.output<typeof scenarioSchema>;
export type UnitTypeInput = ScenarioInput["unitTypes"][string];
export type ModelInput = ScenarioInput["models"][string];
export type RuleInput = ModelInput["dispatch"][number];
export type ShiftInput = ModelInput["staffing"][string][number];
