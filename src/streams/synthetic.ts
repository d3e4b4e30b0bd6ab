/**
 * Synthetic calls: a non-homogeneous Poisson process whose rate is constant within each hour of
 * the week, and independent call attributes drawn per category.
 *
 * Arrival times are drawn by inversion of the cumulative rate (Cinlar's method): one unit-mean
 * exponential per call, walked across hour blocks, so the number of uniforms used per call never
 * depends on the rate profile and every replication stays in step.
 */
import type { Rng } from "../random/rng.js";
import type { CategoryConfig, DemandConfig } from "../system/config.js";
import type { CallArrival, CallSource } from "./call-source.js";

const MINUTES_PER_HOUR = 60;
const HOURS_PER_WEEK = 168;

/** Streams the synthetic generator draws from: one per purpose. */
export interface SyntheticStreams {
  /** Inter-arrival draws. */
  arrivals: Rng;
  /** Category, priority and flag draws. */
  attributes: Rng;
  /** Uniforms turned into each call's 32-bit substream seed. */
  seeds: Rng;
}

export class SyntheticCallSource implements CallSource {
  /** Calls per minute in each hour of the week. */
  private readonly ratePerMin: Float64Array;
  private timeMin: number;
  /** Expected calls in one week: the cumulative rate over a whole period. */
  private readonly weekMass: number;
  /** The rate when it is the same in every hour (no profile): inter-arrival times are then plain exponentials. */
  private readonly constantRatePerMin: number | null;
  /**
   * The scenario's categories in a plain array: the configuration's is frozen, and V8 reads an
   * element of a frozen array through a generic keyed-load stub (about twice as slow), once a call.
   */
  private readonly categories: CategoryConfig[];

  /**
   * @param demand the scenario's demand
   * @param streams the replication's random streams
   * @param endMin no call is received at or after this time, minutes
   */
  constructor(
    private readonly demand: DemandConfig,
    private readonly streams: SyntheticStreams,
    private readonly endMin: number,
    startMin = 0,
  ) {
    this.ratePerMin = Float64Array.from(demand.hourOfWeekFactor, (f) => (f * demand.callsPerDay) / 1440);
    this.timeMin = startMin;
    this.weekMass = this.ratePerMin.reduce((sum, rate) => sum + rate * MINUTES_PER_HOUR, 0);
    this.constantRatePerMin = this.ratePerMin.every((rate) => rate === this.ratePerMin[0]) ? this.ratePerMin[0] : null;
    this.categories = [...demand.categories];
  }

  next(out: CallArrival): boolean {
    const time = this.nextTime();
    if (time >= this.endMin) return false;
    this.timeMin = time;
    const { attributes } = this.streams;
    const categoryIndex = this.demand.category.sample(attributes);
    const category = this.categories[categoryIndex];
    out.timeMin = time;
    out.category = categoryIndex;
    out.priority = category.priority.sample(attributes);
    // Flags draw only when they can be true, so a scenario without them uses no uniforms.
    out.behavioralHealth = category.behavioralHealthProbability > 0 && attributes() < category.behavioralHealthProbability;
    out.weapon = category.weaponProbability > 0 && attributes() < category.weaponProbability;
    out.seed = (this.streams.seeds() * 4294967296) >>> 0;
    return true;
  }

  /** Time of the next arrival after the current one: invert the piecewise-constant cumulative rate. */
  private nextTime(): number {
    const rates = this.ratePerMin;
    // -log(1-u) is a unit-mean exponential; 1-u avoids log(0) since u is in [0,1).
    let remaining = -Math.log(1 - this.streams.arrivals());
    let time = this.timeMin;
    if (this.weekMass === 0) return Infinity;
    // Without a profile the walk below reduces to one division.
    if (this.constantRatePerMin !== null) return time + remaining / this.constantRatePerMin;
    if (remaining >= this.weekMass) {
      const weeks = Math.floor(remaining / this.weekMass);
      remaining -= weeks * this.weekMass;
      time += weeks * HOURS_PER_WEEK * MINUTES_PER_HOUR;
    }
    for (;;) {
      if (time >= this.endMin) return Infinity;
      const hourIndex = Math.floor(time / MINUTES_PER_HOUR);
      const rate = rates[hourIndex % HOURS_PER_WEEK];
      const blockEnd = (hourIndex + 1) * MINUTES_PER_HOUR;
      const blockMass = rate * (blockEnd - time);
      if (remaining < blockMass) return time + remaining / rate;
      remaining -= blockMass;
      time = blockEnd;
    }
  }
}
