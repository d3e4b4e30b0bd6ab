/**
 * The hint of `resim run`'s calibration view: it splits the response gap into its stages
 * (received -> dispatched, dispatched -> on scene) and names the knob behind most of it.
 */
import { describe, expect, it } from "vitest";
import type { SameCalls } from "../../src/experiment/calibrate-evaluate.js";
import type { ObservedResponse } from "../../src/experiment/calibrate-observed.js";
import { hintKnob } from "../../src/import/calibration.js";
import { QuantileSketch } from "../../src/metrics/quantile-sketch.js";
import type { ScenarioConfig } from "../../src/system/config.js";

/** 100 values spread evenly from `low` to `high`. */
const spread = (low: number, high: number) => {
  const s = new QuantileSketch();
  for (let i = 0; i < 100; i++) s.add(low + ((high - low) * i) / 99);
  return s;
};

function observed(dispatch: QuantileSketch, travel: QuantileSketch, onScene = new QuantileSketch()): ObservedResponse {
  return {
    file: "calls.csv",
    overall: spread(5, 60),
    byPriority: [],
    prioritySource: "export",
    dispatchDelay: dispatch,
    measuredDispatchDelay: dispatch,
    dispatchDelayByPriority: [],
    queuedDelayByPriority: [],
    travel,
    travelByPriority: [],
    onScene,
    calls: 100,
    firstDate: "2023-01-02",
    lastDate: "2023-01-08",
  };
}

function simulated(assigned: QuantileSketch, travel: QuantileSketch, onScene = spread(10, 40)): SameCalls {
  return { overall: spread(5, 30), byPriority: [], assigned, travel, onScene, travelByPriority: [], replications: 1 };
}

const withProcessing = { callProcessingMin: { byPriority: [], default: null } } as unknown as ScenarioConfig;
const withoutProcessing = { callProcessingMin: null } as unknown as ScenarioConfig;

describe("the calibration hint", () => {
  it("names the call-processing delay when the scenario has none and calls reach a unit sooner than the city's", () => {
    const hint = hintKnob(observed(spread(2, 30), spread(3, 12)), simulated(spread(0, 10), spread(3, 12)), withoutProcessing);
    expect(hint.knob).toBe("processing");
    expect(hint.text).toContain("the scenario has no call-processing delay");
  });

  it("names the call-processing delay when the dispatch gap is already there for the quickest calls (a shift)", () => {
    const hint = hintKnob(observed(spread(6, 20), spread(3, 12)), simulated(spread(1, 15), spread(3, 12)), withProcessing);
    expect(hint.knob).toBe("processing");
    expect(hint.text).toContain("a shift");
  });

  it("names the roster level when the dispatch gap grows toward the slow calls", () => {
    const hint = hintKnob(observed(spread(2, 60), spread(3, 12)), simulated(spread(2, 12), spread(3, 12)), withProcessing);
    expect(hint.knob).toBe("roster");
    expect(hint.text).toContain("the gap grows toward the slow calls");
  });

  it("names time on scene instead when the export's own time on scene differs from the simulated one", () => {
    const hint = hintKnob(observed(spread(2, 60), spread(3, 12), spread(30, 90)), simulated(spread(2, 12), spread(3, 12), spread(10, 40)), withProcessing);
    expect(hint.knob).toBe("onScene");
  });

  it("names travel time when dispatched -> on scene holds the larger gap", () => {
    const hint = hintKnob(observed(spread(2, 20), spread(2, 8)), simulated(spread(2, 21), spread(10, 30)), withProcessing);
    expect(hint.knob).toBe("travel");
    expect(hint.text).toMatch(/dispatched -> on scene takes [\d.]+ min at the median in the simulation and [\d.]+ min in the export/);
  });
});
