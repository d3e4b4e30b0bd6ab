/**
 * The calibration fit on a synthetic city whose truth is known (calibrate-world.ts): it finds the
 * processing delay and the roster the observed times were made with, and moves shared rosters
 * together.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calibrate, type CalibrationResult } from "../../src/experiment/calibrate.js";
import { observedResponse } from "../../src/experiment/calibrate-observed.js";
import { applyAssignments } from "../../src/scenario/assignments.js";
import { loadScenario, readScenarioFile, validateScenario } from "../../src/scenario/load.js";
import { makeWorld, START_UNITS, TRUE_PROCESSING_MIN, TRUE_UNITS, type World } from "./calibrate-world.js";

let world: World;
let result: CalibrationResult;
let fitted: Record<string, any>;

beforeAll(() => {
  world = makeWorld();
  const loaded = loadScenario(world.scenario);
  result = calibrate({
    file: world.scenario,
    data: readScenarioFile(world.scenario),
    config: loaded.config,
    input: loaded.input,
    observed: observedResponse(loaded.config)!,
    replications: 2,
  });
  const data = readScenarioFile(world.scenario) as Record<string, any>;
  applyAssignments(data, result.assignments, world.scenario);
  fitted = validateScenario(data, world.scenario).input as Record<string, any>;
}, 120_000);
afterAll(() => world?.cleanup());

describe("calibrate on a city with a known processing delay and roster", () => {
  it("brings overall p50 and p90 within 15% and each priority's p90 within 25%", () => {
    expect(result.reached).toBe(true);
    expect(result.limits).toEqual([]);
    for (const row of result.rows.filter((r) => r.counted)) expect(Math.abs(row.error!)).toBeLessThanOrEqual(row.tolerance);
  });

  it("recovers the true roster from twice as many units", () => {
    expect(START_UNITS).toBe(2 * TRUE_UNITS);
    expect(fitted.models["police-only"].staffing.patrol).toEqual([{ from: "00:00", to: "24:00", units: TRUE_UNITS }]);
  });

  it("recovers the true processing delay within 30% (median of the fitted delay of each priority)", () => {
    for (const [key, spec] of Object.entries<any>(fitted.callProcessingMin)) {
      expect(spec.dist, key).toBe("lognormal");
      expect(Math.abs(spec.median / TRUE_PROCESSING_MIN - 1), key).toBeLessThan(0.3);
    }
  });

  it("scales a roster shared by two models alike, and leaves the other unit types alone", () => {
    expect(fitted.models["co-responder"].staffing.patrol).toEqual(fitted.models["police-only"].staffing.patrol);
    expect(fitted.models["co-responder"].staffing["co-responder"]).toEqual([{ from: "10:00", to: "22:00", units: 1 }]);
  });
});
