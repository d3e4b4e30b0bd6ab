/**
 * Historical calls: a CallSource that replays a call table (see call-table.ts) at its observed
 * times, lazily. `next()` is synchronous, so the table is read through a LineReader (a 64 KB
 * buffer over the file descriptor), one line per call: memory stays flat whatever the file's
 * size, and calls are fed one at a time, never all scheduled at time zero.
 *
 * This is the boundary where a call's received time becomes simulation minutes, and only here:
 * minute 0 is `timeZeroSec` on the city's wall clock (00:00 of the Monday on or before the first
 * call, see `replayClock`). Every row is validated again as it is read, with its line number.
 *
 * Arrivals, categories, priorities and flags are the table's, identical in every replication;
 * only each call's 32-bit substream seed comes from the replication's "call-seeds" stream, so
 * service, travel and outcome draws vary between replications and match across models.
 */
import type { Rng } from "../random/rng.js";
import type { CallArrival, CallSource } from "./call-source.js";
import { emptyCallTableRow } from "./call-table.js";
import { checkHeader, readRow } from "./call-table-scan.js";
import { SECONDS_PER_DAY, weekday } from "./civil-time.js";
import { DataFileError } from "./data-file-error.js";
import { LineReader } from "./line-reader.js";

/** How a replay is aligned with the simulation clock. */
export interface ReplayClock {
  /** Civil seconds of simulation minute 0: 00:00 of the Monday on or before the first call. */
  timeZeroSec: number;
  /** Day (0 = time zero) of the first call. */
  firstCallDay: number;
  /** Days from time zero to the end of the last call's day. */
  spanDays: number;
}

/** The replay clock for a table whose calls run from `firstSec` to `lastSec` (civil seconds). */
export function replayClock(firstSec: number, lastSec: number): ReplayClock {
  const firstDay = Math.floor(firstSec / SECONDS_PER_DAY);
  const monday = firstDay - weekday(firstDay);
  const timeZeroSec = monday * SECONDS_PER_DAY;
  return {
    timeZeroSec,
    firstCallDay: firstDay - monday,
    spanDays: Math.floor((lastSec - timeZeroSec) / SECONDS_PER_DAY) + 1,
  };
}

/** Simulation minutes of a call received at `civilSec` (the one conversion from city clock to simulation time). */
export function simulationMinutes(civilSec: number, timeZeroSec: number): number {
  return (civilSec - timeZeroSec) / 60;
}

/** What a replay source reads and how it aligns it with the simulation. */
export interface HistoricalSourceOptions {
  /** The call table (absolute path, or relative to the working folder). */
  file: string;
  /** Civil seconds of simulation minute 0. */
  timeZeroSec: number;
  /** No call is received at or after this time, minutes. */
  endMin: number;
  /** The scenario's category names, in index order. */
  categories: readonly string[];
  /** Hand each call's observed time on scene (cleared - arrived) to the response system. */
  observedOnScene: boolean;
  /** The replication's stream for per-call seeds. */
  seeds: Rng;
  /**
   * The scenario's zone names (with `geography`): a call whose beat or zone is one of them is
   * placed there; any other is left for the response system to draw from the zone shares.
   */
  zones?: readonly string[] | null;
}

/** Replays a call table lazily (see the file header). */
export class HistoricalCallSource implements CallSource {
  private readonly reader: LineReader;
  private readonly row = emptyCallTableRow();
  private readonly categoryIndex: ReadonlyMap<string, number>;
  private readonly zoneIndex: ReadonlyMap<string, number> | null;
  private previousSec = -Infinity;
  private done = false;

  /** Opens the table and checks its header. Throws DataFileError. */
  constructor(private readonly options: HistoricalSourceOptions) {
    this.reader = new LineReader(options.file);
    checkHeader(this.reader, options.file);
    this.categoryIndex = new Map(options.categories.map((name, index) => [name, index]));
    this.zoneIndex = options.zones ? new Map(options.zones.map((name, index) => [name, index])) : null;
  }

  next(out: CallArrival): boolean {
    if (this.done) return false;
    const line = this.reader.next();
    if (line === null) return this.finish();
    const { row, options } = this;
    // The text columns (zone among them) are parsed only when zones are used: they cost time.
    readRow(line, row, options.file, this.reader.lineNumber, this.previousSec, this.zoneIndex !== null);
    this.previousSec = row.receivedSec;
    const timeMin = simulationMinutes(row.receivedSec, options.timeZeroSec);
    if (timeMin >= options.endMin) return this.finish();
    const category = this.categoryIndex.get(row.category);
    if (category === undefined) {
      throw new DataFileError(options.file, this.reader.lineNumber, "category", `names '${row.category}', which is not one of the scenario's categories (${options.categories.join(", ")})`);
    }
    out.timeMin = timeMin;
    out.category = category;
    out.priority = row.priority;
    out.behavioralHealth = row.behavioralHealth;
    out.weapon = row.weapon;
    out.seed = (options.seeds() * 4294967296) >>> 0;
    out.observedOnSceneMin = options.observedOnScene ? row.clearedMin - row.arrivedMin : NaN;
    out.observedResponseMin = row.arrivedMin;
    out.zone = this.zoneIndex?.get(row.zone) ?? -1;
    // The observed outcome and unit count, where the table has them (the scenario decides whether they are used).
    out.cancelled = row.cancelled;
    out.cancelledAfterMin = row.cancelled === true ? row.clearedMin : NaN;
    out.units = row.units;
    return true;
  }

  private finish(): false {
    this.done = true;
    this.reader.close();
    return false;
  }
}
