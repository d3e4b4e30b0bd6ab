import { describe, expect, it } from "vitest";
import { studentTQuantile } from "../../src/metrics/student-t.js";

function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

/** t(0.975, df) from scipy.stats.t.ppf (SciPy 1.17), an implementation independent of ours. */
const SCIPY_T_0975: ReadonlyArray<readonly [number, number]> = [
  [1, 12.706204736174694],
  [2, 4.302652729749462],
  [3, 3.1824463052837078],
  [4, 2.7764451051977934],
  [5, 2.5705818356363146],
  [6, 2.4469118511449786],
  [7, 2.364624251592784],
  [8, 2.306004135204166],
  [9, 2.262157162798205],
  [10, 2.228138851986274],
  [11, 2.200985160091639],
  [12, 2.1788128296672284],
  [13, 2.1603686564627913],
  [14, 2.144786687917804],
  [15, 2.131449545559776],
  [16, 2.1199052992212546],
  [17, 2.1098155778333156],
  [18, 2.1009220402410382],
  [19, 2.0930240544083087],
  [20, 2.085963447265864],
  [21, 2.0796138447276795],
  [22, 2.0738730679040254],
  [23, 2.0686576104190486],
  [24, 2.0638985616280245],
  [25, 2.0595385527532972],
  [26, 2.0555294386428735],
  [27, 2.0518305164802846],
  [28, 2.0484071417952454],
  [29, 2.045229642132703],
  [30, 2.0422724563012378],
  [40, 2.021075390306273],
  [50, 2.008559112100761],
  [60, 2.0002978220142604],
  [80, 1.990063421254446],
  [100, 1.9839715185235518],
  [120, 1.9799304050824402],
  [200, 1.9718962236339088],
  [500, 1.9647198374673676],
  [1000, 1.9623390808264083],
];

const NORMAL_0975 = 1.959963984540054;

describe("studentTQuantile", () => {
  it.each([
    [1, 12.706204736],
    [2, 4.30265273],
    [5, 2.570581836],
    [9, 2.262157163],
    [29, 2.045229642],
    [100, 1.983971519],
  ])("the 0.975 quantile with %i degrees of freedom matches the table value %f to 1e-6", (df, table) => {
    expect(relativeError(studentTQuantile(0.975, df), table)).toBeLessThan(1e-6);
  });

  it("the 0.975 quantile tends to the normal 1.959963985 as the degrees of freedom grow", () => {
    expect(relativeError(studentTQuantile(0.975, 1e7), 1.959963985)).toBeLessThan(1e-6);
    // The gap to the normal is (z³ + z)/(4ν) to first order: 2.4e-12 at ν = 1e12.
    expect(relativeError(studentTQuantile(0.975, 1e12), NORMAL_0975)).toBeLessThan(2e-12);
    expect(studentTQuantile(0.975, Infinity)).toBeCloseTo(NORMAL_0975, 14);
  });

  it("the 0.975 quantile agrees with SciPy to 1e-12 for df from 1 to 1000", () => {
    for (const [df, expected] of SCIPY_T_0975) {
      expect(relativeError(studentTQuantile(0.975, df), expected), `df = ${df}`).toBeLessThan(1e-12);
    }
  });

  it("the 0.975 quantile falls with every added degree of freedom from 1 to 1000 and stays above the normal quantile", () => {
    let previous = Infinity;
    for (let df = 1; df <= 1000; df++) {
      const value = studentTQuantile(0.975, df);
      expect(value, `df = ${df}`).toBeLessThan(previous);
      expect(value, `df = ${df}`).toBeGreaterThan(NORMAL_0975);
      previous = value;
    }
  });

  it("the 0.975 quantile matches the four-term Cornish-Fisher expansion (A&S 26.7.5) to 1e-7 for df from 30 to 1000", () => {
    const z = NORMAL_0975;
    const z2 = z * z;
    const g1 = (z * (z2 + 1)) / 4;
    const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
    const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
    const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
    for (let df = 30; df <= 1000; df++) {
      const expansion = z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
      expect(relativeError(studentTQuantile(0.975, df), expansion), `df = ${df}`).toBeLessThan(1e-7);
    }
  });

  it("one degree of freedom gives the Cauchy quantile tan(π(p − ½))", () => {
    for (const p of [0.001, 0.1, 0.3, 0.7, 0.9, 0.975, 0.999]) {
      expect(relativeError(studentTQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)))).toBeLessThan(1e-12);
    }
  });

  it("four degrees of freedom match the closed form 2·sign(p − ½)·√(cos(⅓·acos √α)/√α − 1) with α = 4p(1 − p)", () => {
    // Closed form for ν = 4 from W. T. Shaw (2006), "Sampling Student's T distribution: use of the
    // inverse cumulative distribution function", Journal of Computational Finance 9(4).
    for (const p of [1e-6, 0.001, 0.01, 0.1, 0.25, 0.75, 0.9, 0.99, 0.999]) {
      const alpha = 4 * p * (1 - p);
      const q = Math.cos(Math.acos(Math.sqrt(alpha)) / 3) / Math.sqrt(alpha);
      const expected = Math.sign(p - 0.5) * 2 * Math.sqrt(q - 1);
      expect(relativeError(studentTQuantile(p, 4), expected), `p = ${p}`).toBeLessThan(1e-10);
    }
  });

  it("far in the tail with 3 degrees of freedom it follows the asymptote P(T < −t) ≈ 6/(π√3·t³)", () => {
    // For ν = 3 the density is 6√3/(π(3 + t²)²), so the tail is 6/(π√3 t³)·(1 + O(t⁻²)).
    for (const p of [1e-60, 1e-100, 1e-200, 1e-300]) {
      const expected = -Math.cbrt(6 / (Math.PI * Math.sqrt(3) * p));
      expect(relativeError(studentTQuantile(p, 3), expected), `p = ${p}`).toBeLessThan(1e-12);
    }
  });

  it("is symmetric about p = ½", () => {
    for (const df of [1, 2, 3, 7.5, 30, 1000, 1e6]) {
      for (const p of [0.001, 0.025, 0.2, 0.4]) {
        expect(relativeError(studentTQuantile(p, df), -studentTQuantile(1 - p, df))).toBeLessThan(1e-13);
      }
    }
  });

  it("gives 0 at p = ½ and infinities at p = 0 and p = 1", () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0, 7)).toBe(-Infinity);
    expect(studentTQuantile(1, 7)).toBe(Infinity);
  });

  it("rejects probabilities outside [0, 1] and degrees of freedom below 1 with a RangeError", () => {
    expect(() => studentTQuantile(1.5, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(-0.1, 3)).toThrow(/p must be a probability in \[0, 1\], got -0.1/);
    expect(() => studentTQuantile(Number.NaN, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.975, 0)).toThrow(/df must be a number >= 1, got 0/);
    expect(() => studentTQuantile(0.975, 0.5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.975, Number.NaN)).toThrow(RangeError);
  });
});
