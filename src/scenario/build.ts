/**
 * Turns a validated scenario into the frozen, indexed configuration the simulation reads
 * (Ciw's import_params: parse -> defaults -> validate -> build). Runs only after the schema and
 * the cross-checks passed, so it does not re-validate.
 */
import { Categorical } from "../random/categorical.js";
import type { Distribution } from "../random/distribution.js";
import { makeDistribution, type DistributionSpec } from "../random/make-distribution.js";
import {
  DISPOSITION_NAMES,
  type CallProcessingConfig,
  type CancellationConfig,
  type DispatchPolicyConfig,
  type DispatchRule,
  type ResponseModelConfig,
  type ScenarioConfig,
  type UnitTypeConfig,
  type UnitsPerCallRule,
} from "../system/config.js";
import { Roster, type Shift } from "../system/roster.js";
import { parseClock } from "./clock.js";
import { describeReplay, replayDemand, type CategoryFigures } from "./replay-demand.js";
import { DAYS, type DistributionInput, type ScenarioInput, type ShiftInput } from "./schema.js";

const DEFAULT_KEY = "default";
// Arrays stay unfrozen: V8 reads elements of a frozen array by a slow path, and the simulation
// indexes these on every call (about 5% of M/M/10's instructions). Objects are still frozen.
const freeze = <T>(x: T): T => (Array.isArray(x) ? x : Object.freeze(x));

/**
 * Builds the simulation configuration from a scenario that passed validation. `scenarioFile`
 * locates a replayed call table (demand.historical.file is relative to it).
 */
