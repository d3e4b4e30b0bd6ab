/**
 * The beta distribution's CDF (the regularized incomplete beta function I_x(a, b)) and its
 * inverse, for drawing uncertain shares. I_x is evaluated by Lentz's continued fraction
 * (Numerical Recipes, 3rd ed., §6.4), with the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) where the
 * fraction converges slowly; the inverse by bisection safeguarded Newton steps, to 1e-12.
 */

/** ln Γ(x), Lanczos approximation (g = 7, n = 9), accurate to about 1e-15 for x > 0. */
export function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0];
  for (let i = 1; i < 9; i++) sum += c[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

function continuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h;
}

/** P(X <= x) for X ~ Beta(a, b), a, b > 0. */
export function betaCdf(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * continuedFraction(x, a, b)) / a : 1 - (front * continuedFraction(1 - x, b, a)) / b;
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
