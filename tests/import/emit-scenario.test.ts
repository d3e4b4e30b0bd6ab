import { join, resolve } from "node:path";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { fittedScenario } from "../../src/import/emit-scenario.js";
import { validateScenario } from "../../src/scenario/load.js";
import { importTiny, scratch } from "./helpers.js";

const s = scratch();
afterAll(s.cleanup);

// 74 calls over two days (Sunday and Monday): 2 per hour of welfare checks, 1 per hour of thefts,
// plus two shootings on Monday at 10:00.
const rows: string[] = [];
for (const day of ["2023-01-01", "2023-01-02"]) {
  for (let hour = 0; hour < 12; hour++) {
    const h = String(hour * 2).padStart(2, "0");
    rows.push(`W${day}${h}a,${day} ${h}:00:00,Welfare Check,B,1,,`, `W${day}${h}b,${day} ${h}:30:00,Welfare Check,B,1,,`, `T${day}${h},${day} ${h}:15:00,Theft,B,1,,`);
  }
}
rows.push("S1,2023-01-02 10:05:00,Shooting,A,1,,", "S2,2023-01-02 10:06:00,Shooting,A,1,,");
const { tally, mapping, file } = importTiny(rows);

describe("resim import --emit-scenario", () => {
  const outFile = join(s.folder, "scenarios", "tiny.yaml");
  const text = fittedScenario({ tally, mapping, exportFile: file, templateFile: "scenarios/riverton.yaml", outFile, schemaFile: resolve("schema/scenario.schema.json") });
  const scenario = parse(text);

  it("writes a valid synthetic scenario whose demand is fitted to the import", () => {
    expect(() => validateScenario(scenario, outFile)).not.toThrow();
    expect(scenario.name).toBe("tiny");
    expect(scenario.demand.callsPerDay).toBe(37);
    expect(scenario.demand.categories["welfare-check"]).toEqual({ share: 0.6486, priorityShares: [0, 0, 1, 0], behavioralHealth: 1, weapon: 0 });
    expect(scenario.demand.categories.violent).toEqual({ share: 0.027, priorityShares: [1, 0, 0, 0], behavioralHealth: 0, weapon: 1 });
    expect(scenario.demand.categories["suicide-risk"].share).toBe(0);
  });

  it("fits hour-of-day and day-of-week profiles as relative weights with mean 1", () => {
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    expect(scenario.demand.hourOfDay).toHaveLength(24);
    expect(mean(scenario.demand.hourOfDay)).toBeCloseTo(1, 2);
    expect(scenario.demand.hourOfDay[1]).toBe(0);
    // Monday had 38 calls, Sunday 36; the weekdays the import never saw get the average weight.
    expect(scenario.demand.dayOfWeek).toEqual([1.027, 1, 1, 1, 1, 1, 0.973]);
  });

  it("keeps the template's unit types and models and scales every roster to the call volume", () => {
    const patrol = scenario.models["police-only"].staffing.patrol.map((shift: { units: number }) => shift.units);
    // 37 calls a day against Riverton's 296: 1/8 of each shift, at least 1.
    expect(patrol).toEqual([1, 1, 1, 1]);
    expect(Object.keys(scenario.unitTypes)).toEqual(["patrol", "co-responder", "outreach-team"]);
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\.\/.*schema\/scenario\.schema\.json/);
    expect(scenario.sources["demand.callsPerDay"]).toContain("74 calls, 2023-01-01 to 2023-01-02");
  });
});
