/**
 * What a replayed city actually did, read from the call table: for the calls received in the
 * measured period, the observed response time (received -> first unit arrived), overall and by
 * the table's priority whatever its source (the export's own priorities, or the taxonomy's when
 * the export has none: `prioritySource` says which), and the observed received -> dispatched
 * times that suggest a call-processing delay.
 */
import { QuantileSketch } from "../metrics/quantile-sketch.js";
import { formatCivilDate, SECONDS_PER_DAY } from "../streams/civil-time.js";
import { emptyCallTableRow, parseCallTableLine } from "../streams/call-table.js";
import { simulationMinutes } from "../streams/historical-source.js";
import { LineReader } from "../streams/line-reader.js";
import type { ScenarioConfig } from "../system/config.js";
import { measurementWindow } from "./run-replication.js";

/** Observed times of the measured period's calls. */
export interface ObservedResponse {
  /** The call table (absolute path). */
  file: string;
  /** Response times of calls with an observed arrival. */
  overall: QuantileSketch;
  /** By priority (index p - 1), the table's priority whatever its source. */
  byPriority: QuantileSketch[];
  /** Where the priorities came from: "export", "taxonomy", or "mixed". */
  prioritySource: "export" | "taxonomy" | "mixed" | "none";
  /** Received -> dispatched, every call with a dispatch time. */
  dispatchDelay: QuantileSketch;
  /** Received -> dispatched of the calls with an observed arrival (the calls compared). */
  measuredDispatchDelay: QuantileSketch;
  /** Received -> dispatched by priority (index p - 1). */
  dispatchDelayByPriority: QuantileSketch[];
  /** Received -> queued by priority (index p - 1), when the export has a queued time. */
  queuedDelayByPriority: QuantileSketch[];
  /** Dispatched -> arrived, every priority. */
  travel: QuantileSketch;
  /** Dispatched -> arrived by priority (index p - 1): travel, with any delay before the unit set off. */
  travelByPriority: QuantileSketch[];
  /** Observed arrived -> cleared, when the export has both. */
  onScene: QuantileSketch;
  /** Calls received in the measured period (with an arrival or not). */
  calls: number;
  /** Civil dates (YYYY-MM-DD) of the first and last call received in the measured period; "" when none. */
  firstDate: string;
  lastDate: string;
}

function at(list: QuantileSketch[], priority: number): QuantileSketch {
  while (list.length < priority) list.push(new QuantileSketch());
  return list[priority - 1];
}

/** Reads the replayed table's observed times for calls received in the measured period; null when the scenario does not replay a table. */
export function observedResponse(config: ScenarioConfig): ObservedResponse | null {
  const historical = config.demand.historical;
  if (historical === null) return null;
  const { startMin, endMin } = measurementWindow(config);
  const observed: ObservedResponse = {
    file: historical.file,
    overall: new QuantileSketch(),
    byPriority: [],
    prioritySource: "none",
    dispatchDelay: new QuantileSketch(),
    measuredDispatchDelay: new QuantileSketch(),
    dispatchDelayByPriority: [],
    queuedDelayByPriority: [],
    travel: new QuantileSketch(),
    travelByPriority: [],
    onScene: new QuantileSketch(),
    calls: 0,
    firstDate: "",
    lastDate: "",
  };
  let exportPriorities = 0;
  let firstSec = NaN;
  let lastSec = NaN;
  const reader = new LineReader(historical.file);
  const row = emptyCallTableRow();
  try {
    reader.next();
    // The table was validated when the scenario was loaded; a line that no longer parses is skipped here.
    for (let line = reader.next(); line !== null; line = reader.next()) {
      if (parseCallTableLine(line, row) !== null) continue;
      const timeMin = simulationMinutes(row.receivedSec, historical.timeZeroSec);
      if (timeMin < startMin) continue;
      if (timeMin >= endMin) break;
      observed.calls++;
      if (row.prioritySource === "export") exportPriorities++;
      if (Number.isNaN(firstSec)) firstSec = row.receivedSec;
      lastSec = row.receivedSec;
      if (row.dispatchedMin >= 0) {
        observed.dispatchDelay.add(row.dispatchedMin);
        at(observed.dispatchDelayByPriority, row.priority).add(row.dispatchedMin);
      }
      if (row.dispatchedMin >= 0 && row.arrivedMin >= row.dispatchedMin) {
        observed.travel.add(row.arrivedMin - row.dispatchedMin);
        at(observed.travelByPriority, row.priority).add(row.arrivedMin - row.dispatchedMin);
      }
      if (row.queuedMin >= 0) at(observed.queuedDelayByPriority, row.priority).add(row.queuedMin);
      if (row.clearedMin >= row.arrivedMin) observed.onScene.add(row.clearedMin - row.arrivedMin);
      if (!(row.arrivedMin >= 0)) continue;
      observed.overall.add(row.arrivedMin);
      if (row.dispatchedMin >= 0) observed.measuredDispatchDelay.add(row.dispatchedMin);
      at(observed.byPriority, row.priority).add(row.arrivedMin);
    }
  } finally {
    reader.close();
  }
  if (observed.calls > 0) {
    observed.prioritySource = exportPriorities === observed.calls ? "export" : exportPriorities === 0 ? "taxonomy" : "mixed";
    observed.firstDate = formatCivilDate(Math.floor(firstSec / SECONDS_PER_DAY));
    observed.lastDate = formatCivilDate(Math.floor(lastSec / SECONDS_PER_DAY));
  }
  return observed;
}

/** Where the priorities compared by priority come from, for a table's note. */
export function prioritySourceNote(source: ObservedResponse["prioritySource"]): string {
  switch (source) {
    case "export":
      return "priorities are the export's own";
    case "taxonomy":
      return "the export has no priority column: priorities are the taxonomy's, by call type";
    case "mixed":
      return "priorities are the export's where it has one, the taxonomy's elsewhere";
    default:
      return "no calls";
  }
}
