/**
 * Checks that relate several values of a scenario: shares that must sum to one, names that must
 * refer to something defined, rules that must cover every call. Each problem names its key path,
 * what was expected and what was found, with a near-miss suggestion for misspelt names. Nothing
 * is repaired silently.
 */
import { resolveUncertainInput } from "./uncertain-input.js";
import { DistributionError } from "../random/distribution.js";
import { makeDistribution, type DistributionSpec } from "../random/make-distribution.js";
import type { KeyPath, ScenarioIssue } from "./errors.js";
import { suggestion } from "./near-miss.js";
import type { DistributionInput, ScenarioInput } from "./schema.js";
import { parseClock } from "./clock.js";
import { checkReplayDemand } from "./replay-demand.js";
import { Roster } from "../system/roster.js";

/** How far a set of shares may sum from 1 and still be accepted (rounding in hand-written files). */
export const SHARE_TOLERANCE = 0.001;
const DEFAULT_KEY = "default";

/**
 * Returns every cross-field problem in a scenario that passed the schema. `scenarioFile` locates
 * a replayed call table (demand.historical.file is relative to it).
 */
export function crossCheck(scenario: ScenarioInput, scenarioFile?: string): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const report = (path: KeyPath, message: string) => issues.push({ path, message });
  const categories = Object.keys(scenario.demand.categories);
  const unitTypes = Object.keys(scenario.unitTypes);
  const models = Object.keys(scenario.models);

  const maxPriority = scenario.demand.historical
    ? checkReplayDemand(scenario, scenarioFile, report)
    : checkDemand(scenario, report);

  for (const [typeName, type] of Object.entries(scenario.unitTypes)) {
    const at = ["unitTypes", typeName];
    const crew = type.crew;
    const crewSize = (crew.officer ?? 0) + (crew.clinician ?? 0) + (crew.peer ?? 0) + (crew.medic ?? 0);
    if (crewSize < 1) report([...at, "crew"], "must hold at least one person (officer, clinician, peer or medic), got none");
    if (type.travelMin) checkDistribution(type.travelMin, [...at, "travelMin"], report);
    if (type.outreach) checkDistribution(type.outreach.breakOffMin, [...at, "outreach", "breakOffMin"], report);
    checkByCategory(type.onSceneMin, [...at, "onSceneMin"], categories, report);
    for (const [key, spec] of Object.entries(type.onSceneMin)) checkDistribution(spec, [...at, "onSceneMin", key], report);
    checkByCategory(type.dispositions, [...at, "dispositions"], categories, report);
    for (const [key, shares] of Object.entries(type.dispositions)) {
      const path = [...at, "dispositions", key];
      checkSum(Object.values(shares).map((v) => v ?? 0), path, "disposition shares", report);
      if ((shares.arrest ?? 0) > 0 && (crew.officer ?? 0) === 0) {
        report([...path, "arrest"], `must be 0: unit type '${typeName}' has no sworn officer and cannot arrest, got ${shares.arrest}`);
      }
    }
    type.backup?.send.forEach((name, i) => {
      if (!unitTypes.includes(name)) report([...at, "backup", "send", i], unknownName("unit type", name, unitTypes));
    });
  }

  for (const [trueCategory, coded] of Object.entries(scenario.intake?.codedAs ?? {})) {
    const at = ["intake", "codedAs", trueCategory];
    if (!categories.includes(trueCategory)) report(at, unknownName("category", trueCategory, categories));
    for (const codedCategory of Object.keys(coded)) {
      if (!categories.includes(codedCategory)) report([...at, codedCategory], unknownName("category", codedCategory, categories));
    }
    const total = Object.values(coded).reduce((a, b) => a + b, 0);
    if (total > 1 + SHARE_TOLERANCE) report(at, `shares must sum to at most 1 (the rest keep their true category), got ${round(total)}`);
  }
  if (scenario.intake?.handoverMin) checkDistribution(scenario.intake.handoverMin, ["intake", "handoverMin"], report);
  if (scenario.callProcessingMin) checkCallProcessing(scenario.callProcessingMin, maxPriority, report);

  checkDispatchPolicy(scenario, unitTypes, maxPriority, report);
  if (scenario.cancellations) checkCancellations(scenario.cancellations, maxPriority, report);
  scenario.unitsPerCall?.forEach((rule, i) => {
    const at = ["unitsPerCall", i, "match"];
    rule.match?.categories?.forEach((c, j) => {
      if (!categories.includes(c)) report([...at, "categories", j], unknownName("category", c, categories));
    });
    rule.match?.priorities?.forEach((p, j) => {
      if (maxPriority > 0 && p > maxPriority) report([...at, "priorities", j], `must be a priority the demand can draw (1 to ${maxPriority}), got ${p}`);
    });
  });

  const geography = scenario.geography;
  const zones = geography?.zones ?? [];
  if (geography) {
    const n = zones.length;
    if (geography.shares.length !== n) report(["geography", "shares"], `must have one share per zone (${n}), got ${geography.shares.length}`);
    else checkSum(geography.shares, ["geography", "shares"], "zone shares", report);
    zones.forEach((zone, i) => {
      // Zones are told apart by name in the shifts and in every by-zone figure.
      if (zones.indexOf(zone) < i) report(["geography", "zones", i], `names zone '${zone}' twice (zone names must be unique)`);
    });
    if (geography.travelMin.length !== n || geography.travelMin.some((row) => row.length !== n)) {
      report(["geography", "travelMin"], `must be a ${n} x ${n} table (rows: from the unit's zone, columns: to the call's zone)`);
    }
  }
  for (const [modelName, model] of Object.entries(scenario.models)) {
    for (const [typeName, shifts] of Object.entries(model.staffing)) {
      shifts.forEach((shift, i) => {
        if (shift.zone === undefined) return;
        const at = ["models", modelName, "staffing", typeName, i, "zone"];
        if (!geography) report(at, "needs a top-level 'geography' that defines the zones");
        else if (!zones.includes(shift.zone)) report(at, unknownName("zone", shift.zone, zones));
      });
    }
  }

  const repeat = scenario.repeatCallers;
  if (repeat) {
    if (!categories.includes(repeat.category)) report(["repeatCallers", "category"], unknownName("category", repeat.category, categories));
    checkSum(repeat.priorityShares, ["repeatCallers", "priorityShares"], "priority shares", report);
    // Figures are kept per priority the demand can draw; a repeat call beyond them has no place.
    if (maxPriority > 0 && repeat.priorityShares.length > maxPriority) {
      report(
        ["repeatCallers", "priorityShares"],
        `must have at most ${maxPriority} entries, one per priority the demand can draw (1 to ${maxPriority}), got ${repeat.priorityShares.length}`,
      );
    }
  }

  const abandonment = scenario.waiting?.abandonment;
  if (abandonment) checkDistribution(abandonment.patienceMin, ["waiting", "abandonment", "patienceMin"], report);
  abandonment?.priorities?.forEach((p, j) => {
    if (maxPriority > 0 && p > maxPriority) report(["waiting", "abandonment", "priorities", j], `must be a priority the demand can draw (1 to ${maxPriority}), got ${p}`);
  });

  for (const [name, outcome] of Object.entries(scenario.outcomes)) {
    if (outcome?.holdMin) checkDistribution(outcome.holdMin, ["outcomes", name, "holdMin"], report);
  }

  if (models.length === 0) report(["models"], "must define at least one response model, got none");
  const baseline = scenario.run.baseline;
  if (baseline !== undefined && !models.includes(baseline)) {
    report(["run", "baseline"], unknownName("model", baseline, models));
  }
  for (const [modelName, model] of Object.entries(scenario.models)) {
    const at = ["models", modelName];
    const staffed = new Set<string>();
    /** Staffed types with units on duty at some time: a rule's last resort must be one. */
    const onDuty = new Set<string>();
    /** Rostered types whose every unit-shift is vacant: never on duty either, and the vacancy says why. */
    const allVacant = new Set<string>();
    const vacancyReported = new Set<string>();
    const neverOnDuty = (typeName: string, lastResortOf: string, waiting: string) => {
      if (!allVacant.has(typeName)) return false;
      if (!vacancyReported.has(typeName)) {
        vacancyReported.add(typeName);
        report([...at, "vacancy", typeName], `must be below 1 for unit type '${typeName}', the last resort of ${lastResortOf}: with every shift vacant, ${waiting} would wait forever, got 1`);
      }
      return true;
    };
    for (const [typeName, shifts] of Object.entries(model.staffing)) {
      if (!unitTypes.includes(typeName)) {
        report([...at, "staffing", typeName], unknownName("unit type", typeName, unitTypes));
        continue;
      }
      checkShifts(shifts, [...at, "staffing", typeName], report);
      staffed.add(typeName);
      if (shifts.some((s) => s.units > 0)) {
        // A vacancy of 1 leaves every rostered unit-shift unfilled.
        if ((model.vacancy?.[typeName] ?? 0) >= 1) allVacant.add(typeName);
        else onDuty.add(typeName);
      }
    }
    if (model.hub) {
      checkShifts(model.hub.staff, [...at, "hub", "staff"], report);
      checkDistribution(model.hub.triageMin, [...at, "hub", "triageMin"], report);
    }
    for (const typeName of Object.keys(model.vacancy ?? {})) {
      if (!staffed.has(typeName)) report([...at, "vacancy", typeName], `names unit type '${typeName}', which this model does not staff${suggestion(typeName, [...staffed])}`);
    }
    model.dispatch.forEach((rule, i) => {
      const path = [...at, "dispatch", i];
      const catchAll = rule.match === undefined || Object.keys(rule.match).length === 0;
      if (catchAll && i < model.dispatch.length - 1) {
        report([...path, "match"], `matches every call, so the ${model.dispatch.length - 1 - i} rule(s) after it can never apply; put it last`);
      }
      if (!catchAll && i === model.dispatch.length - 1) {
        report(path, "is the last rule and must match every call (omit 'match'), so no call is left without a unit");
      }
      rule.match?.categories?.forEach((c, j) => {
        if (!categories.includes(c)) report([...path, "match", "categories", j], unknownName("category", c, categories));
      });
      rule.match?.priorities?.forEach((p, j) => {
        // 0: the replayed table could not be read (reported above), so no priority is known.
        if (maxPriority > 0 && p > maxPriority) report([...path, "match", "priorities", j], `must be a priority the demand can draw (1 to ${maxPriority}), got ${p}`);
      });
      const seen = new Set<string>();
      rule.send.forEach((typeName, j) => {
        if (!unitTypes.includes(typeName)) report([...path, "send", j], unknownName("unit type", typeName, unitTypes));
        else if (!staffed.has(typeName)) report([...path, "send", j], `names unit type '${typeName}', which this model does not staff (add it under models.${modelName}.staffing)`);
        if (seen.has(typeName)) report([...path, "send", j], `names unit type '${typeName}' twice`);
        seen.add(typeName);
      });
      rule.ifIdle?.forEach((typeName, j) => {
        if (!unitTypes.includes(typeName)) report([...path, "ifIdle", j], unknownName("unit type", typeName, unitTypes));
        else if (!staffed.has(typeName)) report([...path, "ifIdle", j], `names unit type '${typeName}', which this model does not staff`);
        else if (rule.send.includes(typeName)) report([...path, "ifIdle", j], `names unit type '${typeName}', which is already in 'send'`);
      });
      const lastResort = rule.send[rule.send.length - 1];
      if (staffed.has(lastResort) && !onDuty.has(lastResort) && !neverOnDuty(lastResort, `dispatch[${i}]`, "its calls")) {
        report([...path, "send", rule.send.length - 1], `names unit type '${lastResort}' as the last resort, but this model never has one on duty, so calls would wait forever`);
      }
      if (rule.uptake < 1 && rule.send.length < 2) {
        report([...path, "uptake"], `needs at least two unit types in 'send' (the rest of the calls go to the second), got ${rule.send.length}`);
      }
      const firstDecline = scenario.unitTypes[rule.send[0]]?.declineShare ?? 0;
      if (firstDecline > 0 && rule.send.length < 2) {
        report([...path, "send"], `needs a second unit type: callers decline '${rule.send[0]}' (unitTypes.${rule.send[0]}.declineShare ${firstDecline}) and someone else must go, got only '${rule.send[0]}'`);
      }
      if (rule.handoffMin) checkDistribution(rule.handoffMin, [...path, "handoffMin"], report);
      if (rule.viaHub && !model.hub) report([...path, "viaHub"], `needs a hub: add models.${modelName}.hub with staff, costPerHour and triageMin`);
    });
    for (const typeName of staffed) {
      scenario.unitTypes[typeName]?.backup?.send.forEach((backupType, i) => {
        if (unitTypes.includes(backupType) && !staffed.has(backupType)) {
          report(["unitTypes", typeName, "backup", "send", i], `names unit type '${backupType}', which model '${modelName}' does not staff`);
        } else if (
          staffed.has(backupType) &&
          !onDuty.has(backupType) &&
          i === scenario.unitTypes[typeName].backup!.send.length - 1 &&
          !neverOnDuty(backupType, `unitTypes.${typeName}.backup`, "backup requests")
        ) {
          report(["unitTypes", typeName, "backup", "send", i], `names unit type '${backupType}' as the last resort, but model '${modelName}' never has one on duty, so backup requests would wait forever`);
        }
      });
    }
  }
  // Distributions of uncertain inputs (resim uncertainty); a plain low/high entry is not checked here.
  scenario.uncertain?.forEach((entry, i) => {
    const resolved = resolveUncertainInput(entry, i, false);
    if (Array.isArray(resolved)) for (const problem of resolved) report(problem.path, problem.message);
  });
  return issues;
}

