/**
 * Staffing search (in the spirit of RAND's Patrol Car Allocation Model): the cheapest roster, by
 * shift block, that meets every target. Pure: it knows nothing of the simulation; an `evaluate`
 * function says whether rosters meet the targets (see staffing-evaluator.ts for the simulation one).
 *
 * A roster is a vector x of unit counts, one per shift block (the blocks of one unit type, or of
 * several types side by side), with minUnits <= x <= maxUnits. Its cost is c.x, with c_b > 0 the
 * cost of one unit in block b (paid hours a day x cost per hour): known without simulating.
 *
 * Assumption (monotonicity): more units never make a target worse, so if x meets every target and
 * y >= x componentwise, y meets them too; equivalently, if x fails, every y <= x fails.
 *
 * Algorithm: best-first branch and bound over the box of rosters.
 * 1. Simulate the largest roster (maxUnits everywhere). If it fails, no roster in the box passes
 *    (every roster is <= it): stop.
 * 2. Block bounds: for each block b, find the smallest k such that (maxUnits with x_b = k) passes
 *    (searching up from minUnits_b in growing steps, then bisecting). (maxUnits with x_b = k - 1)
 *    fails, so does every roster with x_b <= k - 1, and minUnits_b can be raised to k. The blocks
 *    are searched side by side (one batch of probes per round).
 * 3. Enumerate rosters from the raised lower corner in order of cost (a heap; each roster is
 *    generated exactly once, from its unique parent x - e_j, j the last block above its minimum,
 *    by adding one unit to a block >= j). For each roster popped:
 *    - if some simulated failing roster z has x <= z, x fails (monotonicity): rule it out unsimulated;
 *    - otherwise simulate it (each roster at most once: evaluations are cached); if it fails, lift
 *      it: raise each block in turn as far as the roster still fails, which gives a maximal
 *      failing roster that rules out a whole box of rosters below it at once.
 *    Stop at the first roster that passes; then finish the rosters of exactly the same cost and
 *    keep the one with the lowest `objective` (the tie-break), then the smallest units.
 *    A roster over `maxCost` (the budget) ends the enumeration: every later one costs more.
 *
 * Exactness (under monotonicity, for the evaluations as given, e.g. the seeds and replications):
 * the heap pops rosters in non-decreasing cost because every child costs more than its parent
 * (c_b > 0), and every roster of the box above the raised corner is generated. Every roster
 * cheaper than the one returned was therefore either simulated and failed, or ruled out by a
 * failing roster holding at least as many units in every block, which by monotonicity proves that
 * it fails; rosters below the raised corner are ruled out the same way by the failing bisection
 * probes (x_b < k is <= maxUnits with x_b = k - 1). So no roster in the box cheaper than the one
 * returned passes, and among the passing rosters of its cost it has the lowest objective. The
 * probes and the lifting only add proven facts (lifting also takes a roster above a passing one as
 * passing, to steer itself, never to decide the answer), so they change how many rosters are
 * simulated, never the answer; nor do the batch sizes or the number of workers. When a limit
 * (simulations or rosters enumerated) stops the search first, the result says so and gives the
 * proven lower bound: every roster cheaper than `lowerBound` fails (the heap's smallest cost
 * bounds every roster not yet taken, since each has an ancestor in the heap that costs no more).
 *
 * The assumption is not checked by the search, and cannot be: it never simulates a roster whose
 * result monotonicity already implies. Simulated targets need not be monotone (a larger roster can
 * send calls to a slower unit type, and a target's 95% interval can be wider); see the README.
 */
import { BinaryHeap } from "../engine/binary-heap.js";
import type { ModelSummary } from "../metrics/summarize.js";
import type { TargetCheck } from "./staffing-targets.js";

export { checkTargets, parseTarget, type Target, type TargetCheck } from "./staffing-targets.js";

/** One evaluated roster. */
export interface Evaluation {
  units: number[];
  checks: TargetCheck[];
  /** Meets every target. */
  feasible: boolean;
  /** Breaks ties between passing rosters of equal cost: lower is better (e.g. the mean of --minimize). */
  objective: number;
  metrics: ModelSummary["metrics"];
}

/** Evaluates several rosters (one batch, so a caller can run them on one pool of workers), in order. */
export type Evaluate = (rosters: number[][]) => Promise<Evaluation[]>;

/** The box of rosters searched. */
export interface SearchSpace {
  /** Cost of one unit in each block, e.g. its paid hours a day x cost per hour; each > 0. */
  unitCosts: readonly number[];
  /** Fewest units each block may hold. */
  minUnits: readonly number[];
  /** Most units each block may hold. */
  maxUnits: readonly number[];
  /** Most a roster may cost, on the scale of unitCosts (a budget); default no limit. */
  maxCost?: number;
}

