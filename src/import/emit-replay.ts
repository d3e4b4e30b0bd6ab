/**
 * From an export to a baseline to calibrate: the fitted scenario turned into a replay of the table
 * just written, so that `resim import --emit-replay` then `resim calibrate` is the whole path. The
 * unit types, models, processing delay, cancellations and units per call stay the fitted
 * scenario's; only the demand becomes the table, so arrivals are the city's own calls.
 */
import { dirname, relative } from "node:path";
import { parse, stringify } from "yaml";
import { validateScenario } from "../scenario/load.js";
import { formatCivilDate, SECONDS_PER_DAY } from "../streams/civil-time.js";
import { replayClock } from "../streams/historical-source.js";
import type { ImportTally } from "./import-tally.js";

/** A week of real calls warms the system up when the table is long enough to keep a measured period after it. */
const WARM_UP_CALL_DAYS = 7;

export interface ReplayOptions {
  /** The fitted scenario's YAML text (fittedScenario's output). */
  fittedText: string;
  tally: ImportTally;
  /** The call table written by this import. */
  tableFile: string;
  /** Where the replay scenario will be written. */
  outFile: string;
  exportFile: string;
}

/** The replay scenario as YAML text. Throws ScenarioError if it does not validate (a bug: the parts did). */
export function replayScenario(options: ReplayOptions): string {
  const { tally } = options;
  const scenario = parse(options.fittedText) as Record<string, any>;
  const clock = replayClock(tally.firstSec, tally.lastSec);
  const afterFirst = clock.spanDays - clock.firstCallDay;
  // Short tables keep at least a week measured: the warm-up then ends on the first call's day.
  const warmupDays = clock.firstCallDay + (afterFirst - WARM_UP_CALL_DAYS >= 7 ? WARM_UP_CALL_DAYS : 0);
  const dayZero = formatCivilDate(Math.floor(clock.timeZeroSec / SECONDS_PER_DAY));
  scenario.name = `${scenario.name}-replay`;
  scenario.description = `${options.exportFile} replayed call by call against the fitted models; calibrate it with resim calibrate`;
  scenario.run = { ...scenario.run, warmupDays, horizonDays: clock.spanDays - warmupDays };
  scenario.demand = {
    historical: { file: relative(dirname(options.outFile), options.tableFile) || options.tableFile },
    categories: Object.fromEntries(Object.keys(scenario.demand?.categories ?? {}).map((name) => [name, {}])),
  };
  for (const key of Object.keys(scenario.sources ?? {})) if (key.startsWith("demand.")) delete scenario.sources[key];
  validateScenario(scenario, options.outFile);
  const { $schema, ...rest } = scenario;
  const header = [
    ...($schema === undefined ? [] : [`# yaml-language-server: $schema=${$schema}`]),
    `# Written by resim import --emit-replay from ${options.exportFile}: the fitted scenario, replaying the`,
    `# imported table instead of drawing calls. Day 0 is Monday ${dayZero}; the first call is on day ${clock.firstCallDay};`,
    `# warm-up ${warmupDays} days, then ${clock.spanDays - warmupDays} days measured. Rosters are scaled guesses:`,
    `# run resim calibrate on this file to fit them, the processing delay and travel to the observed response times.`,
  ];
  return `${header.join("\n")}\n${stringify($schema === undefined ? rest : { $schema, ...rest })}`;
}