type Report = (path: KeyPath, message: string) => void;

/** Checks synthetic demand; returns the highest priority it can draw. */
function checkDemand(scenario: ScenarioInput, report: Report): number {
  const categories = Object.entries(scenario.demand.categories);
  // The schema made share and priorityShares present (they are optional only for a replay).
  if (categories.length === 0) report(["demand", "categories"], "must define at least one call category, got none");
  else checkSum(categories.map(([, c]) => c.share ?? 0), ["demand", "categories"], "category shares", report);
  for (const [name, category] of categories) {
    checkSum(category.priorityShares ?? [], ["demand", "categories", name, "priorityShares"], "priority shares", report);
  }
  for (const key of ["hourOfDay", "dayOfWeek"] as const) {
    const profile = scenario.demand[key];
    if (profile && !profile.some((v) => v > 0)) report(["demand", key], "must have at least one value > 0, got all zeros");
  }
  return Math.max(0, ...categories.map(([, c]) => c.priorityShares?.length ?? 0));
}

/** Checks a list of shift blocks (a unit type's roster or a hub's staff) at `path`. */
function checkShifts(shifts: readonly { from: string; to: string }[], path: KeyPath, report: Report): void {
  shifts.forEach((shift, i) => {
    // 24:00 ends a day; a block that starts then starts at 00:00 of the next one.
    if (parseClock(shift.from) >= 24 * 60) {
      report([...path, i, "from"], `must be a time within the day, 00:00 to 23:59 (a shift starting at midnight starts at 00:00), got ${shift.from}`);
    } else if (parseClock(shift.from) === parseClock(shift.to)) {
      report([...path, i], `must have 'to' differ from 'from' (use 00:00 to 24:00 for all day), got ${shift.from} to ${shift.to}`);
    }
  });
}

