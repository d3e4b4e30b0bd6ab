/**
 * The assumptions table: the scenario's key parameters in words, with the citations its `sources`
 * map gives, computed when the run is made so that `resim report` needs only the run's folder.
 * Values come from the built configuration (after `--set` overrides), so the table shows what was
 * simulated. Figures that are spread over call categories are shown as the call-mix average.
 */
import { groupedNumber } from "../output/grouped-number.js";
import type { Distribution } from "../random/distribution.js";
import type { DispatchRule, ScenarioConfig, UnitTypeConfig } from "../system/config.js";
import { DISPOSITION_NAMES } from "../system/config.js";
import { attachSources, type AssumptionRow } from "./assumption-sources.js";
import type { Assumption } from "./summary-files.js";

const percent = (share: number) => `${Number((share * 100).toFixed(1))}%`;
const money = (amount: number) => `$${groupedNumber(amount, 2)}`;
const minutes = (value: number) => `${Number(value.toFixed(1))} min`;
const describe = (distribution: Distribution) => `mean ${minutes(distribution.mean)}; ${distribution.toString()}`;

/** The key parameters of the models `modelIndices` of `config`, with their sources. */
export function scenarioAssumptions(config: ScenarioConfig, modelIndices: readonly number[]): Assumption[] {
  const rows: AssumptionRow[] = [
    { parameter: "targets.priority1ResponseMin", label: "Response target for priority-1 calls", value: minutes(config.targets.priority1ResponseMin) },
    ...demandRows(config),
    ...config.unitTypes.flatMap((type) => unitTypeRows(config, type)),
    ...outcomeRows(config),
    ...modelIndices.flatMap((m) => modelRows(config, m)),
  ];
  return attachSources(rows, config.sources);
}

