/**
 * The beta distribution's CDF (the regularized incomplete beta function I_x(a, b)) and its
 * inverse, for drawing uncertain shares. I_x is evaluated by Lentz's continued fraction
 * (Numerical Recipes, 3rd ed., §6.4), with the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) where the
 * fraction converges slowly; the inverse by bisection safeguarded Newton steps, to 1e-12.
 */
import { betaContinuedFraction, logGamma } from "./incomplete-beta.js";

/** P(X <= x) for X ~ Beta(a, b), a, b > 0. */
export function betaCdf(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(x, 1 - x, a, b)) / a : 1 - (front * betaContinuedFraction(1 - x, x, b, a)) / b;
}

/** The x with P(X <= x) = p for X ~ Beta(a, b); p in [0, 1]. */
export function betaQuantile(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let low = 0;
  let high = 1;
  let x = a / (a + b);
  const logNorm = logGamma(a + b) - logGamma(a) - logGamma(b);
  for (let i = 0; i < 200; i++) {
    const f = betaCdf(x, a, b) - p;
    if (Math.abs(f) < 1e-13) break;
    if (f > 0) high = x;
    else low = x;
    const density = Math.exp(logNorm + (a - 1) * Math.log(x) + (b - 1) * Math.log(1 - x));
    let next = x - f / density;
    // Newton when it stays inside the bracket, else bisection: never diverges near 0 or 1.
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (Math.abs(next - x) < 1e-15) {
      x = next;
      break;
    }
    x = next;
  }
  return x;
}
