/**
 * The regularized incomplete beta function's pieces, shared by Student's t quantile
 * (metrics/student-t.ts) and the beta distribution of uncertain inputs (beta-quantile.ts).
 */
import { gammaln } from "simple-statistics";

/** Relative tolerance for the continued fraction of the incomplete beta function. */
const CONTINUED_FRACTION_TOLERANCE = 1e-16;
/** A safety cap: in the regions used here the fraction converges in fewer than 50 terms. */
const CONTINUED_FRACTION_MAX_ITERATIONS = 10_000;
/** Guards Lentz's algorithm against division by zero (Numerical Recipes' FPMIN). */
const TINY = 1e-300;

/** ln Γ(½) = ln √π. */
export const LOG_GAMMA_HALF = 0.5 * Math.log(Math.PI);

/**
 * Continued fraction for I_x(a, b) by the modified Lentz algorithm (Numerical Recipes `betacf`),
 * given x and 1 − x.
 */
export function betaContinuedFraction(x: number, oneMinusX: number, a: number, b: number): number {
  const sum = a + b;
  const aPlusOne = a + 1;
  const aMinusOne = a - 1;
  let c = 1;
  // The first denominator 1 − (a+b)x/(a+1) cancels badly when x is near 1 (large ν, moderate t);
  // there the equal form ((1 − b) + (a+b)(1 − x))/(a+1) is used instead.
  let d = x <= 0.5 ? 1 - (sum * x) / aPlusOne : (1 - b + sum * oneMinusX) / aPlusOne;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= CONTINUED_FRACTION_MAX_ITERATIONS; m++) {
    const twoM = 2 * m;
    // Even step: d_{2m} = m(b − m)x / ((a − 1 + 2m)(a + 2m)).
    let coefficient = (m * (b - m) * x) / ((aMinusOne + twoM) * (a + twoM));
    d = 1 + coefficient * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + coefficient / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    // Odd step: d_{2m+1} = −(a + m)(a + b + m)x / ((a + 2m)(a + 1 + 2m)).
    coefficient = (-(a + m) * (sum + m) * x) / ((a + twoM) * (aPlusOne + twoM));
    d = 1 + coefficient * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + coefficient / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < CONTINUED_FRACTION_TOLERANCE) return h;
  }
  return h;
}

/**
 * ln Γ(x) for x > 0. simple-statistics' `gammaln` is Godfrey's Lanczos series (g = 607/128,
 * 15 terms), accurate to about 1e-15 for x >= 1; below 1 the recurrence
 * ln Γ(x) = ln Γ(x + 1) − ln x moves the argument into that range.
 */
export function logGamma(x: number): number {
  if (x === 0.5) return LOG_GAMMA_HALF;
  if (x < 1) return gammaln(x + 1) - Math.log(x);
  return gammaln(x);
}
