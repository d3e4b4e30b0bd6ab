/**
 * Before a run starts: how long it will take and how much memory it will hold, so that a typo
 * (`callsPerDay: 1e12`, a roster of 1e9 units, `--replications 1e9`, `--days 1e9`) is refused in
 * a second with the figure and the scenario key behind it, instead of filling a shared machine's
 * memory or running for years. SQLite and git refuse what exceeds a stated limit the same way.
 *
 * What grows, measured on the 2-core reference machines (see README, "Limits"):
 * - time: calls simulated (the horizon, the demand, replications x models), unit shift changes
 *   (each unit put on or off duty is a step), and a fixed cost per (model, replication) for its
 *   metrics (summaries, CSV rows);
 * - memory: not the horizon (metrics are online), but the units one replication makes (each an
 *   object), every (model, replication)'s metric values held for the summary, and calls waiting at
 *   once when demand exceeds capacity (guarded while running: {@link maxCallsInSystem}).
 * The constants are conservative (estimates err towards longer and larger).
 */
import { availableParallelism } from "node:os";
import { getHeapStatistics } from "node:v8";
import { metricDefinitions } from "../metrics/definitions.js";
import { groupedNumber } from "../output/grouped-number.js";
import { formatBytes } from "../streams/input-file.js";
import type { ScenarioConfig } from "../system/config.js";
import type { Roster } from "../system/roster.js";
import { MINUTES_PER_DAY, MINUTES_PER_WEEK } from "../system/roster.js";
import { ResourceError } from "./resource-error.js";

/** Calls one worker simulates per second: measured 240,000-360,000 (Riverton variants), 600,000 (M/M/10); halved and more for busy machines. */
export const CALLS_PER_SECOND = 100_000;
/** Units put on or off duty per second (measured about 10 million). */
export const UNIT_CHANGES_PER_SECOND = 2_000_000;
/** Seconds per metric value of a (model, replication): summarizing and writing it (measured 40 microseconds). */
export const SECONDS_PER_METRIC_VALUE = 50e-6;
/** Memory per unit made in a replication (measured 170 bytes). */
export const BYTES_PER_UNIT = 250;
/** Memory per metric value held until the summary is written (measured 600-900 bytes). */
export const BYTES_PER_METRIC_VALUE = 1_000;
/** Memory per call in the system at once (measured 460 bytes). */
export const BYTES_PER_CALL_IN_SYSTEM = 600;
/** Share of the JavaScript heap limit that a run may plan to fill. */
const HEAP_SHARE = 0.75;
/** Runs estimated longer than this are refused unless allowed (`--allow-long`). */
export const MAX_ESTIMATED_SECONDS = 24 * 3600;
/** Runs estimated longer than this have their estimate printed. */
export const SHOW_ESTIMATE_SECONDS = 60;

/** One experiment of a run: a scenario and the indices of the models it runs. */
export interface PlannedExperiment {
  config: ScenarioConfig;
  models: readonly number[];
}

/** What a run will take. */
export interface RunEstimate {
  seconds: number;
  /** Workers that can run at once (cores, tasks and --workers allowing). */
  workers: number;
  tasks: number;
  calls: number;
  /** Memory the main thread holds for the results, and the most one replication's units take. */
  resultBytes: number;
  unitBytes: number;
  /** What the run may plan to use: a share of the JavaScript heap limit. */
  memoryBudgetBytes: number;
  /** The largest part of the time, in words naming the scenario keys behind it. */
  timeReason: string;
}