export function buildScenario(input: ScenarioInput, scenarioFile?: string): ScenarioConfig {
  const historical = input.demand.historical;
  const replay = historical ? replayDemand(historical.file, scenarioFile) : null;
  const categoryNames = Object.keys(input.demand.categories);
  // A replay's categories are described by its table; otherwise the schema made the generator's fields present.
  const described = replay ? describeReplay(replay, categoryNames) : null;
  const categoryList: CategoryFigures[] =
    described?.categories ??
    Object.values(input.demand.categories).map((c) => ({ share: c.share!, priorityShares: c.priorityShares!, behavioralHealth: c.behavioralHealth ?? 0, weapon: c.weapon ?? 0 }));
  const shareTotal = categoryList.reduce((sum, c) => sum + c.share, 0);
  const categories = categoryList.map((c, i) => {
    const priorityTotal = c.priorityShares.reduce((a, b) => a + b, 0);
    return freeze({
      name: categoryNames[i],
      // Shares within the accepted tolerance of 1 are scaled to sum to exactly 1.
      share: c.share / shareTotal,
      priority: new Categorical({
        items: c.priorityShares.map((_, p) => p + 1),
        weights: c.priorityShares.map((s) => s / priorityTotal),
      }),
      behavioralHealthProbability: c.behavioralHealth,
      weaponProbability: c.weapon,
    });
  });
  const unitTypeNames = Object.keys(input.unitTypes);
  const typeIndex = (name: string) => unitTypeNames.indexOf(name);
  const unitTypes: UnitTypeConfig[] = Object.entries(input.unitTypes).map(([name, type]) => {
    const crew = {
      officer: type.crew.officer ?? 0,
      clinician: type.crew.clinician ?? 0,
      peer: type.crew.peer ?? 0,
      medic: type.crew.medic ?? 0,
    };
    const byCategory = <T, R>(table: Record<string, T>, make: (value: T) => R): R[] => {
      const cache = new Map<T, R>();
      return categoryNames.map((category) => {
        const value = table[category] ?? table[DEFAULT_KEY];
        if (!cache.has(value)) cache.set(value, make(value));
        return cache.get(value)!;
      });
    };
    return freeze({
      name,
      crew: freeze(crew),
      isAlternative: crew.clinician + crew.peer + crew.medic > 0,
      costPerHour: type.costPerHour,
      travelMin: type.travelMin ? distribution(type.travelMin) : null,
      onSceneMin: freeze(byCategory(type.onSceneMin, distribution)),
      disposition: freeze(
        byCategory(type.dispositions, (shares) => {
          const entries = DISPOSITION_NAMES.map((d, index) => ({ index, weight: shares[d] ?? 0 })).filter((e) => e.weight > 0);
          return new Categorical({ items: entries.map((e) => e.index), weights: entries.map((e) => e.weight) });
        }),
      ),
      declineShare: type.declineShare,
      rampUp: type.rampUp ? freeze({ ...type.rampUp }) : null,
      outreach: type.outreach
        ? freeze({ breakOffMin: distribution(type.outreach.breakOffMin), followUpsPerHour: type.outreach.followUpsPerHour, followUpConnects: type.outreach.followUpConnects })
        : null,
      backup: type.backup
        ? freeze({ share: type.backup.share, send: freeze(type.backup.send.map(typeIndex)), priority: type.backup.priority })
        : null,
    });
  });
  const outcomes = DISPOSITION_NAMES.map((name) => {
    const outcome = input.outcomes[name];
    return freeze({ cost: outcome?.cost ?? 0, holdMin: outcome?.holdMin ? distribution(outcome.holdMin) : null });
  });
  const models: ResponseModelConfig[] = Object.entries(input.models).map(([name, model]) =>
    freeze({
      name,
      description: model.description ?? "",
      shifts: freeze(unitTypeNames.map((typeName) => (model.staffing[typeName] ? freeze(model.staffing[typeName].map(toShift)) : null))),
      rosters: freeze(unitTypeNames.map((typeName) => (model.staffing[typeName] ? Roster.fromShifts(model.staffing[typeName].map(toShift)) : null))),
      vacancy: freeze(unitTypeNames.map((typeName) => model.vacancy?.[typeName] ?? 0)),
      staffingBySlot: freeze(
        unitTypeNames.map((typeName) => {
          const shifts = model.staffing[typeName];
          if (!shifts) return null;
          const zones = input.geography?.zones;
          const slotOf = (zone?: string) => (zones === undefined ? 0 : zone === undefined ? zones.length : zones.indexOf(zone));
          const slots = [...new Set(shifts.map((s) => slotOf(s.zone)))].sort((a, b) => a - b);
          return slots.map((slot) => {
            const own = shifts.filter((s) => slotOf(s.zone) === slot).map(toShift);
            return freeze({ slot, roster: Roster.fromShifts(own), shifts: freeze(own) });
          });
        }),
      ),
      latentDemand: model.latentDemand ?? 0,
      informationShared: model.informationShared,
      hub: model.hub
        ? freeze({
            staff: Roster.fromShifts(model.hub.staff.map(toShift)),
            costPerHour: model.hub.costPerHour,
            triageMin: distribution(model.hub.triageMin),
            phoneResolution: model.hub.phoneResolution,
          })
        : null,
      rules: freeze(
        model.dispatch.map((rule): DispatchRule => {
          const send = rule.send.map(typeIndex);
          return freeze({
            categories: rule.match?.categories ? new Set(rule.match.categories.map((c) => categoryNames.indexOf(c))) : null,
            priorities: rule.match?.priorities ? new Set(rule.match.priorities) : null,
            behavioralHealth: rule.match?.behavioralHealth ?? null,
            weapon: rule.match?.weapon ?? null,
            send: freeze(send),
            fallbackAfterMin: rule.fallbackAfterMin,
            uptake: rule.uptake,
            viaHub: rule.viaHub,
            handoffMin: rule.handoffMin ? distribution(rule.handoffMin) : null,
            ifIdle: freeze((rule.ifIdle ?? []).map(typeIndex)),
            eligible: unitTypes[send[0]].isAlternative,
          });
        }),
      ),
    }),
  );
  const modelNames = models.map((m) => m.name);
  const maxPriority = Math.max(...categoryList.map((c) => c.priorityShares.length));
  return freeze({
    name: input.name,
    description: input.description ?? "",
    run: freeze({
      // A replay measures no further than its table's last day.
      horizonDays: replay ? Math.min(input.run.horizonDays, replay.clock.spanDays - input.run.warmupDays) : input.run.horizonDays,
      warmupDays: input.run.warmupDays,
      seed: input.run.seed,
      replications: input.run.replications,
      baseline: input.run.baseline === undefined ? 0 : modelNames.indexOf(input.run.baseline),
    }),
    targets: freeze({ ...input.targets }),
    demand: freeze({
      callsPerDay: described?.callsPerDay ?? input.demand.callsPerDay!,
      hourOfWeekFactor: freeze(described?.hourOfWeekFactor ?? hourOfWeekFactors(input.demand.hourOfDay, input.demand.dayOfWeek)),
      categories: freeze(categories),
      category: new Categorical({ items: categories.map((_, i) => i), weights: categories.map((c) => c.share) }),
      historical:
        replay && historical
          ? freeze({ file: replay.path, observedOnScene: historical.onScene === "observed", ...replay.clock })
          : null,
    }),
    unitTypes: freeze(unitTypes),
    outcomes: freeze(outcomes),
    models: freeze(models),
    geography: input.geography
      ? freeze({
          zones: freeze([...input.geography.zones]),
          zone: new Categorical({ items: input.geography.zones.map((_, i) => i), weights: input.geography.shares }),
          travelMin: freeze(input.geography.travelMin.map((row) => freeze([...row]))),
        })
      : null,
    repeatCallers: input.repeatCallers
      ? freeze({
          people: input.repeatCallers.people,
          ratePerMin: input.repeatCallers.callsPerYear / (365 * 1440),
          category: categoryNames.indexOf(input.repeatCallers.category),
          priority: new Categorical({ items: input.repeatCallers.priorityShares.map((_, p) => p + 1), weights: input.repeatCallers.priorityShares }),
          connectedBy: new Set(input.repeatCallers.connectedBy.map((d) => DISPOSITION_NAMES.indexOf(d))),
          effect: input.repeatCallers.effect,
          effectMin: input.repeatCallers.effectDays * 1440,
        })
      : null,
    intake: input.intake
      ? freeze({
          codedAs: categoryNames.map((trueName, trueIndex) => {
            const coded = input.intake!.codedAs?.[trueName] ?? {};
            const weights = categoryNames.map((name) => coded[name] ?? 0);
            const elsewhere = weights.reduce((a, b, i) => a + (i === trueIndex ? 0 : b), 0);
            weights[trueIndex] = Math.max(0, 1 - elsewhere);
            return new Categorical({ items: categoryNames.map((_, i) => i), weights });
          }),
          behavioralHealthFlagMissed: input.intake.behavioralHealthFlagMissed,
          handoverMin: input.intake.handoverMin ? distribution(input.intake.handoverMin) : makeDistribution({ dist: "fixed", value: 10 }),
        })
      : null,
    callProcessingMin: input.callProcessingMin ? callProcessing(input.callProcessingMin) : null,
    dispatchPolicy: input.dispatchPolicy ? dispatchPolicy(input.dispatchPolicy, unitTypeNames, maxPriority) : null,
    cancellations: input.cancellations ? cancellations(input.cancellations, maxPriority) : null,
    unitsPerCall: input.unitsPerCall
      ? freeze(
          input.unitsPerCall.map(
            (rule): UnitsPerCallRule =>
              freeze({
                categories: rule.match?.categories ? new Set(rule.match.categories.map((c) => categoryNames.indexOf(c))) : null,
                priorities: rule.match?.priorities ? new Set(rule.match.priorities) : null,
                behavioralHealth: rule.match?.behavioralHealth ?? null,
                weapon: rule.match?.weapon ?? null,
                units: rule.units,
              }),
          ),
        )
      : null,
    involuntaryHoldBy: input.policy?.involuntaryHoldBy ? freeze([...input.policy.involuntaryHoldBy]) : null,
    waiting: freeze({
      patienceMin: input.waiting?.abandonment ? distribution(input.waiting.abandonment.patienceMin) : null,
      abandonPriorities: input.waiting?.abandonment?.priorities ? new Set(input.waiting.abandonment.priorities) : null,
      escalation: input.waiting?.escalation ? freeze({ ...input.waiting.escalation }) : null,
    }),
    maxPriority,
    sources: freeze({ ...(input.sources ?? {}) }),
    briefing: freeze({ thresholds: freeze(briefingThresholds(input.briefing?.thresholds)) }),
  });
}