export interface SearchOptions {
  /** Most rosters to simulate, probes and ties included (default 500). */
  maxSimulations?: number;
  /** Most rosters to enumerate, simulated or ruled out (default 500,000). */
  maxRosters?: number;
  /** Bisect each block's lower bound before enumerating (default true). */
  blockBounds?: boolean;
  /** Lift each failing roster of the enumeration towards a maximal failing one (default true). */
  lift?: boolean;
}

/**
 * - optimal: `best` is the cheapest passing roster in the box (within maxCost);
 * - unattainable: even the largest roster fails, so none passes;
 * - over-budget: every roster within maxCost fails (or the cheapest roster is over it);
 * - limit: a limit stopped the search; `best` (if any) is the cheapest passing roster found, not
 *   proven cheapest, and every roster cheaper than `lowerBound` fails.
 */
export type SearchStatus = "optimal" | "unattainable" | "over-budget" | "limit";

/** Why one unit fewer in a block fails. */
export interface Reduction {
  block: number;
  /**
   * A simulated failing roster holding at least as many units as `best` minus one in `block` in
   * every block (so, by monotonicity, that reduction fails too); itself when it was simulated.
   * Null when the block is at its minimum, or when the search was stopped before proving it.
   */
  witness: Evaluation | null;
}

export interface SearchResult {
  status: SearchStatus;
  /** The cheapest passing roster (proven cheapest when status is "optimal"). */
  best: Evaluation | null;
  bestCost: number | null;
  /** Other passing rosters of exactly best's cost (best has the lowest objective among them). */
  ties: Evaluation[];
  /** Every roster in the box costing less than this fails (under monotonicity). */
  lowerBound: number;
  /** For best: why one unit fewer in each block fails. */
  reductions: Reduction[];
  /** The largest roster, simulated first (when unattainable, the proof); null if not simulated. */
  largest: Evaluation | null;
  /** Lower bounds per block after bisection (minUnits where not tightened). */
  blockMinimum: number[];
  /** Rosters simulated. */
  simulations: number;
  /** Every simulated roster, in the order simulated: with the enumeration, the proof of the answer. */
  evaluated: Evaluation[];
  /** Rosters ruled out without simulation (a failing simulated roster held as many units or more in every block). */
  ruledOut: number;
  /** Rosters taken from the enumeration heap (simulated, ruled out or found in the cache). */
  enumerated: number;
  /** Which limit stopped the search, if any. */
  limit: null | "simulations" | "rosters";
}

const leq = (a: readonly number[], b: readonly number[]): boolean => a.every((v, i) => v <= b[i]);
const keyOf = (units: readonly number[]): string => units.join(",");
/** Lexicographic order of two rosters, for deterministic ties. */
const lexLess = (a: readonly number[], b: readonly number[]): boolean => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
};
/** Costs equal up to rounding (costs are sums of products of decimals). */
export const sameCost = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
/** a is better than b as a tie-break: lower objective (NaN last), then smaller units. */
const betterTie = (a: Evaluation, b: Evaluation): boolean => {
  const ao = Number.isNaN(a.objective) ? Infinity : a.objective;
  const bo = Number.isNaN(b.objective) ? Infinity : b.objective;
  return ao !== bo ? ao < bo : lexLess(a.units, b.units);
};

interface Node {
  units: number[];
  cost: number;
  /** The last block above its minimum: children add a unit to this block or a later one. */
  last: number;
}

