import { describe, expect, it } from "vitest";
import { erlangC, mmcMeanWait } from "../../src/metrics/erlang.js";

/**
 * The textbook closed form C(c, a) = (aᶜ/c!)·c/(c − a) / (Σ_{k<c} aᵏ/k! + (aᶜ/c!)·c/(c − a)),
 * summed in logarithms (log-sum-exp) so it stays finite for large c, independent of the
 * Erlang B recursion used by the implementation.
 */
function erlangCClosedForm(servers: number, load: number): number {
  const logTerms: number[] = [];
  let logTerm = 0; // ln(a⁰/0!)
  for (let k = 0; k < servers; k++) {
    logTerms.push(logTerm);
    logTerm += Math.log(load) - Math.log(k + 1);
  }
  const logWaiting = logTerm + Math.log(servers / (servers - load));
  const largest = Math.max(logWaiting, ...logTerms);
  const sumBelow = logTerms.reduce((sum, value) => sum + Math.exp(value - largest), 0);
  const waiting = Math.exp(logWaiting - largest);
  return waiting / (sumBelow + waiting);
}

describe("erlangC", () => {
  it("agrees with the closed form Σ aᵏ/k! to 1e-12 for 1 to 60 servers at loads from 10% to 99%", () => {
    for (let servers = 1; servers <= 60; servers++) {
      for (const fraction of [0.1, 0.5, 0.85, 0.99]) {
        const load = servers * fraction;
        const expected = erlangCClosedForm(servers, load);
        expect(Math.abs(erlangC(servers, load) - expected), `c = ${servers}, a = ${load}`).toBeLessThan(1e-12);
      }
    }
  });

  it("stays finite for 500 servers, where a^c/c! overflows a double, and matches the log-space closed form", () => {
    expect(480 ** 500).toBe(Infinity);
    expect(erlangC(500, 480)).toBeCloseTo(erlangCClosedForm(500, 480), 12);
  });

  it("for one server equals the utilization, as in M/M/1", () => {
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 15);
    expect(erlangC(1, 0.9)).toBeCloseTo(0.9, 15);
  });

  it("is 0 with no load", () => {
    expect(erlangC(3, 0)).toBe(0);
  });

  it("refuses a load at or above the number of servers, a non-integer server count and a negative load", () => {
    expect(() => erlangC(10, 10)).toThrow(RangeError);
    expect(() => erlangC(10, 12)).toThrow(/got 12 Erlangs on 10 servers/);
    expect(() => erlangC(2.5, 1)).toThrow(/servers must be an integer >= 1, got 2.5/);
    expect(() => erlangC(0, 0)).toThrow(RangeError);
    expect(() => erlangC(3, -1)).toThrow(/offeredLoadErlangs must be a finite number >= 0, got -1/);
    expect(() => erlangC(3, Number.NaN)).toThrow(RangeError);
  });
});

describe("mmcMeanWait", () => {
  it("10 servers with λ = 17/60 per minute and 30-minute service carry 8.5 Erlangs at utilization 0.85 and wait 10.597 minutes on average", () => {
    const arrivalRatePerMin = 17 / 60;
    const result = mmcMeanWait({ arrivalRatePerMin, meanServiceMin: 30, servers: 10 });
    expect(result.utilization).toBeCloseTo(0.85, 15);
    // Pinned value; the exact rational is 20159939004490/1902378868757 = 10.5972261023180...
    expect(Math.abs(result.meanQueueWaitMin - 10.597226102318066)).toBeLessThan(1e-9);
    // Independently: Wq = C/(cμ − λ) with C from the closed form.
    const closedFormC = erlangCClosedForm(10, 8.5);
    const closedFormWait = closedFormC / (10 / 30 - arrivalRatePerMin);
    expect(Math.abs(result.probabilityOfWait - closedFormC)).toBeLessThan(1e-12);
    expect(Math.abs(result.meanQueueWaitMin - closedFormWait)).toBeLessThan(1e-9);
    // Little's law: Lq = λ·Wq.
    expect(result.meanQueueLength).toBeCloseTo(arrivalRatePerMin * result.meanQueueWaitMin, 14);
  });

  it("matches M/M/1, where the mean wait is ρ/(μ − λ)", () => {
    const result = mmcMeanWait({ arrivalRatePerMin: 0.5, meanServiceMin: 1, servers: 1 });
    expect(result.probabilityOfWait).toBeCloseTo(0.5, 15);
    expect(result.meanQueueWaitMin).toBeCloseTo(1, 14);
    expect(result.meanQueueLength).toBeCloseTo(0.5, 14);
  });

  it("with no arrivals nobody waits", () => {
    expect(mmcMeanWait({ arrivalRatePerMin: 0, meanServiceMin: 12, servers: 2 })).toEqual({
      probabilityOfWait: 0,
      meanQueueWaitMin: 0,
      meanQueueLength: 0,
      utilization: 0,
    });
  });

  it("refuses parameters out of range, naming the parameter, and an overloaded system", () => {
    expect(() => mmcMeanWait({ arrivalRatePerMin: -1, meanServiceMin: 30, servers: 10 })).toThrow(
      /arrivalRatePerMin must be a finite number >= 0, got -1/,
    );
    expect(() => mmcMeanWait({ arrivalRatePerMin: 0.1, meanServiceMin: 0, servers: 10 })).toThrow(
      /meanServiceMin must be a finite number > 0, got 0/,
    );
    expect(() => mmcMeanWait({ arrivalRatePerMin: 0.1, meanServiceMin: 30, servers: 1.5 })).toThrow(
      /servers must be an integer >= 1, got 1.5/,
    );
    expect(() => mmcMeanWait({ arrivalRatePerMin: 1, meanServiceMin: 30, servers: 10 })).toThrow(
      /got 30 Erlangs on 10 servers/,
    );
  });
});
