/**
 * One replication of one response model: build the streams for (seed, replication), run the
 * simulation until every call received in the horizon has ended, return the metric values.
 *
 * Streams depend on (seed, replication, purpose) only, never on the model, so every model of a
 * replication sees the same calls with the same draws (common random numbers).
 */
import { Simulation } from "../engine/simulation.js";
import { CallRandom } from "../random/call-random.js";
import { createStream } from "../random/streams.js";
import type { CallRecord } from "../metrics/call-record.js";
import { ReplicationRecorder, type MetricValues } from "../metrics/replication-recorder.js";
import { HistoricalCallSource } from "../streams/historical-source.js";
import { SyntheticCallSource } from "../streams/synthetic.js";
import { MergedCallSource, withLatentDemand } from "../streams/latent-demand.js";
import { RepeatCallerSource } from "../streams/repeat-callers.js";
import type { CallSource } from "../streams/call-source.js";
import type { ScenarioConfig } from "../system/config.js";
import { ResponseSystem } from "../system/response-system.js";
import { SimulationError } from "../system/simulation-error.js";
import { MINUTES_PER_DAY } from "../system/roster.js";
import { formatBytes } from "../streams/input-file.js";
import { ResourceError } from "./resource-error.js";
import { BYTES_PER_CALL_IN_SYSTEM, figure, maxCallsInSystem } from "./run-budget.js";

export interface ReplicationOptions {
  scenario: ScenarioConfig;
  modelIndex: number;
  replication: number;
  /** Receives every ended call (warm-up included), for tests and traces. */
  onCallEnd?: (record: CallRecord) => void;
  /** Replaces the scenario's call source (synthetic, or the replayed table), for tests. */
  source?: CallSource;
}

export interface ReplicationResult {
  values: MetricValues;
  /** Events the engine ran, for benchmarks. */
  events: number;
  callsReceived: number;
}

/** The measured window of a scenario: [warm-up end, warm-up end + horizon), minutes. */
export function measurementWindow(scenario: ScenarioConfig): { startMin: number; endMin: number } {
  const startMin = scenario.run.warmupDays * MINUTES_PER_DAY;
  return { startMin, endMin: startMin + scenario.run.horizonDays * MINUTES_PER_DAY };
}

/** The error for calls piling up past {@link maxCallsInSystem}: the scenario's demand and rosters, not a bug. */
function overloaded(scenario: ScenarioConfig, modelIndex: number, replication: number, calls: number, nowMin: number): ResourceError {
  const model = scenario.models[modelIndex].name;
  const demand = scenario.demand.historical === null ? `demand.callsPerDay (${figure(scenario.demand.callsPerDay)})` : "the replayed calls";
  return new ResourceError(
    `model '${model}', replication ${replication}: ${calls.toLocaleString("en-US")} calls were in the system at once on day ${(nowMin / MINUTES_PER_DAY).toFixed(2)}, ` +
      `the most resim lets one replication hold (about ${formatBytes(calls * BYTES_PER_CALL_IN_SYSTEM)} of memory): ${demand} far exceeds what models.${model}.staffing can serve; check the demand and the rosters`,
  );
}

/**
 * Runs one replication of one model. Throws SimulationError if a call is left unended, and
 * ResourceError when calls pile up past what memory can hold.
 */
export function runReplication(options: ReplicationOptions): ReplicationResult {
  const { scenario, modelIndex, replication } = options;
  const { seed } = scenario.run;
  const window = measurementWindow(scenario);
  const simulation = new Simulation();
  const historical = scenario.demand.historical;
  const baseSource =
    options.source ??
    (historical
      ? // A replay takes arrivals and attributes from the table; per-call seeds still vary by replication.
        new HistoricalCallSource({
          file: historical.file,
          timeZeroSec: historical.timeZeroSec,
          endMin: window.endMin,
          categories: scenario.demand.categories.map((c) => c.name),
          observedOnScene: historical.observedOnScene,
          seeds: createStream(seed, replication, "call-seeds"),
          zones: scenario.geography?.zones ?? null,
        })
      : new SyntheticCallSource(
          scenario.demand,
          {
            arrivals: createStream(seed, replication, "arrivals"),
            attributes: createStream(seed, replication, "call-attributes"),
            seeds: createStream(seed, replication, "call-seeds"),
          },
          window.endMin,
        ));
  const withLatent = withLatentDemand(
    baseSource,
    scenario.demand,
    scenario.models[modelIndex].latentDemand,
    {
      arrivals: createStream(seed, replication, "latent-arrivals"),
      attributes: createStream(seed, replication, "latent-attributes"),
      seeds: createStream(seed, replication, "latent-seeds"),
    },
    window.endMin,
  );
  const repeat = scenario.repeatCallers;
  const source = repeat
    ? new MergedCallSource([
        withLatent,
        new RepeatCallerSource(
          repeat,
          {
            arrivals: createStream(seed, replication, "repeat-arrivals"),
            attributes: createStream(seed, replication, "repeat-attributes"),
            seeds: createStream(seed, replication, "repeat-seeds"),
          },
          window.endMin,
        ),
      ])
    : withLatent;
  const recorder = new ReplicationRecorder({
    windowStartMin: window.startMin,
    windowEndMin: window.endMin,
    maxPriority: scenario.maxPriority,
    priority1TargetMin: scenario.targets.priority1ResponseMin,
    zones: scenario.geography?.zones ?? [],
  });
  const extra = options.onCallEnd;
  // Demand far beyond what the units can serve piles calls up without end; stop before memory runs out.
  const limit = maxCallsInSystem();
  const guarded: CallSource = {
    next: (out) => {
      if (system.callsInSystem >= limit) throw overloaded(scenario, modelIndex, replication, system.callsInSystem, simulation.now);
      return source.next(out);
    },
  };
  const system: ResponseSystem = new ResponseSystem({
    scenario,
    model: scenario.models[modelIndex],
    simulation,
    source: guarded,
    random: new CallRandom(),
    onCallEnd: extra ? (call) => (recorder.record(call), extra(call)) : recorder.record,
    windowStartMin: window.startMin,
    windowEndMin: window.endMin,
    staffingStream: (unitType) => createStream(seed, replication, `vacancy/${unitType}`),
  });
  system.start();
  simulation.run();
  if (system.callsInSystem !== 0) {
    throw new SimulationError(
      `model '${scenario.models[modelIndex].name}', replication ${replication}: ${system.callsInSystem} call(s) never ended ` +
        `(a unit type in a 'send' list is never on duty?) at ${simulation.now.toFixed(1)} min`,
    );
  }
  system.closeIntegrals(Math.max(simulation.now, window.endMin));
  const values = recorder.finish(
    system.pools.map((pool) => ({
      name: pool.type.name,
      costPerHour: pool.type.costPerHour,
      outreach: pool.type.outreach !== null,
      busyMinutes: pool.busyMinutes,
      staffedMinutes: pool.staffedMinutes,
      busyMinutesByHour: pool.busyMinutesByHour,
      staffedMinutesByHour: pool.staffedMinutesByHour,
      busyMinutesBySlot: pool.busyMinutesBySlot,
      staffedMinutesBySlot: pool.staffedMinutesBySlot,
    })),
    system.hub?.time ?? null,
    { repeatCallsAvoided: system.care?.avoided ?? null, followUps: system.care?.followUps ?? null, followUpsConnected: system.care?.followUpsConnected ?? null },
  );
  return { values, events: simulation.eventCount, callsReceived: system.callsReceived };
}
