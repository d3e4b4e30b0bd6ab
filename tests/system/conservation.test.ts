import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runReplication } from "../../src/experiment/run-replication.js";
import type { CallRecord } from "../../src/metrics/call-record.js";
import { loadScenario, validateScenario } from "../../src/scenario/load.js";
import { tinyScenario } from "../helpers/tiny-world.js";

/** Checks one call's record for impossible times and states; returns the problems found. */
function impossibilities(call: CallRecord): string[] {
  const problems: string[] = [];
  const order = [call.arrivalMin, call.readyMin, call.assignedMin, call.onSceneMin].filter((t) => !Number.isNaN(t));
  for (let i = 1; i < order.length; i++) if (order[i] < order[i - 1]) problems.push(`times out of order: ${order.join(" > ")}`);
  if (call.endMin < (order[order.length - 1] ?? call.arrivalMin)) problems.push("ended before it started");
  // A cancelled call may have had a unit sent (freed en route) or none.
  if (!call.cancelled && (call.phoneResolved || call.abandoned) !== (call.servedBy === -1)) problems.push("phone resolution, abandonment and serving unit disagree");
  if (call.cancelled && (call.abandoned || call.phoneResolved || call.fellBack)) problems.push("cancelled and also abandoned, resolved by phone or a fallback");
  if (call.cancelled && (!Number.isNaN(call.onSceneMin) || call.disposition !== -1 || call.officerAttended)) problems.push("cancelled after a unit arrived");
  if (!Number.isNaN(call.onSceneMin) && call.unitsAssigned < 1) problems.push("a unit on scene but none assigned");
  if (call.phoneResolved && call.abandoned) problems.push("both resolved by phone and abandoned");
  if (call.abandoned && !Number.isNaN(call.assignedMin)) problems.push("abandoned after a unit was assigned");
  if (call.fellBack && call.servedByAlternative) problems.push("fell back yet served by the alternative");
  if (call.officerMinutes < 0) problems.push("negative officer time");
  return problems;
}

function checkRun(scenario: ReturnType<typeof validateScenario>["config"], modelIndex: number, replication: number) {
  const seen = new Set<number>();
  const problems: string[] = [];
  const result = runReplication({
    scenario,
    modelIndex,
    replication,
    onCallEnd: (call) => {
      if (seen.has(call.id)) problems.push(`call ${call.id} ended twice`);
      seen.add(call.id);
      problems.push(...impossibilities(call).map((p) => `call ${call.id}: ${p}`));
    },
  });
  return { result, ended: seen.size, problems };
}

