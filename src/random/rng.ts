/**
 * The random source every sampler in resim takes as an argument (d3-random's `.source(rng)`
 * habit): randomness is injected, never read from a global.
 *
 * Contract: each call returns a number uniformly distributed on [0, 1): 0 is possible, 1 never
 * is. Sources built by {@link createStream} and {@link CallRandom} honour this; samplers guard
 * their outputs so that a source that breaks it fails loudly instead of silently skewing a run.
 */
export type Rng = () => number;

/**
 * A source of unsigned 32-bit integers, uniform on 0 .. 2^32 - 1 (inclusive); used to draw the
 * per-call seeds handed to {@link CallRandom.reset}.
 */
export type Uint32Rng = () => number;
