/**
 * Potential calls from a population of frequent callers: each person calls as a Poisson process
 * at their base rate, so together they form one Poisson stream with the person drawn uniformly.
 * Whether a potential call is actually made depends on whether that person has been connected to
 * care, which only the response system knows; it thins the stream with the call's own uniform,
 * so the same potential calls face every model (common random numbers).
 */
import type { Rng } from "../random/rng.js";
import type { RepeatCallersConfig } from "../system/config.js";
import type { CallArrival, CallSource } from "./call-source.js";
import type { SyntheticStreams } from "./synthetic.js";

export class RepeatCallerSource implements CallSource {
  private timeMin = 0;

  constructor(
    private readonly config: RepeatCallersConfig,
    private readonly streams: SyntheticStreams,
    private readonly endMin: number,
  ) {}

  next(out: CallArrival): boolean {
    const { people, ratePerMin, category, priority } = this.config;
    const time = this.timeMin - Math.log(1 - this.streams.arrivals()) / (people * ratePerMin);
    if (time >= this.endMin) return false;
    this.timeMin = time;
    const attributes: Rng = this.streams.attributes;
    out.timeMin = time;
    out.caller = Math.min(people - 1, Math.floor(attributes() * people));
    out.category = category;
    out.priority = priority.sample(attributes);
    out.behavioralHealth = true;
    out.weapon = false;
    out.seed = (this.streams.seeds() * 4294967296) >>> 0;
    return true;
  }
}