/** The thresholds the scenario sets (the schema's optional keys it leaves out are not listed). */
function briefingThresholds(thresholds: Readonly<Record<string, number | undefined>> | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(thresholds ?? {}).filter((entry): entry is [string, number] => entry[1] !== undefined));
}

/** `callProcessingMin` keyed 'default' or 'priorityN' (checked in cross-checks). */
function callProcessing(input: Record<string, DistributionInput>): CallProcessingConfig {
  const byPriority: (Distribution | undefined)[] = [];
  for (const [key, spec] of Object.entries(input)) {
    const match = /^priority([1-9][0-9]*)$/.exec(key);
    if (match) byPriority[Number(match[1])] = distribution(spec);
  }
  return freeze({ byPriority: freeze(byPriority), default: input.default ? distribution(input.default) : null });
}

/**
 * A value keyed 'priorityN' or 'default' (checked in cross-checks) as an array indexed by
 * priority 0..maxPriority (index 0 unused), `none` where neither key gives one.
 */
function byPriority<T, R>(input: Record<string, T>, maxPriority: number, make: (value: T) => R, none: R): R[] {
  return Array.from({ length: maxPriority + 1 }, (_, p) => {
    const value = input[`priority${p}`] ?? input[DEFAULT_KEY];
    return p === 0 || value === undefined ? none : make(value);
  });
}

