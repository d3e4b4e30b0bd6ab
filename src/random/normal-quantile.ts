// Inverse CDF of the standard normal distribution, Φ⁻¹(p).
//
// Wichura, M. J. (1988), "Algorithm AS 241: The Percentage Points of the Normal Distribution",
// Applied Statistics 37(3): 477–484, routine PPND16: rational approximations accurate to about
// 1e-16 relative, in three regions (|p − 0.5| <= 0.425; then r = sqrt(−ln(min(p, 1 − p))) <= 5;
// then beyond). Same coefficients as Python's `statistics.NormalDist.inv_cdf` and R's `qnorm`.
//
// Samplers use it to turn exactly one uniform into one normal deviate, so every lognormal draw
// consumes a fixed, predictable number of uniforms (unlike Box–Muller or the polar method).

/**
 * Φ⁻¹(p): the standard normal quantile.
 *
 * Math-function contract (like `Math.log`): it never throws.
 *
 * @param p - a probability in [0, 1].
 * @returns the z with Φ(z) = p; `-Infinity` for p = 0, `Infinity` for p = 1, `NaN` when `p` is
 *   NaN or outside [0, 1].
 */
export function standardNormalQuantile(p: number): number {
  const q = p - 0.5;
  // 85% of uniforms land in the central region: its formula stays in this small function, which
  // V8 inlines into the samplers, and the tails (a logarithm and a square root) are a call.
  if (Math.abs(q) <= 0.425) {
    // Central region: r = 0.425² − q².
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r +
          67265.770927008700853) * r +
          45921.953931549871457) * r +
          13731.693765509461125) * r +
          1971.5909503065514427) * r +
          133.14166789178437745) * r +
          3.387132872796366608)) /
      (((((((5226.495278852854561 * r + 28729.085735721942674) * r +
        39307.89580009271061) * r +
        21213.794301586595867) * r +
        5394.1960214247511077) * r +
        687.1870074920579083) * r +
        42.313330701600911252) * r +
        1)
    );
  }
  return tailQuantile(p, q);
}

/** Φ⁻¹(p) for |p − 1/2| > 0.425 (or p NaN), `q` being p − 1/2: AS 241's two outer regions. */
function tailQuantile(p: number, q: number): number {
  let r = q < 0 ? p : 1 - p;
  if (!(r > 0)) {
    // p is 0 or 1 (the formula would give Infinity / Infinity), or outside [0, 1] or NaN.
    return r === 0 ? (q < 0 ? -Infinity : Infinity) : NaN;
  }
  r = Math.sqrt(-Math.log(r));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x =
      (((((((0.0007745450142783414076 * r + 0.02272384498926918458) * r +
        0.2417807251774506117) * r +
        1.2704582524523683826) * r +
        3.647848324763204605) * r +
        5.769497221460691405) * r +
        4.6303378461565452959) * r +
        1.4234371107496835773) /
      (((((((1.05075007164441684324e-9 * r + 0.0005475938084995344946) * r +
        0.01519866656361645719) * r +
        0.14810397642748007459) * r +
        0.68976733498510000455) * r +
        1.6763848301838038494) * r +
        2.0531916266377588219) * r +
        1);
  } else {
    r -= 5;
    x =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r +
        0.0012426609473880784386) * r +
        0.026532189526576123093) * r +
        0.29656057182850489123) * r +
        1.7848265399172913358) * r +
        5.4637849111641143699) * r +
        6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r +
        1.8463183175100546818e-5) * r +
        0.0007868691311456132591) * r +
        0.0148753612908506148525) * r +
        0.1369298809227358053) * r +
        0.59983220655588793769) * r +
        1);
  }
  return q < 0 ? -x : x;
}
