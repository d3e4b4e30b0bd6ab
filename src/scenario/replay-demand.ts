/**
 * A scenario whose demand replays a call table (`demand.historical`): where the table is, what
 * its scan found, how it lines up with the simulation clock, and the checks that relate it to the
 * rest of the scenario (cross-checks call them; build reads the same scan, which is cached).
 */
import { dirname, resolve } from "node:path";
import { scanCallTable, type CallTableScan } from "../streams/call-table-scan.js";
import { formatCivilDate, SECONDS_PER_DAY, WEEKDAY_NAMES } from "../streams/civil-time.js";
import { DataFileError } from "../streams/data-file-error.js";
import { replayClock, type ReplayClock } from "../streams/historical-source.js";
import type { KeyPath } from "./errors.js";
import { suggestion } from "./near-miss.js";
import type { ScenarioInput } from "./schema.js";

type Report = (path: KeyPath, message: string) => void;

/** A replayed table, scanned and aligned. */
export interface ReplayDemand {
  path: string;
  scan: CallTableScan;
  clock: ReplayClock;
}

/**
 * The call table a scenario names, relative to the scenario file (or the working folder when the
 * scenario has no file). Throws DataFileError when it cannot be read or is not a valid table.
 */
export function replayDemand(historicalFile: string, scenarioFile?: string): ReplayDemand {
  const path = scenarioFile === undefined ? resolve(historicalFile) : resolve(dirname(scenarioFile), historicalFile);
  const scan = scanCallTable(path);
  return { path, scan, clock: replayClock(scan.firstReceivedSec, scan.lastReceivedSec) };
}

/** The synthetic generator's fields, which a replay must leave out. */
const SYNTHETIC_DEMAND = ["callsPerDay", "hourOfDay", "dayOfWeek"] as const;
const SYNTHETIC_CATEGORY = ["share", "priorityShares", "behavioralHealth", "weapon"] as const;

/**
 * Checks a replay scenario's demand; returns the table's highest priority (0 when the table cannot
 * be read, which is reported).
 */
export function checkReplayDemand(scenario: ScenarioInput, scenarioFile: string | undefined, report: Report): number {
  const demand = scenario.demand;
  const historical = demand.historical!;
  for (const key of SYNTHETIC_DEMAND) {
    if (demand[key] !== undefined) report(["demand", key], "must be left out when demand.historical replays a call table: the calls come from the table");
  }
  for (const [name, category] of Object.entries(demand.categories)) {
    for (const key of SYNTHETIC_CATEGORY) {
      if (category[key] !== undefined) {
        report(["demand", "categories", name, key], "must be left out when demand.historical replays a call table: priorities and flags come from the table (write the category as `name: {}`)");
      }
    }
  }
  let replay: ReplayDemand;
  try {
    replay = replayDemand(historical.file, scenarioFile);
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error;
    const hint = error.problem.includes("no such file") ? "; write it first with `resim import EXPORT --profile CITY --out FILE`" : "";
    report(["demand", "historical", "file"], `names a call table that cannot be used: ${error.message}${hint}`);
    return 0;
  }
  const { scan, clock } = replay;
  const names = Object.keys(demand.categories);
  for (const [name, tally] of scan.categories) {
    if (!names.includes(name)) {
      report(["demand", "categories"], `must list every category of the call table: '${name}' (${historical.file} line ${tally.firstLine}) is missing${suggestion(name, names)}`);
    }
  }
  if (historical.onScene === "observed" && scan.onSceneCalls === 0) {
    report(["demand", "historical", "onScene"], `cannot be 'observed': ${historical.file} has no observed time on scene (no call with both arrived_min and cleared_min)`);
  }
  const warmup = scenario.run.warmupDays;
  const firstDay = Math.floor(scan.firstReceivedSec / SECONDS_PER_DAY);
  const dayZero = firstDay - clock.firstCallDay;
  if (warmup < clock.firstCallDay) {
    report(
      ["run", "warmupDays"],
      `must be at least ${clock.firstCallDay} for this replay: day 0 is Monday ${formatCivilDate(dayZero)} and the first call is on day ${clock.firstCallDay} ` +
        `(${WEEKDAY_NAMES[clock.firstCallDay]} ${formatCivilDate(firstDay)}), so earlier days would be measured with no calls; got ${warmup}`,
    );
  } else if (warmup >= clock.spanDays) {
    report(["run", "warmupDays"], `must be less than the ${clock.spanDays} days the call table spans from day 0 (Monday ${formatCivilDate(dayZero)}), got ${warmup}`);
  }
  return scan.maxPriority;
}

/** A category as the generator's fields describe it; for a replay, measured on the table. */
export interface CategoryFigures {
  share: number;
  priorityShares: number[];
  behavioralHealth: number;
  weapon: number;
}

/**
 * What a replayed table's calls look like, in the generator's terms: each category's share,
 * priority mix and flag rates, calls per day and the hour-of-week profile (mean 1). Reports
 * describe a replay's demand with these; the replay itself never draws from them.
 */
export function describeReplay(replay: ReplayDemand, categoryNames: readonly string[]): { categories: CategoryFigures[]; callsPerDay: number; hourOfWeekFactor: number[] } {
  const { scan, clock } = replay;
  const categories = categoryNames.map((name): CategoryFigures => {
    const tally = scan.categories.get(name);
    if (tally === undefined) return { share: 0, priorityShares: [1], behavioralHealth: 0, weapon: 0 };
    return {
      share: tally.calls / scan.calls,
      priorityShares: tally.byPriority.map((n) => n / tally.calls),
      behavioralHealth: tally.behavioralHealth / tally.calls,
      weapon: tally.weapon / tally.calls,
    };
  });
  const meanPerHour = scan.calls / 168;
  return {
    categories,
    callsPerDay: scan.calls / (clock.spanDays - clock.firstCallDay),
    hourOfWeekFactor: scan.hourOfWeekCalls.map((n) => n / meanPerHour),
  };
}