/** The estimate for `experiments` on `workers` threads. */
export function estimateRun(experiments: readonly PlannedExperiment[], workers: number): RunEstimate {
  let tasks = 0;
  let calls = 0;
  let seconds = 0;
  let resultBytes = 0;
  let unitBytes = 0;
  let worst = { seconds: -1, reason: "" };
  const points = experiments.length;
  for (const { config, models } of experiments) {
    const { replications, horizonDays, warmupDays } = config.run;
    const days = horizonDays + warmupDays;
    const metrics = metricDefinitions(config).length;
    const callsEach = callsPerReplication(config);
    const perValue = replications * models.length * metrics;
    resultBytes += perValue * BYTES_PER_METRIC_VALUE;
    tasks += replications * models.length;
    calls += replications * models.length * callsEach;
    let changes = 0;
    for (const m of models) {
      const rosters = modelRosters(config, m);
      unitBytes = Math.max(unitBytes, rosters.reduce((sum, r) => sum + peak(r.roster), 0) * BYTES_PER_UNIT);
      changes += rosters.reduce((sum, r) => sum + changesPerWeek(r.roster), 0) * Math.ceil((days * MINUTES_PER_DAY) / MINUTES_PER_WEEK);
    }
    const parts = [
      { seconds: (replications * models.length * callsEach) / CALLS_PER_SECOND, reason: `${figure(callsEach)} calls a replication (${callSource(config)} x ${figure(days)} days: run.warmupDays + run.horizonDays)` },
      { seconds: (replications * changes) / UNIT_CHANGES_PER_SECOND, reason: `${figure(changes)} unit shift changes a replication (the models' staffing rosters over ${figure(days)} days)` },
      { seconds: perValue * SECONDS_PER_METRIC_VALUE, reason: `${metrics} metrics to summarize for each model and replication` },
    ];
    const total = parts.reduce((sum, p) => sum + p.seconds, 0);
    seconds += total;
    const main = parts.reduce((a, b) => (b.seconds > a.seconds ? b : a));
    if (total > worst.seconds) {
      const scale = `${points > 1 ? `${points} points x ` : ""}${figure(replications)} replication(s) (run.replications) x ${models.length} model(s)`;
      worst = { seconds: total, reason: `${scale}, with ${main.reason}` };
    }
  }
  const parallel = Math.max(1, Math.min(Math.floor(workers), tasks, availableParallelism()));
  return {
    seconds: seconds / parallel,
    workers: parallel,
    tasks,
    calls,
    resultBytes,
    unitBytes,
    memoryBudgetBytes: getHeapStatistics().heap_size_limit * HEAP_SHARE,
    timeReason: worst.reason,
  };
}

/** Refuses a run that cannot fit in memory, or that would run too long unless `allowLong`. Throws ResourceError. */
export function checkRunBudget(estimate: RunEstimate, experiments: readonly PlannedExperiment[], allowLong = false): void {
  const budget = estimate.memoryBudgetBytes;
  const limit = `${formatBytes(budget)} this process may use (${HEAP_SHARE * 100}% of its JavaScript heap limit; raise it with NODE_OPTIONS=--max-old-space-size=MB)`;
  if (estimate.unitBytes > budget) {
    const { key, units } = largestRoster(experiments);
    throw new ResourceError(
      `${key} puts up to ${figure(units)} units on duty at once: about ${formatBytes(estimate.unitBytes)} of memory for one replication's units, more than the ${limit}`,
    );
  }
  if (estimate.resultBytes > budget) {
    const { config, models } = experiments[0];
    const metrics = metricDefinitions(config).length;
    throw new ResourceError(
      `run.replications is ${figure(config.run.replications)}: ${experiments.length > 1 ? `${experiments.length} points x ` : ""}that many replications x ${models.length} model(s) x ${metrics} metrics ` +
        `would hold about ${formatBytes(estimate.resultBytes)} of results, more than the ${limit}`,
    );
  }
  if (estimate.seconds > MAX_ESTIMATED_SECONDS && !allowLong) {
    throw new ResourceError(
      `this run would take about ${formatDuration(estimate.seconds)} (${describeRate(estimate)}): ${estimate.timeReason}. ` +
        `resim refuses runs estimated over ${formatDuration(MAX_ESTIMATED_SECONDS)}: lower these values, or pass --allow-long to run it anyway`,
    );
  }
}

