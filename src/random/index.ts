// Public surface of src/random: seeded streams, per-call substreams, and distributions of
// durations in minutes. Helpers not listed here (checks, cumulative tables) are internal.

export type { Rng, Uint32Rng } from "./rng.js";
export { createStream, createUint32Stream, streamKey } from "./streams.js";
export { CallRandom } from "./call-random.js";
export { standardNormalQuantile } from "./normal-quantile.js";
export { DistributionError, type Distribution } from "./distribution.js";
export { Categorical, type CategoricalParameters } from "./categorical.js";
export { Exponential, exponential } from "./distributions/exponential.js";
export { Lognormal, lognormal, type LognormalParameters } from "./distributions/lognormal.js";
export { Gamma, gamma, type GammaParameters } from "./distributions/gamma.js";
export { Triangular, triangular } from "./distributions/triangular.js";
export { Uniform, uniform } from "./distributions/uniform.js";
export { Fixed, fixed } from "./distributions/fixed.js";
export { Empirical, empirical } from "./distributions/empirical.js";
export { makeDistribution, type DistributionSpec } from "./make-distribution.js";
