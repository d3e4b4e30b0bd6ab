/**
 * A city's time zone (IANA name, e.g. America/Los_Angeles), for two jobs at the import boundary:
 * turning instants (epoch or ISO timestamps with an offset) into the city's wall clock, and
 * measuring elapsed time between wall-clock timestamps across a DST change.
 *
 * Offsets come from the platform's Intl time-zone data and are cached per 15 minutes of UTC time
 * (every real zone changes offset on a quarter hour), so a year of calls asks Intl at most about
 * 35,000 times.
 */
const BLOCK_SECONDS = 900;
const HALF_DAY_SECONDS = 14 * 3600;

/** One IANA time zone, with cached offsets (see the file header). */
export class TimeZone {
  private readonly format: Intl.DateTimeFormat | null;
  private readonly offsets = new Map<number, number>();

  /** @throws RangeError if `name` is not a time zone the platform knows */
  constructor(readonly name: string) {
    const format = new Intl.DateTimeFormat("en-US", {
      timeZone: name,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    this.format = format.resolvedOptions().timeZone === "UTC" ? null : format;
  }

  /** True for names the platform accepts as a time zone. */
  static isValid(name: string): boolean {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: name });
      return true;
    } catch {
      return false;
    }
  }

  /** The zone's offset from UTC (local minus UTC), seconds, at a UTC instant (seconds since 1970). */
  offsetAtUtc(utcSec: number): number {
    if (this.format === null) return 0;
    const block = Math.floor(utcSec / BLOCK_SECONDS);
    let offset = this.offsets.get(block);
    if (offset === undefined) {
      offset = this.computeOffset(block * BLOCK_SECONDS);
      this.offsets.set(block, offset);
    }
    return offset;
  }

  /** Wall-clock (civil) seconds of a UTC instant. */
  civilFromUtc(utcSec: number): number {
    return utcSec + this.offsetAtUtc(utcSec);
  }

  /**
   * The UTC instant of a wall-clock time. When the clock repeats an hour (DST ends), the earlier
   * instant; when it skips one (DST starts), the time is read with the offset before the change.
   */
  utcFromCivil(civilSec: number): number {
    if (this.format === null) return civilSec;
    const before = this.offsetAtUtc(civilSec - HALF_DAY_SECONDS);
    const after = this.offsetAtUtc(civilSec + HALF_DAY_SECONDS);
    // No change within half a day either side (nearly every call): both tries below give this.
    if (before === after) return civilSec - before;
    // A larger offset means an earlier instant for the same wall-clock time.
    const first = Math.max(before, after);
    if (this.civilFromUtc(civilSec - first) === civilSec) return civilSec - first;
    const second = Math.min(before, after);
    if (this.civilFromUtc(civilSec - second) === civilSec) return civilSec - second;
    return civilSec - before;
  }

  private computeOffset(utcSec: number): number {
    const parts = this.format!.formatToParts(new Date(utcSec * 1000));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const civil = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) / 1000;
    return civil - utcSec;
  }
}
