// Parameter checks shared by the distributions, so every message has the same shape:
// `<kind>: <parameter> must be <expectation>, got <found>` (esbuild `common.ts` habit).
// Internal to src/random: not re-exported from the index.

import { DistributionError } from "./distribution.js";

/** Renders a found value for an error message: numbers plainly, strings quoted. */
export function describeValue(value: unknown): string {
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined || typeof value === "function" || typeof value === "symbol") {
    return String(value);
  }
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}

/**
 * Returns `value` if it is a finite number satisfying `accept`, otherwise throws
 * `DistributionError("<kind>: <name> must be a finite number <expectation>, got <value>")`.
 */
export function requireFinite(
  kind: string,
  name: string,
  value: unknown,
  accept: (x: number) => boolean,
  expectation: string,
): number {
  if (typeof value !== "number" || !Number.isFinite(value) || !accept(value)) {
    throw new DistributionError(
      `${kind}: ${name} must be a finite number ${expectation}, got ${describeValue(value)}`,
    );
  }
  // `+ 0` turns -0 into 0 so that printed parameters and samples never show "-0".
  return value + 0;
}

/** `requireFinite` with `>= 0`. */
export function requireNonNegative(kind: string, name: string, value: unknown): number {
  return requireFinite(kind, name, value, (x) => x >= 0, ">= 0");
}

/** `requireFinite` with `> 0`. */
export function requirePositive(kind: string, name: string, value: unknown): number {
  return requireFinite(kind, name, value, (x) => x > 0, "> 0");
}

/** The error a sampler throws when a draw is not a finite number >= 0 (Ciw's habit). */
export function invalidTimeSampled(label: string, value: number): DistributionError {
  return new DistributionError(`${label}: invalid time sampled: ${describeValue(value)}`);
}

/** The error a sampler throws when its random source returned something outside [0, 1). */
export function invalidUniform(label: string, value: number): DistributionError {
  return new DistributionError(
    `${label}: invalid uniform drawn: ${describeValue(value)}, expected a number in [0, 1)`,
  );
}

/** Throws unless `p` is a number in [0, 1]; used by every `quantile`. */
export function requireProbability(label: string, p: number): void {
  if (!(p >= 0 && p <= 1)) {
    throw new DistributionError(
      `${label}: p must be a number in [0, 1], got ${describeValue(p)}`,
    );
  }
}

/** Throws unless `params` is a non-null object; guards callers that bypass the types. */
export function requireObject(kind: string, params: unknown, expected: string): void {
  if (typeof params !== "object" || params === null || Array.isArray(params)) {
    throw new DistributionError(
      `${kind}: expected parameters ${expected}, got ${describeValue(params)}`,
    );
  }
}