function checkSum(values: readonly number[], path: KeyPath, what: string, report: Report): void {
  const sum = values.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > SHARE_TOLERANCE) report(path, `${what} must sum to 1, got ${round(sum)}`);
}

function checkByCategory(table: Record<string, unknown>, path: KeyPath, categories: readonly string[], report: Report): void {
  for (const key of Object.keys(table)) {
    if (key !== DEFAULT_KEY && !categories.includes(key)) {
      report([...path, key], unknownName("category", key, [...categories, DEFAULT_KEY]));
    }
  }
  if (!(DEFAULT_KEY in table)) {
    const missing = categories.filter((c) => !(c in table));
    if (missing.length > 0) report(path, `must give every category or a 'default', missing: ${missing.join(", ")}`);
  }
}

/** Checks that a distribution can be built, reporting its parameter problem at `path`. */
export function checkDistribution(spec: DistributionInput, path: KeyPath, report: Report): void {
  const pairs: Record<string, string[][]> = { lognormal: [["mean", "sd"], ["median", "p90"]], gamma: [["shape", "scale"], ["mean", "sd"]] };
  const forms = pairs[spec.dist];
  if (forms) {
    const given = Object.keys(spec).filter((k) => k !== "dist").sort();
    const match = forms.some((form) => form.length === given.length && [...form].sort().every((k, i) => k === given[i]));
    if (!match) {
      report(path, `${spec.dist} must be given as ${forms.map((f) => `{${f.join(", ")}}`).join(" or ")}, got {${given.join(", ")}}`);
      return;
    }
  }
  try {
    makeDistribution(spec as DistributionSpec);
  } catch (error) {
    if (error instanceof DistributionError) report(path, `is not a valid distribution: ${error.message}`);
    else throw error;
  }
}