describe("conservation", () => {
  it("ends every Riverton call exactly once, with times in order, in every model", () => {
    const { config } = loadScenario("scenarios/riverton.yaml", { run: { horizonDays: 14 } });
    config.models.forEach((_, m) => {
      const { result, ended, problems } = checkRun(config, m, 0);
      expect(problems).toEqual([]);
      expect(ended).toBe(result.callsReceived);
    });
  });

  it("ends every call exactly once with every barrier knob on at once (riverton-barriers, zones, repeat callers, outreach, abandonment)", () => {
    const set = (path: (string | number)[], value: unknown) => ({ path, value, text: path.join(".") });
    const { config } = loadScenario("scenarios/riverton-barriers.yaml", {
      run: { horizonDays: 14 },
      set: [
        set(["geography"], { zones: ["north", "south"], shares: [0.6, 0.4], travelMin: [[5, 12], [12, 5]] }),
        set(["models", "police-only", "staffing", "patrol", 0, "zone"], "north"),
        set(["models", "centralized-outreach", "staffing", "patrol", 1, "zone"], "south"),
        set(["repeatCallers"], { people: 50, callsPerYear: 12, category: "mental-health", priorityShares: [0, 0.3, 0.5, 0.2], effect: 0.6, effectDays: 90 }),
        set(["unitTypes", "outreach-team", "outreach"], { breakOffMin: { dist: "uniform", min: 2, max: 8 }, followUpsPerHour: 0.5, followUpConnects: 0.3 }),
        set(["waiting", "abandonment"], { patienceMin: { dist: "exponential", mean: 30 }, priorities: [3, 4] }),
      ],
    });
    config.models.forEach((_, m) => {
      const { result, ended, problems } = checkRun(config, m, 1);
      expect(problems).toEqual([]);
      expect(ended).toBe(result.callsReceived);
    });
  });

  it("ends every call exactly once and never double-books a unit, for random staffing, routing, patience, escalation, misclassification and hold rules", () => {
    fc.assert(
      fc.property(
        fc.record({
          teams: fc.integer({ min: 0, max: 3 }),
          patrol: fc.integer({ min: 1, max: 4 }),
          fallbackAfterMin: fc.integer({ min: 0, max: 30 }),
          uptake: fc.double({ min: 0, max: 1, noNaN: true }),
          phoneResolution: fc.double({ min: 0, max: 1, noNaN: true }),
          backupShare: fc.double({ min: 0, max: 1, noNaN: true }),
          teamFrom: fc.integer({ min: 0, max: 23 }),
          hubStaff: fc.integer({ min: 0, max: 2 }),
          hubFrom: fc.integer({ min: 0, max: 23 }),
          seed: fc.integer({ min: 0, max: 1000 }),
          patience: fc.integer({ min: 0, max: 40 }),
          escalateAfter: fc.integer({ min: 0, max: 20 }),
          miscoded: fc.double({ min: 0, max: 1, noNaN: true }),
          flagMissed: fc.double({ min: 0, max: 1, noNaN: true }),
          holdByOfficer: fc.boolean(),
        }),
        (p) => {
          const s: any = tinyScenario({
            run: { horizonDays: 2, warmupDays: 0, seed: p.seed, replications: 1 },
            demand: {
              callsPerDay: 150,
              categories: { crisis: { share: 0.4, priorityShares: [0.2, 0.8], behavioralHealth: 0.9 }, other: { share: 0.6, priorityShares: [0.3, 0.7], behavioralHealth: 0.3 } },
            },
            outcomes: { arrest: { cost: 100, holdMin: { dist: "exponential", mean: 40 } } },
            intake: { codedAs: { other: { crisis: p.miscoded } }, behavioralHealthFlagMissed: p.flagMissed },
            policy: p.holdByOfficer ? { involuntaryHoldBy: ["officer"] } : undefined,
            waiting: {
              ...(p.patience > 0 ? { abandonment: { patienceMin: { dist: "exponential", mean: p.patience } } } : {}),
              ...(p.escalateAfter > 0 ? { escalation: { afterMin: p.escalateAfter, toPriority: 1 } } : {}),
            },
          });
          s.unitTypes.patrol.travelMin = { dist: "exponential", mean: 5 };
          s.unitTypes.patrol.onSceneMin.default = { dist: "exponential", mean: 25 };
          s.unitTypes.patrol.dispositions.default = { resolved: 0.8, arrest: 0.2 };
          s.unitTypes.team = {
            crew: { clinician: 1, peer: 1 },
            costPerHour: 50,
            travelMin: { dist: "lognormal", median: 8, p90: 20 },
            onSceneMin: { default: { dist: "gamma", mean: 40, sd: 20 } },
            dispositions: { default: { referred: 0.8, "ed-transport": 0.1, "involuntary-hold": 0.1 } },
            backup: { share: p.backupShare, send: ["patrol"], priority: 1 },
          };
          const teamShifts = p.teams > 0 ? [{ from: `${String(p.teamFrom).padStart(2, "0")}:00`, to: `${String((p.teamFrom + 10) % 24).padStart(2, "0")}:00`, units: p.teams }] : [{ from: "00:00", to: "24:00", units: 0 }];
          s.models = {
            mixed: {
              staffing: { patrol: [{ from: "00:00", to: "24:00", units: p.patrol }], team: teamShifts },
              hub: {
                staff: [{ from: `${String(p.hubFrom).padStart(2, "0")}:00`, to: `${String((p.hubFrom + 12) % 24).padStart(2, "0")}:00`, units: p.hubStaff }],
                costPerHour: 30,
                triageMin: { dist: "uniform", min: 1, max: 5 },
                phoneResolution: p.phoneResolution,
              },
              dispatch: [
                { match: { behavioralHealth: true, categories: ["crisis"] }, viaHub: true, send: ["team", "patrol"], uptake: p.uptake, fallbackAfterMin: p.fallbackAfterMin },
                { send: ["patrol"] },
              ],
            },
          };
          if (p.teams === 0) {
            s.models.mixed.dispatch[0].send = ["patrol"];
            delete s.models.mixed.dispatch[0].uptake;
            s.models.mixed.staffing.team = [{ from: "00:00", to: "24:00", units: 1 }];
          }
          const { config } = validateScenario(s, "property.yaml");
          const { result, ended, problems } = checkRun(config, 0, 0);
          expect(problems).toEqual([]);
          expect(ended).toBe(result.callsReceived);
        },
      ),
      { numRuns: 60, seed: 20261126 },
    );
  });
});

