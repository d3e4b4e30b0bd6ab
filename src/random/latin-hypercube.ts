/**
 * Latin hypercube sampling of uncertain inputs: for N draws of K inputs, each input's range of
 * probability [0, 1) is cut into N equal strata and every stratum holds exactly one draw, so even
 * 20 draws cover each input's whole distribution (plain Monte Carlo leaves gaps and clumps). The
 * strata are paired across inputs by an independent random permutation per input (McKay,
 * Beckman & Conover 1979), so inputs are uncorrelated in expectation.
 *
 * Deterministic for a seed: input k's permutation and jitter come from its own named stream
 * (seed, 0, "uncertain-inputs/k"), so adding an input never changes the draws of the ones before it.
 */
import { createStream } from "./streams.js";

/**
 * u[d][k]: draw d's probability for input k, in (0, 1), with exactly one draw of each input in
 * every stratum [j/N, (j+1)/N). Feed each through the input's inverse CDF.
 */
export function latinHypercube(draws: number, inputs: number, seed: number): number[][] {
  if (!Number.isSafeInteger(draws) || draws < 1) throw new RangeError(`latin hypercube: draws must be an integer >= 1, got ${draws}`);
  if (!Number.isSafeInteger(inputs) || inputs < 0) throw new RangeError(`latin hypercube: inputs must be an integer >= 0, got ${inputs}`);
  const u: number[][] = Array.from({ length: draws }, () => new Array<number>(inputs));
  for (let k = 0; k < inputs; k++) {
    const random = createStream(seed, 0, `uncertain-inputs/${k}`);
    // Fisher-Yates: strata[d] is the stratum of draw d.
    const strata = Array.from({ length: draws }, (_, j) => j);
    for (let i = draws - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    for (let d = 0; d < draws; d++) {
      // The stream can return exactly 0; keep u strictly inside (0, 1) so an inverse CDF with an
      // infinite tail (or a beta at 0) never receives an endpoint.
      const jitter = Math.min(Math.max(random(), 1e-9), 1 - 1e-9);
      u[d][k] = (strata[d] + jitter) / draws;
    }
  }
  return u;
}
