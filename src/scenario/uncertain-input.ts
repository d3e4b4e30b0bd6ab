/**
 * The distribution of one entry of a scenario's `uncertain:` list, for probabilistic sensitivity
 * analysis (`resim uncertainty`). `low` and `high` stay what `resim sensitivity` runs one at a
 * time; `dist` says how values between them are believed to spread:
 * - `range` (the default, so older files keep their meaning): uniform on [low, high];
 * - `triangular`: low, `mode`, high (a most likely value with published extremes);
 * - `beta`: for shares, by `mean` and `sd` or by `alpha` and `beta` (e.g. successes + 1 and
 *   failures + 1 of a published count), truncated to [low, high]. Truncated, not clipped: clipping
 *   would pile the tails' probability onto the bounds as if they were likely values.
 */
import { betaCdf, betaQuantile } from "../metrics/beta-quantile.js";
import type { KeyPath } from "./errors.js";

/** An `uncertain:` entry as the schema gives it. */
export interface UncertainEntry {
  path: string;
  low?: unknown;
  high?: unknown;
  source?: string;
  dist?: "range" | "triangular" | "beta";
  mode?: number;
  mean?: number;
  sd?: number;
  alpha?: number;
  beta?: number;
}

/** A resolved input distribution: its inverse CDF and what it is, for files. */
export interface InputDistribution {
  path: string;
  dist: "range" | "triangular" | "beta";
  low: number;
  high: number;
  /** Triangular: the mode; beta: its alpha and beta (before truncation). */
  mode?: number;
  alpha?: number;
  beta?: number;
  source: string;
  /** The value at probability u in (0, 1). */
  quantile: (u: number) => number;
}

type Problem = { path: KeyPath; message: string };

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/**
 * Resolves entry `index`; returns the distribution or every problem with it (path and message
 * in the shape of the other scenario checks). `needNumbers`: a range must have numeric bounds
 * only when it is to be drawn from (the tornado also takes non-numeric low/high values).
 */
export function resolveUncertainInput(entry: UncertainEntry, index: number, needNumbers: boolean): InputDistribution | Problem[] {
  const at = (field: string): KeyPath => ["uncertain", index, field];
  const problems: Problem[] = [];
  const dist = entry.dist ?? "range";
  const stray = (fields: (keyof UncertainEntry)[]) => {
    for (const field of fields) if (entry[field] !== undefined) problems.push({ path: at(field), message: `is not used by dist: ${dist}; remove it or choose ${field === "mode" ? "dist: triangular" : "dist: beta"}` });
  };
  if (!isNumber(entry.low) || !isNumber(entry.high)) {
    if (needNumbers || entry.dist !== undefined) {
      for (const field of ["low", "high"] as const) {
        if (!isNumber(entry[field])) problems.push({ path: at(field), message: `must be a number to draw from dist: ${dist}, got ${JSON.stringify(entry[field]) ?? "nothing"}` });
      }
    }
    return problems;
  }
  const low = entry.low;
  const high = entry.high;
  if (high < low) problems.push({ path: at("high"), message: `must be >= low (${low}), got ${high}` });
  const source = entry.source ?? "";
  if (dist === "range") {
    stray(["mode", "mean", "sd", "alpha", "beta"]);
    if (problems.length > 0) return problems;
    return { path: entry.path, dist, low, high, source, quantile: (u) => low + u * (high - low) };
  }
  if (dist === "triangular") {
    stray(["mean", "sd", "alpha", "beta"]);
    const mode = entry.mode;
    if (!isNumber(mode) || mode < low || mode > high) problems.push({ path: at("mode"), message: `must be a number in [low, high] = [${low}, ${high}] for dist: triangular, got ${JSON.stringify(mode) ?? "nothing"}` });
    if (problems.length > 0) return problems;
    return { path: entry.path, dist, low, high, mode, source, quantile: (u) => triangularQuantile(u, low, mode!, high) };
  }
  stray(["mode"]);
  if (low < 0 || high > 1) problems.push({ path: at(low < 0 ? "low" : "high"), message: `must be in [0, 1] for dist: beta (a share), got ${low < 0 ? low : high}` });
  const byMoments = entry.mean !== undefined || entry.sd !== undefined;
  const byShape = entry.alpha !== undefined || entry.beta !== undefined;
  let alpha = entry.alpha ?? NaN;
  let beta = entry.beta ?? NaN;
  if (byMoments === byShape) {
    problems.push({ path: at("dist"), message: "dist: beta takes either mean and sd or alpha and beta" });
  } else if (byMoments) {
    const { mean, sd } = entry;
    if (!isNumber(mean) || mean <= 0 || mean >= 1) problems.push({ path: at("mean"), message: `must be a number strictly between 0 and 1, got ${JSON.stringify(mean) ?? "nothing"}` });
    else if (!isNumber(sd) || sd <= 0 || sd * sd >= mean * (1 - mean)) {
      problems.push({ path: at("sd"), message: `must be a number > 0 and < sqrt(mean x (1 - mean)) = ${Math.sqrt(mean * (1 - mean)).toPrecision(3)}, got ${JSON.stringify(sd) ?? "nothing"}` });
    } else {
      // Method of moments: alpha + beta = mean(1 - mean)/sd² - 1.
      const total = (mean * (1 - mean)) / (sd * sd) - 1;
      alpha = mean * total;
      beta = (1 - mean) * total;
    }
  } else {
    for (const field of ["alpha", "beta"] as const) {
      if (!isNumber(entry[field]) || entry[field] <= 0) problems.push({ path: at(field), message: `must be a number > 0, got ${JSON.stringify(entry[field]) ?? "nothing"}` });
    }
  }
  if (problems.length > 0) return problems;
  const [from, to] = [betaCdf(low, alpha, beta), betaCdf(high, alpha, beta)];
  if (to - from < 1e-6) return [{ path: at("dist"), message: `the beta distribution puts almost no probability (${(to - from).toExponential(1)}) in [low, high] = [${low}, ${high}]; check mean and sd` }];
  return { path: entry.path, dist, low, high, alpha, beta, source, quantile: (u) => Math.min(high, Math.max(low, betaQuantile(from + u * (to - from), alpha, beta))) };
}

/** The triangular inverse CDF on [low, high] with its peak at mode. */
export function triangularQuantile(u: number, low: number, mode: number, high: number): number {
  if (high === low) return low;
  const split = (mode - low) / (high - low);
  return u < split ? low + Math.sqrt(u * (high - low) * (mode - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}