describe("conservation with the dispatch policy, cancellations and multi-unit responses", () => {
  it("ends every call exactly once and never double-books a unit, for random reserves, aging, cancellations and units per call", () => {
    fc.assert(
      fc.property(
        fc.record({
          patrol: fc.integer({ min: 1, max: 5 }),
          teams: fc.integer({ min: 1, max: 3 }),
          keep: fc.integer({ min: 0, max: 2 }),
          forPriorities: fc.integer({ min: 1, max: 2 }),
          agingAfter: fc.integer({ min: 0, max: 30 }),
          highest: fc.integer({ min: 1, max: 2 }),
          cancelShare: fc.double({ min: 0, max: 1, noNaN: true }),
          cancelMean: fc.integer({ min: 1, max: 40 }),
          units: fc.integer({ min: 1, max: 3 }),
          teamUnits: fc.integer({ min: 1, max: 2 }),
          backupShare: fc.double({ min: 0, max: 1, noNaN: true }),
          patience: fc.integer({ min: 0, max: 40 }),
          escalateAfter: fc.integer({ min: 0, max: 20 }),
          fallbackAfterMin: fc.integer({ min: 0, max: 30 }),
          processing: fc.boolean(),
          hub: fc.boolean(),
          seed: fc.integer({ min: 0, max: 1000 }),
        }),
        (p) => {
          const s: any = tinyScenario({
            run: { horizonDays: 2, warmupDays: 0, seed: p.seed, replications: 1 },
            demand: {
              callsPerDay: 150,
              categories: { crisis: { share: 0.4, priorityShares: [0.2, 0.3, 0.5], behavioralHealth: 0.9 }, violent: { share: 0.6, priorityShares: [0.3, 0.3, 0.4], weapon: 0.3 } },
            },
            ...(p.processing ? { callProcessingMin: { default: { dist: "exponential", mean: 2 } } } : {}),
            dispatchPolicy: {
              ...(p.keep > 0 && p.patrol > p.keep ? { reserve: [{ unitType: "patrol", keep: p.keep, forPriorities: p.forPriorities }] } : {}),
              ...(p.agingAfter > 0 ? { aging: { afterMin: p.agingAfter, highestPriority: p.highest } } : {}),
            },
            cancellations: { share: { default: p.cancelShare }, afterMin: { default: { dist: "exponential", mean: p.cancelMean } } },
            unitsPerCall: [
              { match: { categories: ["violent"], priorities: [1] }, units: p.units },
              { match: { behavioralHealth: true }, units: p.teamUnits },
            ],
            waiting: {
              ...(p.patience > 0 ? { abandonment: { patienceMin: { dist: "exponential", mean: p.patience } } } : {}),
              ...(p.escalateAfter > 0 ? { escalation: { afterMin: p.escalateAfter, toPriority: 1 } } : {}),
            },
            outcomes: { arrest: { cost: 100, holdMin: { dist: "exponential", mean: 40 } } },
          });
          s.unitTypes.patrol.travelMin = { dist: "exponential", mean: 8 };
          s.unitTypes.patrol.onSceneMin.default = { dist: "exponential", mean: 25 };
          s.unitTypes.patrol.dispositions.default = { resolved: 0.8, arrest: 0.2 };
          s.unitTypes.team = {
            crew: { clinician: 1, peer: 1 },
            costPerHour: 50,
            travelMin: { dist: "lognormal", median: 8, p90: 20 },
            onSceneMin: { default: { dist: "gamma", mean: 40, sd: 20 } },
            dispositions: { default: { referred: 0.8, "involuntary-hold": 0.2 } },
            backup: { share: p.backupShare, send: ["patrol"], priority: 1 },
          };
          s.models = {
            mixed: {
              staffing: { patrol: [{ from: "00:00", to: "24:00", units: p.patrol }], team: [{ from: "08:00", to: "20:00", units: p.teams }] },
              ...(p.hub ? { hub: { staff: [{ from: "06:00", to: "22:00", units: 1 }], costPerHour: 30, triageMin: { dist: "uniform", min: 1, max: 5 }, phoneResolution: 0.2 } } : {}),
              dispatch: [
                { match: { behavioralHealth: true }, viaHub: p.hub, send: ["team", "patrol"], fallbackAfterMin: p.fallbackAfterMin },
                { match: { priorities: [1] }, send: ["patrol"], ifIdle: ["team"] },
                { send: ["patrol"] },
              ],
            },
          };
          const { config } = validateScenario(s, "property.yaml");
          const { result, ended, problems } = checkRun(config, 0, 0);
          expect(problems).toEqual([]);
          expect(ended).toBe(result.callsReceived);
        },
      ),
      { numRuns: 60, seed: 20261201 },
    );
  });
});