function unknownName(kind: string, name: string, known: readonly string[]): string {
  return `names unknown ${kind} '${name}'${suggestion(name, known) || ` (known: ${known.join(", ") || "none"})`}`;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** `callProcessingMin` keys are 'default' or 'priorityN' for a priority the demand can draw, and every such priority has a time. */
function checkCallProcessing(input: Record<string, DistributionInput>, maxPriority: number, report: (path: KeyPath, message: string) => void): void {
  const at = ["callProcessingMin"];
  const known = ["default", ...Array.from({ length: maxPriority }, (_, p) => `priority${p + 1}`)];
  for (const [key, spec] of Object.entries(input)) {
    if (!known.includes(key)) report([...at, key], unknownName("key ('default' or 'priorityN' for a priority the demand can draw)", key, known));
    else checkDistribution(spec, [...at, key], report);
  }
  const missing = known.slice(1).filter((key) => !(key in input));
  if (missing.length > 0 && !("default" in input)) report(at, `needs a time for every priority the demand can draw, or a 'default': missing ${missing.join(", ")}`);
}

/** Keys 'default' or 'priorityN' for a priority the demand can draw; reports any other at `at`. */
function checkPriorityKeys(input: Record<string, unknown>, at: KeyPath, maxPriority: number, report: Report): string[] {
  const known = ["default", ...Array.from({ length: maxPriority }, (_, p) => `priority${p + 1}`)];
  for (const key of Object.keys(input)) {
    if (maxPriority > 0 && !known.includes(key)) report([...at, key], unknownName("key ('default' or 'priorityN' for a priority the demand can draw)", key, known));
  }
  return known;
}

/**
 * `dispatchPolicy`: a reserve names a defined unit type once, for a priority the demand can draw,
 * and keeps back fewer units than some model has on duty when that type is the last resort of
 * calls the reserve shuts out (otherwise they would wait forever); aging keys and its highest
 * level are priorities the demand can draw.
 */
function checkDispatchPolicy(scenario: ScenarioInput, unitTypes: readonly string[], maxPriority: number, report: Report): void {
  const policy = scenario.dispatchPolicy;
  if (!policy) return;
  const seen = new Set<string>();
  policy.reserve?.forEach((reserve, i) => {
    const at = ["dispatchPolicy", "reserve", i];
    if (!unitTypes.includes(reserve.unitType)) {
      report([...at, "unitType"], unknownName("unit type", reserve.unitType, unitTypes));
      return;
    }
    if (seen.has(reserve.unitType)) report([...at, "unitType"], `names unit type '${reserve.unitType}' a second time (one reserve per unit type)`);
    seen.add(reserve.unitType);
    if (maxPriority > 0 && reserve.forPriorities >= maxPriority) {
      report([...at, "forPriorities"], `must be below the least urgent priority the demand can draw (${maxPriority}), or the reserve holds nothing back from anyone, got ${reserve.forPriorities}`);
      return;
    }
    for (const [modelName, model] of Object.entries(scenario.models)) {
      const shifts = model.staffing[reserve.unitType];
      if (!shifts) continue;
      let most: number;
      try {
        most = Roster.fromShifts(shifts.map((s) => ({ fromMin: parseClock(s.from), toMin: parseClock(s.to) === 0 ? 1440 : parseClock(s.to), units: s.units, days: [0, 1, 2, 3, 4, 5, 6] }))).maxUnits;
      } catch {
        // A bad shift is reported with its own path above.
        continue;
      }
      if (most > reserve.keep) continue;
      const shutOut = model.dispatch.findIndex(
        (rule) => rule.send[rule.send.length - 1] === reserve.unitType && (rule.match?.priorities === undefined || rule.match.priorities.some((p) => p > reserve.forPriorities)),
      );
      if (shutOut >= 0) {
        report(
          [...at, "keep"],
          `must be below the most '${reserve.unitType}' units model '${modelName}' ever has on duty (${most}): calls above priority ${reserve.forPriorities} that models.${modelName}.dispatch[${shutOut}] sends to it as the last resort could never get one, got ${reserve.keep}`,
        );
      }
    }
  });
  const aging = policy.aging;
  if (!aging) return;
  if (typeof aging.afterMin !== "number") checkPriorityKeys(aging.afterMin, ["dispatchPolicy", "aging", "afterMin"], maxPriority, report);
  if (maxPriority > 0 && aging.highestPriority >= maxPriority) {
    report(["dispatchPolicy", "aging", "highestPriority"], `must be above (a smaller number than) the least urgent priority the demand can draw (${maxPriority}), or no call can rise, got ${aging.highestPriority}`);
  }
}

/** `cancellations`: priority keys, valid distributions, and a time for every priority with a share. */
function checkCancellations(input: NonNullable<ScenarioInput["cancellations"]>, maxPriority: number, report: Report): void {
  checkPriorityKeys(input.share, ["cancellations", "share"], maxPriority, report);
  const known = checkPriorityKeys(input.afterMin, ["cancellations", "afterMin"], maxPriority, report);
  for (const [key, spec] of Object.entries(input.afterMin)) if (known.includes(key)) checkDistribution(spec, ["cancellations", "afterMin", key], report);
  if (!("default" in input.afterMin)) {
    const missing = known.slice(1).filter((key) => !(key in input.afterMin));
    if (missing.length > 0) report(["cancellations", "afterMin"], `needs a time for every priority the demand can draw (a replay may mark any call cancelled), or a 'default': missing ${missing.join(", ")}`);
  }
}