/** "estimated at 100,000 calls/s per worker on 2 workers" */
export function describeRate(estimate: RunEstimate): string {
  return `estimated at ${groupedNumber(CALLS_PER_SECOND)} calls/s per worker on ${estimate.workers} worker(s)`;
}

/**
 * The most calls one replication may hold at once before it is stopped: a quarter of this
 * thread's heap limit (each worker has its own, and two workers may overflow at once), at
 * {@link BYTES_PER_CALL_IN_SYSTEM} each: about 1.8 million calls with the default 4 GiB heap,
 * three times a city-year's calls, all waiting at once.
 */
export function maxCallsInSystem(): number {
  return Math.floor((getHeapStatistics().heap_size_limit * 0.25) / BYTES_PER_CALL_IN_SYSTEM);
}

/** Calls a replication of `config` receives: the demand over warm-up and horizon (replays stop at the table's end). */
function callsPerReplication(config: ScenarioConfig): number {
  const days = config.run.horizonDays + config.run.warmupDays;
  const historical = config.demand.historical;
  const demandDays = historical === null ? days : Math.min(days, historical.spanDays);
  // Latent demand adds at most its share of the behavioral-health calls, counted here on all calls.
  const latent = Math.max(0, ...config.models.map((m) => m.latentDemand));
  const repeat = config.repeatCallers === null ? 0 : config.repeatCallers.people * config.repeatCallers.ratePerMin * MINUTES_PER_DAY * days;
  return config.demand.callsPerDay * demandDays * (1 + latent) + repeat;
}

function callSource(config: ScenarioConfig): string {
  if (config.demand.historical !== null) return `the replayed table's ${Math.round(config.demand.callsPerDay)} calls per day (demand.historical.file)`;
  return `demand.callsPerDay ${figure(config.demand.callsPerDay)}${config.repeatCallers === null ? "" : " and repeatCallers"}`;
}

/** The rosters of a model by where their units are made (unit types by slot, and the hub's staff), with their keys. */
function modelRosters(config: ScenarioConfig, m: number): { key: string; roster: Roster }[] {
  const model = config.models[m];
  const out: { key: string; roster: Roster }[] = [];
  model.staffingBySlot.forEach((groups, t) => {
    for (const group of groups ?? []) out.push({ key: `models.${model.name}.staffing.${config.unitTypes[t].name}`, roster: group.roster });
  });
  if (model.hub !== null) out.push({ key: `models.${model.name}.hub.staff`, roster: model.hub.staff });
  return out;
}

function peak(roster: Roster): number {
  return Math.max(0, ...roster.units);
}

/** Units put on or off duty in one week of a roster (it repeats weekly). */
function changesPerWeek(roster: Roster): number {
  const { units } = roster;
  let changes = 0;
  for (let i = 0; i < units.length; i++) changes += Math.abs(units[i] - units[(i + units.length - 1) % units.length]);
  return changes;
}

function largestRoster(experiments: readonly PlannedExperiment[]): { key: string; units: number } {
  let best = { key: "staffing", units: 0 };
  for (const { config, models } of experiments) {
    for (const m of models) for (const { key, roster } of modelRosters(config, m)) if (peak(roster) > best.units) best = { key, units: peak(roster) };
  }
  return best;
}

/** A count for a message: "1,234", "2.5e10". */
export function figure(value: number): string {
  if (Math.abs(value) >= 1e7) return value.toExponential(2).replace(/\.?0+e/, "e").replace("e+", "e");
  return groupedNumber(Number(value.toPrecision(4)));
}

/** "45 s", "12 min", "3.2 hours", "4.5 days", "3.1 years" */
export function formatDuration(seconds: number): string {
  const round = (value: number) => (value >= 1e6 ? value.toExponential(1) : value >= 100 ? groupedNumber(Math.round(value)) : Number(value.toFixed(1)).toString());
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${round(seconds / 3600)} hours`;
  if (seconds < 730 * 86400) return `${round(seconds / 86400)} days`;
  return `${round(seconds / (365.25 * 86400))} years`;
}