/** Runs the search. See the module comment for the algorithm and why it is exact. */
export async function searchStaffing(space: SearchSpace, evaluate: Evaluate, options: SearchOptions = {}): Promise<SearchResult> {
  const { unitCosts, minUnits, maxUnits } = space;
  const n = unitCosts.length;
  if (n === 0 || minUnits.length !== n || maxUnits.length !== n) throw new RangeError("staffing search: unitCosts, minUnits and maxUnits must have one entry per block");
  for (let b = 0; b < n; b++) {
    if (!(unitCosts[b] > 0 && Number.isFinite(unitCosts[b]))) throw new RangeError(`staffing search: block ${b} must cost more than 0 per unit, got ${unitCosts[b]}`);
    if (!Number.isInteger(minUnits[b]) || !Number.isInteger(maxUnits[b]) || minUnits[b] < 0 || minUnits[b] > maxUnits[b]) {
      throw new RangeError(`staffing search: block ${b} needs integers 0 <= minUnits <= maxUnits, got ${minUnits[b]}..${maxUnits[b]}`);
    }
  }
  const maxCost = space.maxCost ?? Infinity;
  const maxSimulations = options.maxSimulations ?? 500;
  const maxRosters = options.maxRosters ?? 500_000;
  const cost = (units: readonly number[]) => units.reduce((sum, u, b) => sum + u * unitCosts[b], 0);
  const withinBudget = (c: number) => c <= maxCost || sameCost(c, maxCost);

  const cache = new Map<string, Evaluation>();
  /** Maximal simulated failing rosters (an antichain): x fails if x <= one of them. */
  const failing: number[][] = [];
  const failed: Evaluation[] = [];
  const passed: Evaluation[] = [];
  let simulations = 0;
  let ruledOut = 0;
  let limit: SearchResult["limit"] = null;

  const provenFailing = (units: readonly number[]) => failing.some((z) => leq(units, z));
  const provenPassing = (units: readonly number[]) => passed.some((p) => leq(p.units, units));
  const record = (e: Evaluation) => {
    cache.set(keyOf(e.units), e);
    if (e.feasible) passed.push(e);
    else {
      failed.push(e);
      if (!provenFailing(e.units)) {
        for (let i = failing.length - 1; i >= 0; i--) if (leq(failing[i], e.units)) failing.splice(i, 1);
        failing.push(e.units);
      }
    }
  };
  /** Simulates the rosters not yet cached; false (nothing run) when that would pass maxSimulations. */
  const simulate = async (rosters: number[][]): Promise<boolean> => {
    const fresh: number[][] = [];
    for (const r of rosters) if (!cache.has(keyOf(r)) && !fresh.some((f) => keyOf(f) === keyOf(r))) fresh.push(r);
    if (fresh.length === 0) return true;
    if (simulations + fresh.length > maxSimulations) {
      limit = "simulations";
      return false;
    }
    const evaluations = await evaluate(fresh.map((r) => [...r]));
    if (evaluations.length !== fresh.length) throw new Error(`staffing search: evaluate returned ${evaluations.length} evaluations for ${fresh.length} rosters`);
    simulations += fresh.length;
    evaluations.forEach((e, i) => record({ ...e, units: fresh[i] }));
    return true;
  };

  const blockMinimum = [...minUnits];
  const finish = (status: SearchStatus, best: Evaluation | null, lowerBound: number, enumerated: number, ties: Evaluation[] = []): SearchResult => ({
    status,
    best,
    bestCost: best && cost(best.units),
    ties,
    lowerBound,
    reductions: best ? reductionsOf(best.units) : [],
    largest: cache.get(keyOf(maxUnits)) ?? null,
    blockMinimum,
    simulations,
    evaluated: [...cache.values()],
    ruledOut,
    enumerated,
    limit,
  });
  /** For each block, a simulated failing roster that proves one unit fewer there fails. */
  const reductionsOf = (units: readonly number[]): Reduction[] =>
    units.map((u, block) => {
      if (u <= minUnits[block]) return { block, witness: null };
      const fewer = units.map((v, i) => (i === block ? v - 1 : v));
      const own = cache.get(keyOf(fewer));
      if (own && !own.feasible) return { block, witness: own };
      let witness: Evaluation | null = null;
      for (const z of failed) if (leq(fewer, z.units) && (witness === null || cost(z.units) < cost(witness.units))) witness = z;
      return { block, witness };
    });

  /**
   * Lifting: from a failing roster, raise each block in turn as far as the roster still fails (to
   * its maximum if that still fails, else the most units found by bisection). The result is a
   * maximal failing roster, which rules out (by monotonicity) every roster below it: a few
   * simulations buy a whole box of rosters. Lifting only adds knowledge, so it changes the number
   * of simulations, never the answer. It stops quietly at the simulation limit.
   */
  const lift = async (from: readonly number[]): Promise<void> => {
    await raise(from);
    limit = null; // running out of simulations here only leaves fewer rosters ruled out
  };
  const raise = async (from: readonly number[]): Promise<void> => {
    const z = [...from];
    for (let b = 0; b < n; b++) {
      if (z[b] >= maxUnits[b]) continue;
      const top = await fails(z.map((u, i) => (i === b ? maxUnits[b] : u)));
      if (top === null) return;
      if (top) {
        z[b] = maxUnits[b];
        continue;
      }
      // The most units block b can hold with the roster still failing, between z[b] (fails) and
      // its maximum (passes). A roster popped from the enumeration is usually at its boundary,
      // so search up from z[b] in growing steps, then bisect.
      let low = z[b];
      let high = maxUnits[b];
      for (let step = 1; high - low > 1; step *= 2) {
        const k = Math.min(low + step, Math.floor((low + high) / 2));
        const failed = await fails(z.map((u, i) => (i === b ? k : u)));
        if (failed === null) return;
        if (failed) low = k;
        else high = k;
      }
      z[b] = low;
    }
  };
  /** Whether a roster fails: known, implied by monotonicity, or simulated; null at the simulation limit. */
  const fails = async (units: number[]): Promise<boolean | null> => {
    const known = cache.get(keyOf(units));
    if (known) return !known.feasible;
    if (provenFailing(units)) return true;
    if (provenPassing(units)) return false;
    if (!(await simulate([units]))) return null;
    return !cache.get(keyOf(units))!.feasible;
  };

  // 0. Nothing fits the budget.
  if (!withinBudget(cost(minUnits))) return finish("over-budget", null, cost(minUnits), 0);

  // 1. The largest roster: if it fails, every roster fails.
  if (!(await simulate([[...maxUnits]]))) return finish("limit", null, cost(minUnits), 0);
  if (!cache.get(keyOf(maxUnits))!.feasible) return finish("unattainable", null, Infinity, 0);

  // 2. Block bounds: for each block, the fewest units that pass with every other block at its
  // maximum, searched up from its minimum in growing steps, then by bisection (bounds are
  // usually small). The blocks are searched side by side, one batch of probes per round.
  if (options.blockBounds ?? true) {
    const failsAt = minUnits.map((m) => m - 1);
    const passesAt = [...maxUnits];
    for (let step = 1; ; step *= 2) {
      const open = failsAt.map((_, b) => b).filter((b) => passesAt[b] - failsAt[b] > 1);
      if (open.length === 0) break;
      const probes = open.map((b) => maxUnits.map((u, i) => (i === b ? Math.min(failsAt[b] + step, Math.floor((failsAt[b] + passesAt[b]) / 2)) : u)));
      if (!(await simulate(probes.filter((p) => !provenFailing(p) && !provenPassing(p))))) break;
      open.forEach((b, i) => {
        const probe = probes[i];
        const e = cache.get(keyOf(probe));
        if (e ? e.feasible : provenPassing(probe)) passesAt[b] = probe[b];
        else failsAt[b] = probe[b];
      });
    }
    failsAt.forEach((k, b) => (blockMinimum[b] = k + 1));
    limit = null; // running out of simulations here only leaves the bounds looser
  }

  // 3. Best-first enumeration in order of cost.
  const heap = new BinaryHeap<Node>((a, b) => a.cost < b.cost || (a.cost === b.cost && lexLess(a.units, b.units)));
  heap.push({ units: [...blockMinimum], cost: cost(blockMinimum), last: 0 });
  let best: Evaluation | null = null;
  const ties: Evaluation[] = [];
  let enumerated = 0;
  for (;;) {
    const node = heap.peek();
    if (node === undefined) break;
    if (best !== null && !sameCost(node.cost, cost(best.units))) break;
    if (!withinBudget(node.cost)) break;
    if (enumerated >= maxRosters) {
      limit = "rosters";
      break;
    }
    if (!cache.has(keyOf(node.units)) && !provenFailing(node.units)) {
      if (!(await simulate([node.units]))) break;
      if ((options.lift ?? true) && !cache.get(keyOf(node.units))!.feasible) await lift(node.units);
    }
    heap.pop();
    enumerated++;
    for (let b = node.last; b < n; b++) {
      if (node.units[b] >= maxUnits[b]) continue;
      const units = node.units.map((u, i) => (i === b ? u + 1 : u));
      heap.push({ units, cost: cost(units), last: b });
    }
    const e = cache.get(keyOf(node.units));
    if (e === undefined) {
      ruledOut++;
      continue;
    }
    if (!e.feasible) continue;
    if (best === null) best = e;
    else if (betterTie(e, best)) {
      ties.push(best);
      best = e;
    } else ties.push(e);
  }
  if (limit !== null) {
    // Stopped early: the cheapest passing roster known (within budget), not proven cheapest.
    const next = heap.peek();
    const lowerBound = next ? next.cost : Infinity;
    const candidates = passed.filter((p) => withinBudget(cost(p.units)));
    const found = best ?? candidates.reduce<Evaluation | null>((m, p) => (m === null || cost(p.units) < cost(m.units) || (sameCost(cost(p.units), cost(m.units)) && betterTie(p, m)) ? p : m), null);
    return finish("limit", found, lowerBound, enumerated);
  }
  // Without a limit, the enumeration ends at a passing roster or at the budget (the largest roster
  // passes, so the heap cannot run out first).
  if (best === null) return finish("over-budget", null, heap.peek()?.cost ?? Infinity, enumerated);
  return finish("optimal", best, cost(best.units), enumerated, ties);
}
