/** Parsers for numeric flags, with messages that name the flag, what was expected and what was found. */
import { InvalidArgumentError } from "commander";

/** An integer >= min. */
export function integerAtLeast(min: number): (value: string) => number {
  return (value: string) => {
    const number = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < min) {
      throw new InvalidArgumentError(`must be an integer >= ${min}, got '${value}'`);
    }
    return number;
  };
}

/** A number > 0. */
export function positiveNumber(value: string): number {
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number) || number <= 0) {
    throw new InvalidArgumentError(`must be a number > 0, got '${value}'`);
  }
  return number;
}