describe("common random numbers", () => {
  const { config } = loadScenario("scenarios/riverton.yaml", { run: { horizonDays: 7 } });

  it("gives every model of a replication the same calls", () => {
    const counts = config.models.map((_, m) => {
      const { values } = runReplication({ scenario: config, modelIndex: m, replication: 3 });
      return [values.get("calls"), values.get("bhCalls"), values.get("eligibleCalls") === 0];
    });
    expect(counts[1].slice(0, 2)).toEqual(counts[0].slice(0, 2));
    expect(counts[2].slice(0, 2)).toEqual(counts[0].slice(0, 2));
  });

  it("changes only what it must: staffing a unit type that no rule sends leaves every call's outcome unchanged", () => {
    const base: any = tinyScenario({ run: { horizonDays: 3, warmupDays: 0, seed: 5, replications: 1 } });
    base.unitTypes.patrol.onSceneMin.default = { dist: "exponential", mean: 60 };
    base.unitTypes.patrol.travelMin = { dist: "exponential", mean: 6 };
    base.unitTypes.patrol.dispositions.default = { resolved: 0.7, referred: 0.2, arrest: 0.1 };
    base.unitTypes.spare = { crew: { officer: 1 }, costPerHour: 1, onSceneMin: { default: { dist: "fixed", value: 1 } }, dispositions: { default: { resolved: 1 } } };
    base.models["with-spare"] = {
      staffing: { patrol: [{ from: "00:00", to: "24:00", units: 1 }], spare: [{ from: "00:00", to: "24:00", units: 3 }] },
      dispatch: [{ send: ["patrol"] }],
    };
    const { config: scenario } = validateScenario(base, "crn.yaml");
    const outcomes = [0, 1].map((m) => {
      const rows: string[] = [];
      runReplication({ scenario, modelIndex: m, replication: 0, onCallEnd: (c) => rows.push(`${c.id}:${c.onSceneMin}:${c.endMin}:${c.disposition}`) });
      return rows;
    });
    expect(outcomes[1]).toEqual(outcomes[0]);
    expect(outcomes[0].length).toBeGreaterThan(10);
  });
});
