// Named, seeded random streams: one independent stream per (seed, replication, purpose), so that
// every response model sees the same arrivals and call attributes (common random numbers), and
// adding a new purpose never shifts the draws of an existing one.
//
// Generator: Baagøe's Alea (2010), a multiply-with-carry generator with period ~2^116, reported
// to pass TestU01 BigCrush; seeded by hashing the key string with Baagøe's Mash, so keys that
// differ in one character give unrelated streams. Each output is k / 2^32 for an integer k, so
// values lie on a 2^-32 grid in [0, 1); exactly 0 is possible, 1 is not.

import seedrandom from "seedrandom";
import type { Rng, Uint32Rng } from "./rng.js";

/**
 * The string a stream is keyed on: `${seed}/${replication}/${name}`.
 *
 * The two numeric fields cannot contain "/", so distinct triples always give distinct keys even
 * when `name` itself contains "/".
 *
 * @param seed - the experiment's master seed; a safe integer (may be negative).
 * @param replication - replication index; a safe integer >= 0.
 * @param name - purpose of the stream, e.g. `"arrivals"`; a non-empty string.
 * @throws {RangeError} if an argument breaks the contract above.
 */
export function streamKey(seed: number, replication: number, name: string): string {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`stream: seed must be a safe integer, got ${String(seed)}`);
  }
  if (!Number.isSafeInteger(replication) || replication < 0) {
    throw new RangeError(
      `stream: replication must be a safe integer >= 0, got ${String(replication)}`,
    );
  }
  if (typeof name !== "string" || name.length === 0) {
    throw new RangeError(`stream: name must be a non-empty string, got ${JSON.stringify(name)}`);
  }
  // `+ 0` so that a seed of -0 keys the same stream as 0 (String(-0) is "0" anyway; explicit).
  return `${seed + 0}/${replication}/${name}`;
}

/**
 * A stream of uniforms on [0, 1) for one (seed, replication, purpose).
 *
 * Same arguments give the same sequence on every platform; different arguments give independent
 * sequences. The result is `seedrandom.alea(streamKey(seed, replication, name))`.
 *
 * @param seed - master seed, a safe integer.
 * @param replication - replication index, a safe integer >= 0.
 * @param name - purpose, a non-empty string (`"arrivals"`, `"call-attributes"`, ...).
 * @returns an {@link Rng} with 32 bits of resolution per draw.
 * @throws {RangeError} if an argument is invalid (see {@link streamKey}).
 */
export function createStream(seed: number, replication: number, name: string): Rng {
  const generator = seedrandom.alea(streamKey(seed, replication, name));
  // Return the bare generator function: it is already an allocation-free `() => number`.
  return generator;
}

/**
 * A stream of unsigned 32-bit integers (0 .. 2^32 - 1) for one (seed, replication, purpose);
 * used to draw the per-call seed for {@link CallRandom}.
 *
 * It is the same Alea sequence as `createStream` with the same arguments, scaled by 2^32, so give
 * it its own name (e.g. `"call-seeds"`) rather than sharing one with a uniform stream.
 *
 * @throws {RangeError} if an argument is invalid (see {@link streamKey}).
 */
export function createUint32Stream(seed: number, replication: number, name: string): Uint32Rng {
  const generator = seedrandom.alea(streamKey(seed, replication, name));
  // Alea's int32() is floor(u * 2^32) reinterpreted as signed; `>>> 0` makes it unsigned.
  return () => generator.int32() >>> 0;
}
