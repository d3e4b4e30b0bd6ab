import { describe, expect, it } from "vitest";
import { runReplication } from "../../src/experiment/run-replication.js";
import { validateScenario } from "../../src/scenario/load.js";
import { tinyScenario } from "../helpers/tiny-world.js";

/** Ten frequent callers, one patrol unit and one team; the team refers, patrol resolves. */
function world(rule: Record<string, unknown> = {}, informationShared = true, outreach?: Record<string, unknown>) {
  const scenario: any = tinyScenario({
    run: { horizonDays: 120, warmupDays: 0, seed: 11, replications: 1 },
    demand: { callsPerDay: 0.01, categories: { crisis: { share: 1, priorityShares: [0, 1], behavioralHealth: 1 } } },
    repeatCallers: { people: 10, callsPerYear: 24, category: "crisis", priorityShares: [0, 1], connectedBy: ["referred"], effect: 1, effectDays: 60 },
  });
  scenario.unitTypes.team = { crew: { clinician: 1 }, costPerHour: 1, onSceneMin: { default: { dist: "fixed", value: 20 } }, dispositions: { default: { referred: 1 } }, ...(outreach ? { outreach } : {}) };
  const staffing = { patrol: [{ from: "00:00", to: "24:00", units: 1 }], team: [{ from: "00:00", to: "24:00", units: 1 }] };
  scenario.models = {
    "police-only": { staffing, dispatch: [{ send: ["patrol"] }] },
    outreach: { staffing, informationShared, dispatch: [{ match: { behavioralHealth: true }, send: ["team", "patrol"], fallbackAfterMin: 30, ...rule }, { send: ["patrol"] }] },
  };
  const { config } = validateScenario(scenario, "repeat.yaml");
  return (m: number) => runReplication({ scenario: config, modelIndex: m, replication: 0 }).values;
}

describe("repeat callers", () => {
  it("call less once connected to care, and the calls avoided plus made are the same potential calls in every model", () => {
    const run = world();
    const [police, outreach] = [run(0), run(1)];
    expect(police.get("repeatCallsAvoided")).toBe(0);
    expect(outreach.get("repeatCallsAvoided")!).toBeGreaterThan(0);
    expect(outreach.get("repeatCalls")!).toBeLessThan(police.get("repeatCalls")!);
    expect(outreach.get("repeatCalls")! + outreach.get("repeatCallsAvoided")!).toBe(police.get("repeatCalls"));
  });

  it("are always routed to the alternative when agencies share information, and by uptake otherwise", () => {
    // Uptake 0 routes no call to the team, except a recognised repeat caller's.
    expect(world({ uptake: 0 }, true)(1).get("alternativeShare")!).toBeGreaterThan(0.95);
    expect(world({ uptake: 0 }, false)(1).get("alternativeShare")).toBe(0);
  });

  it("call still less when idle outreach teams make follow-up visits that connect them to care", () => {
    const without = world({}, true)(1);
    const withFollowUps = world({}, true, { breakOffMin: { dist: "fixed", value: 0 }, followUpsPerHour: 0.5, followUpConnects: 0.5 })(1);
    expect(without.get("followUps")).toBe(0);
    expect(withFollowUps.get("followUps")!).toBeGreaterThan(100);
    expect(withFollowUps.get("followUpsConnected")!).toBeGreaterThan(0);
    expect(withFollowUps.get("repeatCallsAvoided")!).toBeGreaterThan(without.get("repeatCallsAvoided")!);
    expect(withFollowUps.get("repeatCalls")!).toBeLessThan(without.get("repeatCalls")!);
  });
});
