/**
 * Analytic steady-state results for the M/M/c queue (Poisson arrivals, exponential service,
 * c identical servers, unlimited first-come-first-served queue), used to validate the
 * simulator: run it on an M/M/c scenario and compare its waits with these numbers.
 *
 * Formulas: Erlang C from Erlang B (Cooper, Introduction to Queueing Theory, 2nd ed., 1981, ch. 3),
 * C(c, a) = c·B(c, a) / (c − a·(1 − B(c, a))), with B by the recursion
 * B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)), which only ever divides numbers of the same size and
 * so neither overflows nor cancels, unlike the textbook sums of a^k/k!. Then
 * Wq = C / (cμ − λ) and Lq = λ·Wq (Little's law).
 */

/** Inputs of an M/M/c queue. */
export interface MmcParameters {
  /** Poisson arrival rate λ, calls per minute; finite, >= 0. */
  arrivalRatePerMin: number;
  /** Mean of the exponential service time 1/μ, minutes; finite, > 0. */
  meanServiceMin: number;
  /** Number of servers c; an integer >= 1. */
  servers: number;
}

/** Steady-state performance of an M/M/c queue. */
export interface MmcPerformance {
  /** P(wait > 0), the Erlang C probability that an arriving call finds every server busy. */
  probabilityOfWait: number;
  /** Mean time in queue before service starts, Wq, in minutes (over all calls, waiting or not). */
  meanQueueWaitMin: number;
  /** Mean number of calls waiting (not in service), Lq = λ·Wq. */
  meanQueueLength: number;
  /** Server utilization ρ = λ/(cμ) = a/c, a fraction in [0, 1). */
  utilization: number;
}

/**
 * Erlang C: the probability that an arrival to an M/M/c queue has to wait.
 *
 * @param servers - number of servers c, an integer >= 1.
 * @param offeredLoadErlangs - offered load a = λ/μ in Erlangs, finite, >= 0 and < c.
 * @returns the probability, in [0, 1); 0 when the load is 0.
 * @throws RangeError if `servers` is not an integer >= 1, the load is negative or not finite,
 * or the load is >= `servers` (no steady state exists: the queue grows without bound).
 */
export function erlangC(servers: number, offeredLoadErlangs: number): number {
  if (!(Number.isInteger(servers) && servers >= 1)) {
    throw new RangeError(`erlangC: servers must be an integer >= 1, got ${servers}`);
  }
  const load = offeredLoadErlangs;
  if (!(load >= 0 && load < Infinity)) {
    throw new RangeError(`erlangC: offeredLoadErlangs must be a finite number >= 0, got ${load}`);
  }
  if (load >= servers) {
    throw new RangeError(
      `erlangC: offeredLoadErlangs must be below servers for a steady state to exist, got ${load} Erlangs on ${servers} servers`,
    );
  }
  const blocking = erlangB(servers, load);
  return (servers * blocking) / (servers - load * (1 - blocking));
}

/**
 * Steady-state mean wait and related measures of an M/M/c queue.
 *
 * The offered load is a = λ·(1/μ) Erlangs. Wq = C/(cμ − λ) is evaluated as C·(1/μ)/(c − a),
 * the same quantity with the mean service time factored out, so that 1/μ is never inverted.
 *
 * Example: 10 servers, λ = 17/60 per minute and a 30-minute mean service give a = 8.5 Erlangs,
 * utilization 0.85, P(wait) ≈ 0.5299 and Wq ≈ 10.597 minutes.
 *
 * @param parameters - the queue; see {@link MmcParameters} for units and ranges.
 * @returns probability of waiting, Wq in minutes, Lq in calls, and utilization.
 * @throws RangeError if a parameter is out of range (the message names it and the value), or
 * the load λ/μ is >= c (no steady state).
 */
export function mmcMeanWait(parameters: MmcParameters): MmcPerformance {
  const { arrivalRatePerMin, meanServiceMin, servers } = parameters;
  if (!(arrivalRatePerMin >= 0 && arrivalRatePerMin < Infinity)) {
    throw new RangeError(`mmcMeanWait: arrivalRatePerMin must be a finite number >= 0, got ${arrivalRatePerMin}`);
  }
  if (!(meanServiceMin > 0 && meanServiceMin < Infinity)) {
    throw new RangeError(`mmcMeanWait: meanServiceMin must be a finite number > 0, got ${meanServiceMin}`);
  }
  if (!(Number.isInteger(servers) && servers >= 1)) {
    throw new RangeError(`mmcMeanWait: servers must be an integer >= 1, got ${servers}`);
  }
  const load = arrivalRatePerMin * meanServiceMin;
  if (load >= servers) {
    throw new RangeError(
      `mmcMeanWait: offered load arrivalRatePerMin × meanServiceMin must be below servers for a steady state to exist, got ${load} Erlangs on ${servers} servers`,
    );
  }
  const probabilityOfWait = erlangC(servers, load);
  const meanQueueWaitMin = (probabilityOfWait * meanServiceMin) / (servers - load);
  return {
    probabilityOfWait,
    meanQueueWaitMin,
    meanQueueLength: arrivalRatePerMin * meanQueueWaitMin,
    utilization: load / servers,
  };
}

/** Erlang B blocking probability B(c, a) by the recursion in the file header. */
function erlangB(servers: number, load: number): number {
  let blocking = 1;
  for (let k = 1; k <= servers; k++) {
    blocking = (load * blocking) / (k + load * blocking);
  }
  return blocking;
}
