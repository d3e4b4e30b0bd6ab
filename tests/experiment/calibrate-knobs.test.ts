/**
 * The pieces of a calibration that need no simulation: scaling distributions and rosters, the
 * fit table's errors, the target and the loss, and the diagnosis of a target not reached.
 */
import { describe, expect, it } from "vitest";
import { fitLoss, fitRows, targetMet, type FitRow, type SameCalls } from "../../src/experiment/calibrate-evaluate.js";
import { diagnoseFit } from "../../src/experiment/calibrate-diagnosis.js";
import { policeUnitTypes, scaleDistribution, scaleUnits, type Knob } from "../../src/experiment/calibrate-knobs.js";
import type { ObservedResponse } from "../../src/experiment/calibrate-observed.js";
import type { Evaluation } from "../../src/experiment/calibrate.js";
import { QuantileSketch } from "../../src/metrics/quantile-sketch.js";
import type { ScenarioInput } from "../../src/scenario/schema.js";

const sketch = (...values: number[]) => {
  const s = new QuantileSketch();
  for (const v of values) s.add(v);
  return s;
};

function observed(overall: number[], byPriority: number[][]): ObservedResponse {
  return {
    file: "/x/calls.csv",
    overall: sketch(...overall),
    byPriority: byPriority.map((v) => sketch(...v)),
    prioritySource: "taxonomy",
    dispatchDelay: new QuantileSketch(),
    measuredDispatchDelay: new QuantileSketch(),
    dispatchDelayByPriority: [],
    queuedDelayByPriority: [],
    travel: new QuantileSketch(),
    travelByPriority: [],
    onScene: new QuantileSketch(),
    calls: overall.length,
    firstDate: "2023-01-02",
    lastDate: "2023-01-15",
  };
}

function simulated(overall: number[], byPriority: number[][]): SameCalls {
  return { overall: sketch(...overall), byPriority: byPriority.map((v) => sketch(...v)), assigned: new QuantileSketch(), travel: new QuantileSketch(), onScene: new QuantileSketch(), travelByPriority: [], replications: 1 };
}

const tens = (base: number) => Array.from({ length: 30 }, (_, i) => base + i);

describe("scaling a knob's values", () => {
  it("scales every time of a distribution and keeps its shape", () => {
    expect(scaleDistribution({ dist: "lognormal", median: 10, p90: 30 }, 0.5)).toEqual({ dist: "lognormal", median: 5, p90: 15 });
    expect(scaleDistribution({ dist: "exponential", mean: 12 }, 1.5)).toEqual({ dist: "exponential", mean: 18 });
    expect(scaleDistribution({ dist: "gamma", shape: 2, scale: 4 }, 2)).toEqual({ dist: "gamma", shape: 2, scale: 8 });
    expect(scaleDistribution({ dist: "triangular", min: 1, mode: 2, max: 4 }, 2)).toEqual({ dist: "triangular", min: 2, mode: 4, max: 8 });
    expect(scaleDistribution({ dist: "fixed", value: 3 }, 2)).toEqual({ dist: "fixed", value: 6 });
    expect(scaleDistribution({ dist: "empirical", values: [1, 2], weights: [3, 1] }, 3)).toEqual({ dist: "empirical", values: [3, 6], weights: [3, 1] });
  });

  it("rounds a shift's units, keeps at least 1 where there was 1, and leaves an empty shift empty", () => {
    expect(scaleUnits(4, 0.6)).toBe(2);
    expect(scaleUnits(1, 0.2)).toBe(1);
    expect(scaleUnits(0, 3)).toBe(0);
    expect(scaleUnits(3, 1.5)).toBe(5);
  });

  it("takes only the baseline's unit types whose crews are officers alone as police", () => {
    const input = {
      unitTypes: { patrol: { crew: { officer: 1 } }, "co-responder": { crew: { officer: 1, clinician: 1 } }, team: { crew: { clinician: 1 } } },
      models: { base: { staffing: { patrol: [], "co-responder": [] } }, other: { staffing: { team: [] } } },
    } as unknown as ScenarioInput;
    expect(policeUnitTypes(input, "base")).toEqual(["patrol"]);
  });
});

