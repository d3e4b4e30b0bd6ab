/**
 * A call's travel, time on scene, disposition and hold draws, each `reset(call.seed, purpose)`
 * then one sample of the unit type's (or outcome's) distribution: a pure function of the call's
 * seed and the distribution. Models run side by side on the same calls (experiment/run-models.ts)
 * draw the same values for every call a unit of the same type serves, so the first model to draw
 * one keeps it, and the others read it back instead of drawing it again.
 *
 * What is kept is exactly what the draw returns, so a result never depends on whether a value was
 * drawn or read back. Each (distribution, purpose) has a small table indexed by the seed's low
 * bits (seeds are uniform 32-bit draws): a newer call in the same entry replaces the older one,
 * so memory is fixed; models that run side by side serve a call within a turn of each other.
 */
import type { CallRandom } from "../random/call-random.js";
import type { Rng } from "../random/rng.js";
import type { ScenarioConfig } from "./config.js";
import { PURPOSE } from "./purposes.js";

/** Anything a call draws with one `sample`: a distribution of minutes, or a categorical of indices. */
interface Sampler {
  sample(rng: Rng): number;
}

/** Entries of a slot's table (a power of two): far more than the calls one turn of the models serves. */
const SLOT_SIZE = 1024;

/** The draws of one (distribution, purpose), kept by seed when shared. */
export class DrawSlot {
  private readonly seeds: Float64Array | null;
  private readonly values: Float64Array | null;

  constructor(
    private readonly dist: Sampler,
    private readonly purpose: number,
    shared: boolean,
  ) {
    // -1 never equals a seed (an unsigned 32-bit integer): every entry starts empty.
    this.seeds = shared ? new Float64Array(SLOT_SIZE).fill(-1) : null;
    this.values = shared ? new Float64Array(SLOT_SIZE) : null;
  }

  /** The draw for the call whose seed is `seed`, from `random` (reset to the call's substream) or kept. */
  sample(seed: number, random: CallRandom): number {
    const seeds = this.seeds;
    if (seeds === null) {
      random.reset(seed, this.purpose);
      return this.dist.sample(random.next);
    }
    const i = seed & (SLOT_SIZE - 1);
    if (seeds[i] === seed) return this.values![i];
    random.reset(seed, this.purpose);
    const value = this.dist.sample(random.next);
    seeds[i] = seed;
    this.values![i] = value;
    return value;
  }
}

/**
 * The draws of a scenario's unit types and outcomes. One instance serves every model run side by
 * side in a thread (`shared`), or one model alone (nothing kept: each value is drawn).
 */
export class CallDraws {
  /** By unit type index: travel to the scene; null when the type has none. */
  readonly travel: readonly (DrawSlot | null)[];
  /** By unit type index, then category index: time on scene, and the disposition. */
  readonly onScene: readonly (readonly DrawSlot[])[];
  readonly disposition: readonly (readonly DrawSlot[])[];
  /** By disposition index: the hold after the scene; null when there is none. */
  readonly hold: readonly (DrawSlot | null)[];

  constructor(scenario: ScenarioConfig, shared: boolean) {
    this.travel = scenario.unitTypes.map((type) => (type.travelMin === null ? null : new DrawSlot(type.travelMin, PURPOSE.travel, shared)));
    this.onScene = scenario.unitTypes.map((type) => type.onSceneMin.map((dist) => new DrawSlot(dist, PURPOSE.onScene, shared)));
    this.disposition = scenario.unitTypes.map((type) => type.disposition.map((dist) => new DrawSlot(dist, PURPOSE.disposition, shared)));
    this.hold = scenario.outcomes.map((outcome) => (outcome.holdMin === null ? null : new DrawSlot(outcome.holdMin, PURPOSE.hold, shared)));
  }
}
