/**
 * Sweeps: one or two scenario parameters over listed values or ranges. Every point runs the same
 * replication seeds (common random numbers), so differences between points are the parameter's
 * effect, not noise.
 */
import { parse as parseYaml } from "yaml";
import { formatPath } from "../scenario/errors.js";
import { parseKeyPath } from "../scenario/assignments.js";
import { StudyError } from "./study.js";

/** One swept parameter. */
export interface SweepParameter {
  path: string;
  values: unknown[];
}

/**
 * Parses a value list: `1..8` (integers, inclusive), `0.5..0.9:0.1` (with a step), or
 * comma-separated YAML values (`2,4,8`, `true,false`, `10:00,12:00`). Throws StudyError.
 */
export function parseValues(text: string): unknown[] {
  const range = /^\s*(-?[\d.]+)\s*\.\.\s*(-?[\d.]+)\s*(?::\s*([\d.]+))?\s*$/.exec(text);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    const step = range[3] === undefined ? 1 : Number(range[3]);
    if (![from, to, step].every(Number.isFinite) || step <= 0 || to < from) {
      throw new StudyError(`--values ${text}: a range must be FROM..TO[:STEP] with FROM <= TO and STEP > 0`);
    }
    const count = Math.floor((to - from) / step + 1e-9) + 1;
    if (count > 10_000) throw new StudyError(`--values ${text}: ${count} values is more than 10,000`);
    // Values are rounded to the step's decimals so 0.1 steps give 0.3, not 0.30000000000000004.
    const decimals = Math.max(decimalsOf(range[1]), decimalsOf(range[3] ?? "1"));
    return Array.from({ length: count }, (_, i) => Number((from + i * step).toFixed(decimals)));
  }
  const values = text.split(",").map((part) => part.trim());
  if (values.some((v) => v === "")) throw new StudyError(`--values ${text}: expected a range like 1..8 or a list like 2,4,8`);
  return values.map((v) => parseYaml(v) as unknown);
}

function decimalsOf(number: string): number {
  const dot = number.indexOf(".");
  return dot < 0 ? 0 : number.length - dot - 1;
}

/** The points of a sweep: every combination, the first parameter varying slowest. */
export function sweepPoints(parameters: readonly SweepParameter[]): [string, unknown][][] {
  if (parameters.length === 0 || parameters.length > 2) throw new StudyError("a sweep takes one or two --param options");
  for (const p of parameters) parseKeyPath(p.path, "--param");
  if (parameters.length === 2 && formatPath(parseKeyPath(parameters[0].path)) === formatPath(parseKeyPath(parameters[1].path))) {
    throw new StudyError(`--param ${parameters[0].path} is given twice; sweep two different parameters`);
  }
  let points: [string, unknown][][] = [[]];
  for (const parameter of parameters) {
    points = points.flatMap((point) => parameter.values.map((value): [string, unknown][] => [...point, [formatPath(parseKeyPath(parameter.path)), value]]));
  }
  return points;
}