describe("the fit table", () => {
  it("sets the same calls' observed and simulated p50 and p90 side by side with the relative error", () => {
    const rows = fitRows(observed(tens(10), [tens(10), tens(20)]), simulated(tens(12), [tens(10), tens(40)]));
    const byName = Object.fromEntries(rows.map((r) => [r.metric, r]));
    expect(Object.keys(byName)).toEqual(["overall p50", "overall p90", "priority 1 p90", "priority 2 p90"]);
    const q = (values: number[], p: number) => sketch(...values).quantile(p)!;
    expect(byName["overall p50"].observed).toBe(q(tens(10), 0.5));
    expect(byName["overall p50"].simulated).toBe(q(tens(12), 0.5));
    expect(byName["overall p50"].error).toBeCloseTo((q(tens(12), 0.5) - q(tens(10), 0.5)) / q(tens(10), 0.5), 12);
    expect(byName["priority 2 p90"].error).toBeCloseTo((q(tens(40), 0.9) - q(tens(20), 0.9)) / q(tens(20), 0.9), 12);
    expect(byName["priority 2 p90"].error).toBeGreaterThan(0.4);
    expect(byName["priority 2 p90"].tolerance).toBe(0.25);
    expect(byName["overall p90"].tolerance).toBe(0.15);
  });

  it("meets the target only when every counted row is within its tolerance, and the loss counts rows in tolerances", () => {
    const row = (error: number | null, tolerance = 0.15, counted = true): FitRow => ({ metric: "m", priority: 0, calls: 30, observed: 10, simulated: 10, error, tolerance, counted });
    expect(targetMet([row(0.1), row(0.2, 0.25)])).toBe(true);
    expect(targetMet([row(0.1), row(0.3, 0.25)])).toBe(false);
    expect(targetMet([row(0.1), row(0.9, 0.25, false)])).toBe(true);
    expect(targetMet([row(null)])).toBe(false);
    expect(fitLoss([row(0.15), row(-0.25, 0.25), row(5, 0.25, false)])).toBeCloseTo(2, 10);
  });

  it("holds a priority with fewer than 20 observed calls to no target", () => {
    const rows = fitRows(observed(tens(10), [[5, 6, 7]]), simulated(tens(10), [[50, 60, 70]]));
    expect(rows.find((r) => r.metric === "priority 1 p90")!.counted).toBe(false);
  });
});

describe("the diagnosis of a target not reached", () => {
  const knob = { id: "roster", paths: ["models.base.staffing.patrol"], asWritten: 1, describe: (v: number) => `x${v.toFixed(2)}` } as unknown as Knob;
  const rows = (p4: number): FitRow[] => [
    { metric: "overall p50", priority: 0, calls: 100, observed: 10, simulated: 10, error: 0, tolerance: 0.15, counted: true },
    { metric: "priority 4 p90", priority: 4, calls: 100, observed: 50, simulated: 50 * (1 + p4), error: p4, tolerance: 0.25, counted: true },
  ];
  const history = (errors: number[]): Evaluation[] => errors.map((e, i) => ({ values: { roster: 0.5 + i * 0.25 }, rows: rows(e), loss: e * e }));

  it("says a row stays on one side at every value tried, with the range tried and the part of the model that holds it", () => {
    const lines = diagnoseFit(rows(0.6), history([0.9, 0.7, 0.6]), [knob], observed(tens(1), []), false);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("priority 4 p90 stays at least 60% above observed at every value tried (roster x0.50 to x1.00)");
    expect(lines[0]).toContain("strict priority holds routine calls");
    expect(lines[0]).toContain("taxonomy's");
  });

  it("says when values that fix a row cost the other rows more", () => {
    const lines = diagnoseFit(rows(0.4), history([0.1, 0.4]), [knob], observed(tens(1), []), true);
    expect(lines[0]).toContain("priority 4 p90 is 40% above observed at the fitted values; the values that bring it within 25% put other rows further off");
  });

  it("says nothing about rows within their tolerance", () => {
    expect(diagnoseFit(rows(0.1), history([0.1]), [knob], observed(tens(1), []), true)).toEqual([]);
  });
});
