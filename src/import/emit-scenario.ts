/**
 * From history to a what-if model: a synthetic scenario fitted to an import (calls per day,
 * hour-of-day and day-of-week profiles, category and priority mix, flag rates), with the unit
 * types, outcomes and response models of a template scenario (Riverton by default) and its
 * rosters scaled to the city's call volume. The user edits it from there.
 */
import { relative, dirname } from "node:path";
import { Document, visit, isScalar, isSeq, isMap } from "yaml";
import { readScenarioFile, validateScenario } from "../scenario/load.js";
import { ScenarioError } from "../scenario/errors.js";
import { formatCivilDate, SECONDS_PER_DAY, weekday } from "../streams/civil-time.js";
import { measuredKeys } from "./emit-measures.js";
import type { ImportTally } from "./import-tally.js";
import type { Mapping } from "./mapping.js";

/** What a fitted scenario is made from, and where it goes. */
export interface EmitOptions {
  tally: ImportTally;
  mapping: Mapping;
  exportFile: string;
  /** Scenario whose unit types, outcomes and models are reused. */
  templateFile: string;
  /** Where the scenario will be written (for the header's schema path). */
  outFile: string;
  /** The package's schema/scenario.schema.json. */
  schemaFile: string;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** The fitted scenario as YAML text. Throws ScenarioError if the result does not validate. */
export function fittedScenario(options: EmitOptions): string {
  const { tally, mapping } = options;
  // JSON round trip: YAML aliases (&patrol-roster) become separate objects, so scaling one roster never scales another.
  const template = JSON.parse(JSON.stringify(readScenarioFile(options.templateFile))) as Record<string, any>;
  const firstDay = Math.floor(tally.firstSec / SECONDS_PER_DAY);
  const lastDay = Math.floor(tally.lastSec / SECONDS_PER_DAY);
  const days = lastDay - firstDay + 1;
  const callsPerDay = round(tally.kept / days, 1);
  const ratio = callsPerDay / Number(template.demand?.callsPerDay ?? callsPerDay);

  const dayOfWeekCalls = new Array<number>(7).fill(0);
  const dayOfWeekDays = new Array<number>(7).fill(0);
  for (let day = firstDay; day <= lastDay; day++) {
    dayOfWeekCalls[weekday(day)] += tally.callsByDay.get(day) ?? 0;
    dayOfWeekDays[weekday(day)]++;
  }
  // A weekday the import never saw (an import shorter than a week) gets the average weight, not 0.
  const seen = dayOfWeekDays.filter((d) => d > 0).length;
  const perWeekday = dayOfWeekCalls.map((n, i) => (dayOfWeekDays[i] === 0 ? NaN : n / dayOfWeekDays[i]));
  const meanWeekday = perWeekday.reduce((a, b) => a + (Number.isNaN(b) ? 0 : b), 0) / seen;
  const meanHour = tally.kept / 24;
  const templateCategories = Object.keys(template.demand?.categories ?? {});
  const names = [...new Set([...templateCategories, ...tally.categories.keys()])];
  const maxPriority = Math.max(
    ...[...tally.categories.values()].map((c) => c.byPriority.length),
    ...Object.values<any>(template.demand?.categories ?? {}).map((c) => c.priorityShares?.length ?? 0),
  );
  const overall = new Array<number>(maxPriority).fill(0);
  for (const c of tally.categories.values()) c.byPriority.forEach((n, i) => (overall[i] += n));
  const shares = (counts: readonly number[], total: number) => Array.from({ length: maxPriority }, (_, i) => round((counts[i] ?? 0) / total, 4));
  const categories = Object.fromEntries(
    names.map((name) => {
      const c = tally.categories.get(name);
      if (c === undefined) return [name, { share: 0, priorityShares: shares(overall, tally.kept), behavioralHealth: 0, weapon: 0 }];
      return [name, { share: round(c.calls / tally.kept, 4), priorityShares: shares(c.byPriority, c.calls), behavioralHealth: round(c.behavioralHealth / c.calls, 3), weapon: round(c.weapon / c.calls, 3) }];
    }),
  );

  for (const model of Object.values<any>(template.models ?? {})) {
    for (const shifts of Object.values<any>(model.staffing ?? {})) {
      for (const shift of shifts) shift.units = shift.units > 0 ? Math.max(1, Math.round(shift.units * ratio)) : 0;
    }
  }
  const span = `${formatCivilDate(firstDay)} to ${formatCivilDate(lastDay)}`;
  const fitted = `resim import of ${options.exportFile} (mapping ${mapping.name}): ${tally.kept} calls, ${span}`;
  const sources = Object.fromEntries(
    Object.entries<string>(template.sources ?? {})
      .filter(([key]) => !key.startsWith("demand."))
      .map(([key, value]) => [key, key.startsWith("models.") && key.includes(".staffing") ? `${value}; scaled x${ratio.toFixed(2)} to ${callsPerDay} calls/day by resim import` : value]),
  );
  const measured = measuredKeys(tally.measures, mapping, new Set(names), template);
  const scenario = {
    ...template,
    ...measured.keys,
    name: mapping.name,
    description: `Synthetic model of ${mapping.name} fitted to ${tally.kept} imported calls (${span}); unit types, outcomes and models from ${options.templateFile}, rosters scaled to the call volume.`,
    demand: {
      callsPerDay,
      hourOfDay: tally.callsByHour.map((n) => round(n / meanHour, 3)),
      dayOfWeek: perWeekday.map((n) => (Number.isNaN(n) ? 1 : round(n / meanWeekday, 3))),
      categories,
    },
    sources: {
      "demand.callsPerDay": `${fitted}: calls / ${days} days`,
      "demand.hourOfDay": `${fitted}: calls by hour / mean`,
      "demand.dayOfWeek": `${fitted}: mean calls per weekday / mean`,
      "demand.categories": `${fitted}: category shares, priorities${tally.exportPriorities === tally.kept ? " (export)" : " (taxonomy defaults)"}, flag rates from the taxonomy ${mapping.taxonomy.files[0]}`,
      ...Object.fromEntries(Object.keys(measured.keys).map((key) => [key === "intake" ? "intake.codedAs" : key, `${fitted}: measured (see the file's header)`])),
      ...sources,
    },
  };
  delete (scenario as Record<string, unknown>).$schema;
  try {
    validateScenario(JSON.parse(JSON.stringify(scenario)), options.outFile);
  } catch (error) {
    if (error instanceof ScenarioError) {
      throw new ScenarioError(options.outFile, error.issues.map((i) => ({ ...i, message: `${i.message} (in the scenario fitted with template ${options.templateFile})` })));
    }
    throw error;
  }
  return header(options, ratio, callsPerDay, days, measured.comments) + toYaml(scenario);
}

function header(options: EmitOptions, ratio: number, callsPerDay: number, days: number, measured: readonly string[]): string {
  const schema = relative(dirname(options.outFile), options.schemaFile).split("\\").join("/");
  return [
    `# yaml-language-server: $schema=${schema}`,
    "#",
    `# Written by resim import --emit-scenario from ${options.exportFile} (mapping ${options.mapping.name}).`,
    `# Demand is fitted to the ${options.tally.kept} imported calls over ${days} days: ${callsPerDay} calls/day, hour-of-day and`,
    "# day-of-week profiles (relative weights, mean 1), each category's share, priority mix and flag rates.",
    `# Unit types, outcomes and response models are ${options.templateFile}'s; every roster's units were scaled by`,
    `# ${ratio.toFixed(3)} (this city's calls per day over the template's), rounded, at least 1 where the template had any.`,
    "# Check them against the city's real staffing, then edit: this is a starting point, not a calibrated model.",
    ...(measured.length > 0 ? ["#", ...measured] : []),
    "",
  ].join("\n");
}

function toYaml(value: unknown): string {
  const document = new Document(value);
  // Lists of numbers and small all-scalar maps (shifts, distributions) read best on one line.
  visit(document, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
    Map(_, node) {
      if (node.items.length > 0 && node.items.length <= 6 && node.items.every((pair) => isScalar(pair.value) || (isSeq(pair.value) && pair.value.items.every(isScalar)))) {
        if (!node.items.some((pair) => isMap(pair.value))) node.flow = true;
      }
    },
  });
  return document.toString({ lineWidth: 0 });
}
