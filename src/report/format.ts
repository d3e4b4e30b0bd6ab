/**
 * Human-readable numbers by metric unit, for the terminal table and the report. Files keep the
 * raw figures; these are for reading.
 */
import type { MetricDefinition } from "../metrics/definitions.js";
import { groupedNumber } from "../output/grouped-number.js";

/** Formats a value of a metric with the given unit. `signed` shows a leading + for differences. */
export function formatValue(value: number | null, unit: MetricDefinition["unit"], signed = false): string {
  if (value === null) return "n/a";
  const sign = signed && value > 0 ? "+" : "";
  switch (unit) {
    case "share":
      // A difference of two shares is in percentage points, not percent.
      return signed ? `${sign}${(value * 100).toFixed(1)} pt` : `${(value * 100).toFixed(1)}%`;
    case "minutes":
      return `${sign}${value.toFixed(1)}`;
    case "calls":
    case "hours":
      return `${sign}${groupedNumber(Math.round(value))}`;
    case "currency":
      return `${sign}${formatMoney(value)}`;
  }
}

/** $1.23M, $45.6k, $2,681 (negative as -$1.2M). */
export function formatMoney(value: number): string {
  const abs = Math.abs(value);
  const prefix = value < 0 ? "-$" : "$";
  if (abs >= 1e6) return `${prefix}${(abs / 1e6).toFixed(2)}M`;
  if (abs >= 1e4) return `${prefix}${(abs / 1e3).toFixed(1)}k`;
  return `${prefix}${groupedNumber(Math.round(abs))}`;
}

/** The unit shown after a metric name in tables. */
export function unitLabel(unit: MetricDefinition["unit"]): string {
  return { share: "%", minutes: "min", calls: "calls", hours: "h", currency: "$" }[unit];
}