function demandRows(config: ScenarioConfig): AssumptionRow[] {
  const { categories, hourOfWeekFactor } = config.demand;
  const byCategory = (value: (c: (typeof categories)[number]) => number) => categories.map((c) => `${c.name} ${percent(value(c))}`).join(", ");
  const bhShare = categories.reduce((sum, c) => sum + c.share * c.behavioralHealthProbability, 0);
  const priorityShares = new Map<number, number>();
  for (const c of categories) {
    c.priority.items.forEach((p, i) => priorityShares.set(p, (priorityShares.get(p) ?? 0) + c.share * c.priority.probabilities[i]));
  }
  // The week's 168 hourly factors (mean 1) averaged by clock hour and by day give the two profiles.
  const hourOfDay = Array.from({ length: 24 }, (_, h) => mean(Array.from({ length: 7 }, (_, d) => hourOfWeekFactor[24 * d + h])));
  const dayOfWeek = Array.from({ length: 7 }, (_, d) => mean(hourOfWeekFactor.slice(24 * d, 24 * d + 24)));
  const priorities = [...priorityShares.entries()].sort((a, b) => a[0] - b[0]).map(([p, share]) => `P${p} ${percent(share)}`);
  return [
    { parameter: "demand.callsPerDay", label: "Dispatched calls per day (average)", value: groupedNumber(config.demand.callsPerDay) },
    { parameter: "demand.hourOfDay", label: "Calls by hour of day", value: peakAndTrough(hourOfDay, "hour") },
    { parameter: "demand.dayOfWeek", label: "Calls by day of week", value: peakAndTrough(dayOfWeek, "day") },
    { parameter: "demand.categories.*.share", label: "Call mix (share of calls by category)", value: byCategory((c) => c.share) },
    { parameter: "demand.categories.*.priorityShares", label: "Priority mix of all calls (1 = most urgent)", value: priorities.join(", ") },
    {
      parameter: "demand.categories.*.behavioralHealth",
      label: "Calls with a behavioral-health need, by category",
      value: `${byCategory((c) => c.behavioralHealthProbability)}; ${percent(bhShare)} of all calls`,
    },
    { parameter: "demand.categories.*.weapon", label: "Calls with a weapon or violence risk, by category", value: byCategory((c) => c.weaponProbability) },
  ];
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function peakAndTrough(factors: readonly number[], unit: "hour" | "day"): string {
  if (factors.every((f) => Math.abs(f - 1) < 1e-9)) return `the same in every ${unit}`;
  return `busiest ${unit} ${Math.max(...factors).toFixed(2)}x the average rate, quietest ${Math.min(...factors).toFixed(2)}x`;
}

function unitTypeRows(config: ScenarioConfig, type: UnitTypeConfig): AssumptionRow[] {
  const path = `unitTypes.${type.name}`;
  const crew = Object.entries(type.crew)
    .filter(([, count]) => count > 0)
    .map(([role, count]) => `${count} ${role}${count > 1 ? "s" : ""}`)
    .join(", ");
  // Call-mix averages: each category weighted by its share of all calls.
  const shares = config.demand.categories.map((c) => c.share);
  const onSceneMean = type.onSceneMin.reduce((sum, d, c) => sum + shares[c] * d.mean, 0);
  const dispositionShare = (name: (typeof DISPOSITION_NAMES)[number]) => {
    const index = DISPOSITION_NAMES.indexOf(name);
    return type.disposition.reduce((sum, d, c) => {
      const i = d.items.indexOf(index);
      return sum + (i < 0 ? 0 : shares[c] * d.probabilities[i]);
    }, 0);
  };
  const rows: AssumptionRow[] = [
    { parameter: `${path}.crew`, label: `${type.name}: crew`, value: crew || "none" },
    { parameter: `${path}.costPerHour`, label: `${type.name}: cost per paid unit-hour`, value: money(type.costPerHour) },
    { parameter: `${path}.travelMin`, label: `${type.name}: travel time to the scene`, value: type.travelMin ? describe(type.travelMin) : "none" },
    { parameter: `${path}.onSceneMin`, label: `${type.name}: time on scene`, value: `mean ${minutes(onSceneMean)} over the call mix; by category in the scenario file` },
    {
      parameter: `${path}.dispositions`,
      label: `${type.name}: how calls end (over the call mix)`,
      value: DISPOSITION_NAMES.map((name) => `${name} ${percent(dispositionShare(name))}`).join(", "),
    },
  ];
  if (type.backup) {
    const send = type.backup.send.map((t) => config.unitTypes[t].name).join(" or ");
    rows.push({ parameter: `${path}.backup`, label: `${type.name}: police backup requested`, value: `${percent(type.backup.share)} of its calls (${send}, priority ${type.backup.priority})` });
  }
  return rows;
}

function outcomeRows(config: ScenarioConfig): AssumptionRow[] {
  return DISPOSITION_NAMES.flatMap((name, index): AssumptionRow[] => {
    const outcome = config.outcomes[index];
    if (outcome.cost === 0 && outcome.holdMin === null) return [];
    const hold = outcome.holdMin ? `; unit held ${describe(outcome.holdMin)}` : "";
    return [{ parameter: `outcomes.${name}`, label: `Outcome ${name}: cost and unit time after the scene`, value: `${money(outcome.cost)}${hold}` }];
  });
}

function modelRows(config: ScenarioConfig, modelIndex: number): AssumptionRow[] {
  const model = config.models[modelIndex];
  const path = `models.${model.name}`;
  const rows: AssumptionRow[] = [];
  model.rosters.forEach((roster, t) => {
    if (roster === null) return;
    const type = config.unitTypes[t].name;
    const perDay = roster.unitHoursPerWeek / 7;
    const range = `${Math.min(...roster.units)} to ${roster.maxUnits} on duty`;
    rows.push({ parameter: `${path}.staffing.${type}`, label: `${model.name}: ${type} staffing`, value: `${groupedNumber(Number(perDay.toFixed(1)))} unit-hours a day (${range})` });
  });
  if (model.hub) {
    const { staff, costPerHour } = model.hub;
    const seatHoursPerDay = staff.unitHoursPerWeek / 7;
    const constant = staff.units.every((u) => u === staff.units[0]);
    const seats = (n: number) => `${n} seat${n === 1 ? "" : "s"}`;
    rows.push(
      {
        parameter: `${path}.hub.staff`,
        label: `${model.name}: hub triage staff`,
        value: constant
          ? `${seats(staff.units[0])} on duty around the clock (${Number(seatHoursPerDay.toFixed(1))} seat-hours a day)`
          : `${groupedNumber(Number(seatHoursPerDay.toFixed(1)))} seat-hours a day (${Math.min(...staff.units)} to ${staff.maxUnits} on duty)`,
      },
      {
        parameter: `${path}.hub.costPerHour`,
        label: `${model.name}: hub cost per staffed seat-hour`,
        value: `${money(costPerHour)} (${money(Math.round(seatHoursPerDay * 365 * costPerHour))} a year for the rostered seats)`,
      },
      { parameter: `${path}.hub.triageMin`, label: `${model.name}: hub triage time`, value: describe(model.hub.triageMin) },
      { parameter: `${path}.hub.phoneResolution`, label: `${model.name}: triaged calls resolved by phone`, value: percent(model.hub.phoneResolution) },
    );
  }
  model.rules.forEach((rule, i) => {
    rows.push({ parameter: `${path}.dispatch.${i}`, label: `${model.name}: dispatch rule ${i + 1}`, value: describeRule(config, rule, i) });
  });
  return rows;
}

/** "Calls with a behavioral-health need, no weapon, priority 2-4: hub triage, then outreach-team (65% of calls; waits up to 20 min), then patrol". */
function describeRule(config: ScenarioConfig, rule: DispatchRule, index: number): string {
  const name = (t: number) => config.unitTypes[t].name;
  const conditions: string[] = [];
  if (rule.behavioralHealth !== null) conditions.push(rule.behavioralHealth ? "with a behavioral-health need" : "without a behavioral-health need");
  if (rule.weapon !== null) conditions.push(rule.weapon ? "weapon risk" : "no weapon");
  if (rule.priorities) conditions.push(`priority ${[...rule.priorities].sort((a, b) => a - b).join(", ")}`);
  if (rule.categories) conditions.push(`category ${[...rule.categories].sort((a, b) => a - b).map((c) => config.demand.categories[c].name).join(", ")}`);
  const which = conditions.length > 0 ? `Calls ${conditions.join(", ")}` : index === 0 ? "Every call" : "Every other call";
  const steps: string[] = [];
  if (rule.viaHub) steps.push("hub triage");
  rule.send.forEach((t, i) => {
    const notes: string[] = [];
    if (i === 0 && rule.uptake < 1) notes.push(`${percent(rule.uptake)} of calls`);
    if (i < rule.send.length - 1) notes.push(rule.fallbackAfterMin > 0 ? `waits up to ${minutes(rule.fallbackAfterMin)}` : "only if one is free");
    steps.push(notes.length > 0 ? `${name(t)} (${notes.join("; ")})` : name(t));
  });
  const idle = rule.ifIdle.length > 0 ? `; an idle ${rule.ifIdle.map(name).join(" or ")} unit takes it when none is free` : "";
  return `${which}: ${steps.join(", then ")}${idle}`;
}
