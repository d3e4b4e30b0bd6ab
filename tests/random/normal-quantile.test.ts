import { describe, expect, it } from "vitest";
import { standardNormalQuantile } from "../../src/random/normal-quantile.js";

describe("standardNormalQuantile", () => {
  // Reference values: Python 3.11 statistics.NormalDist().inv_cdf, which implements the same
  // AS 241 algorithm; the classic table values agree to the digits printed there.
  it.each([
    [0.5, 0],
    [0.9, 1.2815515655446008],
    [0.975, 1.9599639845400536],
    [0.025, -1.9599639845400538],
    [0.3, -0.5244005127080407],
    [0.001, -3.090232306167813],
    [0.999999, 4.753424308817089],
    [1e-10, -6.361340902404056],
    [1e-20, -9.262340089798405],
    [1e-300, -37.0470962993612],
  ])("matches AS 241 reference values: Φ⁻¹(%s) = %s", (p, z) => {
    expect(standardNormalQuantile(p)).toBeCloseTo(z, 14);
  });

  it("is antisymmetric about 1/2: Φ⁻¹(1 − p) = −Φ⁻¹(p)", () => {
    for (const p of [0.01, 0.1, 0.2, 0.4, 0.45]) {
      expect(standardNormalQuantile(1 - p)).toBeCloseTo(-standardNormalQuantile(p), 12);
    }
  });

  it("is strictly increasing across the three approximation regions", () => {
    let previous = -Infinity;
    let increasing = true;
    for (let i = 1; i < 100_000; i++) {
      const z = standardNormalQuantile(i / 100_000);
      increasing &&= z > previous;
      previous = z;
    }
    expect(increasing).toBe(true);
  });

  it("returns -Infinity at 0, Infinity at 1 and NaN outside [0, 1]", () => {
    expect(standardNormalQuantile(0)).toBe(-Infinity);
    expect(standardNormalQuantile(1)).toBe(Infinity);
    expect(standardNormalQuantile(-0.1)).toBeNaN();
    expect(standardNormalQuantile(1.1)).toBeNaN();
    expect(standardNormalQuantile(Number.NaN)).toBeNaN();
  });
});