function dispatchPolicy(input: NonNullable<ScenarioInput["dispatchPolicy"]>, unitTypeNames: readonly string[], maxPriority: number): DispatchPolicyConfig {
  const reserve = unitTypeNames.map((name) => {
    const entry = input.reserve?.find((r) => r.unitType === name);
    return entry ? freeze({ keep: entry.keep, forPriorities: entry.forPriorities }) : null;
  });
  const aging = input.aging;
  return freeze({
    reserve: freeze(reserve),
    aging: aging
      ? freeze({
          afterMinByPriority: freeze(
            typeof aging.afterMin === "number"
              ? Array.from({ length: maxPriority + 1 }, (_, p) => (p === 0 ? Infinity : (aging.afterMin as number)))
              : byPriority(aging.afterMin, maxPriority, (minutes) => minutes, Infinity),
          ),
          highestPriority: aging.highestPriority,
        })
      : null,
  });
}

function cancellations(input: NonNullable<ScenarioInput["cancellations"]>, maxPriority: number): CancellationConfig {
  return freeze({
    shareByPriority: freeze(byPriority(input.share, maxPriority, (share) => share, 0)),
    afterMinByPriority: freeze(byPriority<DistributionInput, Distribution | null>(input.afterMin, maxPriority, distribution, null)),
  });
}

/** A shift block as the roster reads it: minutes after midnight, day indices (0 = Monday). */
function toShift(s: ShiftInput): Shift {
  return {
    fromMin: parseClock(s.from),
    toMin: parseClock(s.to) === 0 ? 1440 : parseClock(s.to),
    units: s.units,
    days: (s.days ?? DAYS).map((d) => DAYS.indexOf(d)),
  };
}

function distribution(spec: DistributionInput): Distribution {
  return makeDistribution(spec as DistributionSpec);
}

/**
 * Relative rate for each of the 168 hours of the week, scaled to mean 1 so that `callsPerDay`
 * stays the average daily volume whatever the profile's units.
 */
export function hourOfWeekFactors(hourOfDay?: readonly number[], dayOfWeek?: readonly number[]): number[] {
  const hours = hourOfDay ?? new Array<number>(24).fill(1);
  const days = dayOfWeek ?? new Array<number>(7).fill(1);
  const raw = days.flatMap((d) => hours.map((h) => d * h));
  const mean = raw.reduce((a, b) => a + b, 0) / raw.length;
  return raw.map((r) => r / mean);
}
