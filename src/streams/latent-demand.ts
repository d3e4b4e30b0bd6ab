/**
 * Latent demand: behavioral-health calls that would not have been made to police but are made
 * once a trusted alternative exists. They come from their own streams, so the base calls, and
 * every other model's calls, are untouched (common random numbers hold for the shared calls).
 */
import { Categorical } from "../random/categorical.js";
import type { DemandConfig } from "../system/config.js";
import type { CallArrival, CallSource } from "./call-source.js";
import { emptyArrival } from "./call-source.js";
import { SyntheticCallSource, type SyntheticStreams } from "./synthetic.js";

/**
 * The demand of the extra calls: `share` times the base behavioral-health volume, with the same
 * time profile, categories weighted by their behavioral-health share, every call flagged.
 */
export function latentDemandConfig(base: DemandConfig, share: number): DemandConfig {
  const weights = base.categories.map((c) => c.share * c.behavioralHealthProbability);
  const bhShare = weights.reduce((a, b) => a + b, 0);
  return {
    ...base,
    callsPerDay: share * base.callsPerDay * bhShare,
    categories: base.categories.map((c) => ({ ...c, behavioralHealthProbability: 1 })),
    category: new Categorical({ items: base.categories.map((_, i) => i), weights: bhShare > 0 ? weights : weights.map(() => 1) }),
    historical: null,
  };
}

/** Two time-ordered sources as one; at equal times the first source's call comes first. */
export class MergedCallSource implements CallSource {
  private readonly heads: [CallArrival, CallArrival] = [emptyArrival(), emptyArrival()];
  private readonly live: [boolean, boolean];

  constructor(private readonly sources: readonly [CallSource, CallSource]) {
    this.live = [sources[0].next(this.heads[0]), sources[1].next(this.heads[1])];
  }

  next(out: CallArrival): boolean {
    const [a, b] = this.live;
    if (!a && !b) return false;
    const pick = !b || (a && this.heads[0].timeMin <= this.heads[1].timeMin) ? 0 : 1;
    Object.assign(out, this.heads[pick]);
    this.live[pick] = this.sources[pick].next(this.heads[pick]);
    return true;
  }
}

/** The base source plus the latent calls, or the base source alone when `share` is 0. */
export function withLatentDemand(base: CallSource, demand: DemandConfig, share: number, streams: SyntheticStreams, endMin: number): CallSource {
  if (share <= 0) return base;
  return new MergedCallSource([base, new SyntheticCallSource(latentDemandConfig(demand, share), streams, endMin)]);
}
