import { describe, expect, it } from "vitest";
import { arrival, tinyScenario, trace } from "../helpers/tiny-world.js";

const times = (c: { id: number; assignedMin: number; onSceneMin: number; endMin: number }) => [c.id, c.assignedMin, c.onSceneMin, c.endMin];

describe("call life cycle with one unit and fixed times", () => {
  it("serves two calls one after the other when one unit is on duty", () => {
    const ended = trace(tinyScenario(), [arrival(0), arrival(5)]);
    expect(ended.map(times)).toEqual([
      [0, 0, 0, 10],
      [1, 10, 10, 20],
    ]);
  });

  it("serves a waiting priority-1 call before older priority-2 calls", () => {
    const ended = trace(tinyScenario(), [arrival(0), arrival(1), arrival(2, { priority: 1 })]);
    expect(ended.map(times)).toEqual([
      [0, 0, 0, 10],
      [2, 10, 10, 20],
      [1, 20, 20, 30],
    ]);
  });

  it("lets a unit freed at t take a call received at the same t", () => {
    const ended = trace(tinyScenario(), [arrival(0), arrival(10)]);
    expect(ended.map(times)).toEqual([
      [0, 0, 0, 10],
      [1, 10, 10, 20],
    ]);
  });

  it("counts travel in the response time but not in the queue wait", () => {
    const scenario = tinyScenario();
    (scenario.unitTypes as any).patrol.travelMin = { dist: "fixed", value: 4 };
    const [call] = trace(scenario, [arrival(3)]);
    expect([call.readyMin, call.assignedMin, call.onSceneMin, call.endMin]).toEqual([3, 3, 7, 17]);
  });

  it("holds the unit for the disposition's extra time and charges its cost", () => {
    const scenario = tinyScenario({ outcomes: { arrest: { cost: 500, holdMin: { dist: "fixed", value: 60 } } } });
    (scenario.unitTypes as any).patrol.dispositions = { default: { arrest: 1 } };
    const ended = trace(scenario, [arrival(0), arrival(1)]);
    expect(ended.map(times)).toEqual([
      [0, 0, 0, 70],
      [1, 70, 70, 140],
    ]);
    expect(ended[0].outcomeCost).toBe(500);
    expect(ended[0].officerMinutes).toBe(70);
  });

  it("lets a unit busy at the end of its shift finish its call, then keeps calls waiting until the next shift", () => {
    const scenario = tinyScenario();
    (scenario.models as any)["police-only"].staffing.patrol = [
      { from: "00:00", to: "01:00", units: 1 },
      { from: "02:00", to: "24:00", units: 1 },
    ];
    const ended = trace(scenario, [arrival(55), arrival(62)]);
    expect(ended.map(times)).toEqual([
      [0, 55, 55, 65],
      [1, 120, 120, 130],
    ]);
  });
});

describe("routing between unit types", () => {
  const twoTypes = (rule: Record<string, unknown>, alternativeShifts = [{ from: "00:00", to: "24:00", units: 1 }]) =>
    tinyScenario({
      unitTypes: {
        patrol: (tinyScenario().unitTypes as any).patrol,
        team: {
          crew: { clinician: 1, peer: 1 },
          costPerHour: 50,
          onSceneMin: { default: { dist: "fixed", value: 30 } },
          dispositions: { default: { referred: 1 } },
        },
      },
      models: {
        outreach: {
          staffing: { patrol: [{ from: "00:00", to: "24:00", units: 1 }], team: alternativeShifts },
          hub: { staff: [{ from: "00:00", to: "24:00", units: 1 }], costPerHour: 40, triageMin: { dist: "fixed", value: 2 }, phoneResolution: 0 },
          dispatch: [{ match: { behavioralHealth: true }, send: ["team", "patrol"], ...rule }, { send: ["patrol"] }],
        },
      },
    });
  const bh = (t: number) => arrival(t, { behavioralHealth: true });

  it("sends a behavioral-health call to the free alternative team with no officer attending", () => {
    const [call] = trace(twoTypes({ fallbackAfterMin: 10 }), [bh(0)]);
    expect([call.servedBy, call.endMin, call.servedByAlternative, call.officerAttended, call.fellBack]).toEqual([1, 30, true, false, false]);
  });

  it("falls back to patrol when the team is still busy after the fallback wait", () => {
    const ended = trace(twoTypes({ fallbackAfterMin: 10 }), [bh(0), bh(5)]);
    const second = ended.find((c) => c.id === 1)!;
    expect([second.servedBy, second.assignedMin, second.fellBack, second.officerAttended]).toEqual([0, 15, true, true]);
  });

  it("gives the call to the team if it frees up within the fallback wait", () => {
    const ended = trace(twoTypes({ fallbackAfterMin: 40 }), [bh(0), bh(5)]);
    const second = ended.find((c) => c.id === 1)!;
    expect([second.servedBy, second.assignedMin, second.fellBack]).toEqual([1, 30, false]);
  });

  it("falls back at once when the alternative is off duty", () => {
    const [call] = trace(twoTypes({ fallbackAfterMin: 30 }, [{ from: "08:00", to: "16:00", units: 1 }]), [bh(60)]);
    expect([call.servedBy, call.assignedMin, call.fellBack]).toEqual([0, 60, true]);
  });

  it("routes no call to the alternative when uptake is 0, and counts none as a fallback", () => {
    const ended = trace(twoTypes({ uptake: 0 }), [bh(0), bh(50)]);
    expect(ended.map((c) => [c.servedBy, c.offeredAlternative, c.fellBack, c.eligible])).toEqual([
      [0, false, false, true],
      [0, false, false, true],
    ]);
  });

  it("passes hub calls through triage before dispatch, and a phone resolution ends them with no unit", () => {
    const scenario = twoTypes({ viaHub: true });
    const [triaged] = trace(scenario, [bh(0)]);
    expect([triaged.readyMin, triaged.assignedMin, triaged.endMin]).toEqual([2, 2, 32]);
    (scenario.models as any).outreach.hub.phoneResolution = 1;
    const [phone] = trace(scenario, [bh(0)]);
    expect([phone.phoneResolved, phone.servedBy, phone.endMin, phone.officerAttended]).toEqual([true, -1, 2, false]);
  });

  it("lets an idle unit listed in ifIdle take a general call when no patrol unit is free, and never queues the call for it", () => {
    const scenario = twoTypes({});
    const model = (scenario.models as any).outreach;
    model.dispatch[1] = { send: ["patrol"], ifIdle: ["team"] };
    const ended = trace(scenario, [arrival(0), arrival(1), arrival(2)]);
    expect(ended.map((c) => [c.id, c.servedBy, c.assignedMin])).toEqual([
      [0, 0, 0],
      [2, 0, 10],
      [1, 1, 1],
    ]);
  });

  it("lets a unit listed in ifIdle take the next waiting general call when it frees up", () => {
    const scenario = twoTypes({});
    (scenario.models as any).outreach.dispatch[1] = { send: ["patrol"], ifIdle: ["team"] };
    (scenario.unitTypes as any).team.onSceneMin.default = { dist: "fixed", value: 5 };
    // 0: patrol; 1: team (idle); 2 and 3 wait for patrol; the team frees at 6 and takes call 2.
    const ended = trace(scenario, [arrival(0), arrival(1), arrival(2), arrival(3)]);
    expect(ended.map((c) => [c.id, c.servedBy, c.assignedMin])).toEqual([
      [1, 1, 1],
      [0, 0, 0],
      [2, 1, 6],
      [3, 0, 10],
    ]);
  });

  it("delays dispatch by the hand-off from 911 to the team's dispatcher, and to the hub before triage", () => {
    const [direct] = trace(twoTypes({ handoffMin: { dist: "fixed", value: 3 } }), [bh(0)]);
    expect([direct.readyMin, direct.assignedMin, direct.servedBy]).toEqual([3, 3, 1]);
    const [viaHub] = trace(twoTypes({ handoffMin: { dist: "fixed", value: 3 }, viaHub: true }), [bh(0)]);
    expect([viaHub.readyMin, viaHub.assignedMin]).toEqual([5, 5]);
  });

  it("makes an outreach team break off its visit before it travels, and counts its idle time as outreach", async () => {
    const scenario = twoTypes({});
    (scenario.unitTypes as any).team.outreach = { breakOffMin: { dist: "fixed", value: 4 } };
    const [call] = trace(scenario, [bh(0)]);
    expect([call.assignedMin, call.onSceneMin, call.endMin]).toEqual([0, 4, 34]);
    const { runReplication } = await import("../../src/experiment/run-replication.js");
    const { validateScenario } = await import("../../src/scenario/load.js");
    const { ListCallSource } = await import("../../src/streams/list-source.js");
    const { config } = validateScenario(scenario, "outreach.yaml");
    const { values } = runReplication({ scenario: config, modelIndex: 0, replication: 0, source: new ListCallSource([bh(0)]) });
    // One team on duty 24 h, busy 34 minutes with the call (break-off included).
    expect(values.get("outreachHours.team")).toBeCloseTo(24 - 34 / 60, 9);
    expect(values.get("outreachHours.patrol")).toBeNull();
  });

  it("keeps calls with a weapon with police when the rule excludes them", () => {
    const ended = trace(twoTypes({ match: { behavioralHealth: true, weapon: false } }), [arrival(0, { behavioralHealth: true, weapon: true }), arrival(50, { behavioralHealth: true })]);
    expect(ended.map((c) => [c.id, c.servedBy, c.eligible])).toEqual([
      [0, 0, false],
      [1, 1, true],
    ]);
  });

  it("counts a call as eligible when its rule sends only an alternative, with no police fallback", () => {
    const [call] = trace(twoTypes({ send: ["team"] }), [bh(0)]);
    expect([call.eligible, call.offeredAlternative, call.servedByAlternative]).toEqual([true, true, true]);
  });

  it("sends police when the caller declines the civilian team, without counting a fallback", () => {
    const scenario = twoTypes({});
    (scenario.unitTypes as any).team.declineShare = 1;
    const [call] = trace(scenario, [bh(0)]);
    expect([call.declined, call.servedBy, call.offeredAlternative, call.fellBack, call.eligible]).toEqual([true, 0, false, false, true]);
    (scenario.unitTypes as any).team.declineShare = 0;
    const [accepted] = trace(scenario, [bh(0)]);
    expect([accepted.declined, accepted.servedBy]).toEqual([false, 1]);
  });

  it("keeps the incident open until the linked police backup is freed", () => {
    const scenario = twoTypes({});
    (scenario.unitTypes as any).team.backup = { share: 1, send: ["patrol"], priority: 1 };
    (scenario.unitTypes as any).patrol.travelMin = { dist: "fixed", value: 5 };
    const [call] = trace(scenario, [bh(0)]);
    // Team on scene at 0 (no travel), backup requested at 0, patrol on scene at 5, busy until 15;
    // the team leaves at 30, which ends the incident.
    expect([call.backupRequested, call.officerAttended, call.endMin, call.officerMinutes]).toEqual([true, true, 30, 15]);
  });
});

describe("unit time accounting", () => {
  it("counts every rostered unit-minute as staffed, whatever calls do, and busy time exactly", async () => {
    const { runReplication } = await import("../../src/experiment/run-replication.js");
    const { validateScenario } = await import("../../src/scenario/load.js");
    const { ListCallSource } = await import("../../src/streams/list-source.js");
    const scenario: any = tinyScenario();
    scenario.models["police-only"].staffing.patrol = [
      { from: "00:00", to: "24:00", units: 2 },
      { from: "08:00", to: "16:00", units: 1 },
    ];
    const { config } = validateScenario(scenario, "tiny.yaml");
    const calls = [arrival(0), arrival(1), arrival(2), arrival(479), arrival(600)];
    const { values } = runReplication({ scenario: config, modelIndex: 0, replication: 0, source: new ListCallSource(calls) });
    // 2 units x 24 h + 1 unit x 8 h = 56 unit-hours; 5 calls x 10 min busy = 50 unit-minutes.
    expect(values.get("cost.staffing")).toBe(56 * 60);
    expect(values.get("utilization.patrol")).toBeCloseTo(50 / (56 * 60), 12);
    // Calls at 0, 1, 2 (hour 0: 30 busy of 120 staffed minutes), 479 (10 busy minutes split 1 + 9
    // across hours 7 and 8) and 600 (hour 10); hours 8-15 have 3 units on duty.
    expect(values.get("utilizationByHour.patrol.h00")).toBeCloseTo(30 / 120, 12);
    expect(values.get("utilizationByHour.patrol.h07")).toBeCloseTo(1 / 120, 12);
    expect(values.get("utilizationByHour.patrol.h08")).toBeCloseTo(9 / 180, 12);
    expect(values.get("utilizationByHour.patrol.h10")).toBeCloseTo(10 / 180, 12);
    expect(values.get("utilizationByHour.patrol.h20")).toBe(0);
  });
});

describe("while waiting", () => {
  it("ends a call whose caller runs out of patience before a unit is free, with no unit and no diversion", () => {
    const scenario = tinyScenario({ waiting: { abandonment: { patienceMin: { dist: "fixed", value: 3 } } } });
    const ended = trace(scenario, [arrival(0), arrival(1)]);
    const hungUp = ended.find((c) => c.id === 1)!;
    expect([hungUp.abandoned, hungUp.endMin, hungUp.servedBy, Number.isNaN(hungUp.assignedMin)]).toEqual([true, 4, -1, true]);
  });

  it("keeps a caller who is answered within their patience", () => {
    const scenario = tinyScenario({ waiting: { abandonment: { patienceMin: { dist: "fixed", value: 20 } } } });
    const ended = trace(scenario, [arrival(0), arrival(1)]);
    expect(ended.map((c) => [c.id, c.abandoned, c.assignedMin])).toEqual([
      [0, false, 0],
      [1, false, 10],
    ]);
  });

  it("lets only the listed priorities hang up", () => {
    const scenario = tinyScenario({ waiting: { abandonment: { patienceMin: { dist: "fixed", value: 3 }, priorities: [1] } } });
    const ended = trace(scenario, [arrival(0), arrival(1)]);
    expect(ended.find((c) => c.id === 1)!.abandoned).toBe(false);
  });

  it("escalates a behavioral-health call that waits too long for the team: priority 1, sent to patrol", () => {
    const scenario: any = tinyScenario({
      waiting: { escalation: { afterMin: 5, toPriority: 1 } },
      unitTypes: {
        patrol: (tinyScenario().unitTypes as any).patrol,
        team: { crew: { clinician: 1 }, costPerHour: 50, onSceneMin: { default: { dist: "fixed", value: 30 } }, dispositions: { default: { referred: 1 } } },
      },
      models: {
        outreach: {
          staffing: { patrol: [{ from: "00:00", to: "24:00", units: 1 }], team: [{ from: "00:00", to: "24:00", units: 1 }] },
          dispatch: [{ match: { behavioralHealth: true }, send: ["team", "patrol"], fallbackAfterMin: 60 }, { send: ["patrol"] }],
        },
      },
    });
    const bh = (t: number) => arrival(t, { behavioralHealth: true });
    const ended = trace(scenario, [bh(0), bh(1)]);
    const second = ended.find((c) => c.id === 1)!;
    expect([second.escalated, second.priority, second.servedBy, second.assignedMin, second.fellBack]).toEqual([true, 1, 0, 6, true]);
  });
});

describe("intake misclassification and who may place a hold", () => {
  const world = (extra: Record<string, unknown>, teamDispositions: Record<string, number> = { referred: 1 }) => {
    const scenario: any = tinyScenario({
      demand: { callsPerDay: 10, categories: { crisis: { share: 0.5, priorityShares: [0, 1], behavioralHealth: 1 }, other: { share: 0.5, priorityShares: [0, 1] } } },
      unitTypes: {
        patrol: (tinyScenario().unitTypes as any).patrol,
        team: { crew: { clinician: 1, peer: 1 }, costPerHour: 50, onSceneMin: { default: { dist: "fixed", value: 30 } }, dispositions: { default: teamDispositions } },
      },
      outcomes: { "involuntary-hold": { cost: 2000, holdMin: { dist: "fixed", value: 60 } } },
      models: {
        outreach: {
          staffing: { patrol: [{ from: "00:00", to: "24:00", units: 1 }], team: [{ from: "00:00", to: "24:00", units: 1 }] },
          dispatch: [{ match: { categories: ["crisis"], behavioralHealth: true }, send: ["team", "patrol"] }, { send: ["patrol"] }],
        },
      },
      ...extra,
    });
    return scenario;
  };
  const crisis = (t: number) => arrival(t, { category: 0, behavioralHealth: true });
  const other = (t: number) => arrival(t, { category: 1, behavioralHealth: true });

  it("never sends the alternative to a crisis call coded as something else", () => {
    const [call] = trace(world({ intake: { codedAs: { crisis: { other: 1 } } } }), [crisis(0)]);
    expect([call.servedBy, call.eligible, call.category]).toEqual([0, false, 0]);
  });

  it("never sends the alternative to a behavioral-health call whose flag was missed at intake", () => {
    const [call] = trace(world({ intake: { behavioralHealthFlagMissed: 1 } }), [crisis(0)]);
    expect([call.servedBy, call.behavioralHealth]).toEqual([0, true]);
  });

  it("has a civilian team hand a call outside its scope to police, who then decide its outcome", () => {
    const [call] = trace(world({ intake: { codedAs: { other: { crisis: 1 } }, handoverMin: { dist: "fixed", value: 5 } } }), [other(0)]);
    // Team on scene at 0, leaves at 5; patrol (idle) assigned at 0 and busy 10 minutes: the incident ends at 10.
    expect([call.servedBy, call.handedOver, call.officerAttended, call.disposition, call.endMin]).toEqual([1, true, true, 0, 10]);
  });

  it("has police place an involuntary hold that the civilian team may not place, keeping the hold time off the team", () => {
    const scenario = world({ policy: { involuntaryHoldBy: ["officer"] } }, { "involuntary-hold": 1 });
    const [call] = trace(scenario, [crisis(0)]);
    // Team on scene 30 minutes, no hold; patrol sent at 0, on scene 10 + hold 60.
    expect([call.disposition, call.officerAttended, call.outcomeCost, call.endMin, call.officerMinutes]).toEqual([4, true, 2000, 70, 70]);
    const [unrestricted] = trace(world({}, { "involuntary-hold": 1 }), [crisis(0)]);
    expect([unrestricted.officerAttended, unrestricted.endMin]).toEqual([false, 90]);
  });
});

describe("a new team's ramp-up", () => {
  const rampWorld = (rampUp: Record<string, number>) => {
    const scenario: any = tinyScenario();
    scenario.unitTypes.patrol.rampUp = rampUp;
    scenario.unitTypes.patrol.dispositions.default = { resolved: 1 };
    return scenario;
  };

  it("stretches time on scene by the factor on day 0, falling linearly to none by the end of the ramp", () => {
    const ended = trace(rampWorld({ days: 2, onSceneFactor: 2 }), [arrival(0), arrival(1440), arrival(2880)]);
    expect(ended.map((c) => c.endMin - c.onSceneMin)).toEqual([20, 15, 10]);
  });

  it("turns resolutions into ED transports at the shortfall on day 0 and never after the ramp", () => {
    const ended = trace(rampWorld({ days: 1, resolutionShortfall: 1 }), [arrival(0), arrival(1440)]);
    expect(ended.map((c) => c.disposition)).toEqual([3, 0]);
  });
});

describe("geography", () => {
  const zoned = (travelMin?: Record<string, unknown>) => {
    const scenario: any = tinyScenario({ geography: { zones: ["north", "south"], shares: [0.5, 0.5], travelMin: [[2, 10], [10, 2]] } });
    scenario.models["police-only"].staffing.patrol = [
      { from: "00:00", to: "24:00", units: 1, zone: "north" },
      { from: "00:00", to: "24:00", units: 1, zone: "south" },
    ];
    if (travelMin) scenario.unitTypes.patrol.travelMin = travelMin;
    return scenario;
  };

  it("sends the nearest idle unit, with the zone table's travel time", () => {
    const ended = trace(zoned(), [arrival(0, { zone: 1 } as any), arrival(1, { zone: 0 } as any), arrival(3, { zone: 1 } as any)]);
    // Call 0 (south) takes the south unit: 2 min. Call 1 (north) the north unit: 2 min. Call 2
    // (south) waits for the first unit free: the south unit at 12, 2 min away again.
    expect(ended.map((c) => [c.id, c.onSceneMin - c.assignedMin])).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
  });

  it("sends a farther unit when the nearest is busy, and scales the unit type's travel spread to the zone pair", () => {
    const ended = trace(zoned({ dist: "fixed", value: 5 }), [arrival(0, { zone: 1 } as any), arrival(1, { zone: 1 } as any)]);
    expect(ended.map((c) => [c.id, c.onSceneMin - c.assignedMin])).toEqual([
      [0, 2],
      [1, 10],
    ]);
  });

  it("rejects a shift in a zone that geography does not define, and a table of the wrong size", async () => {
    const { validateScenario } = await import("../../src/scenario/load.js");
    const scenario = zoned();
    scenario.models["police-only"].staffing.patrol[1].zone = "sout";
    scenario.geography.travelMin = [[1, 2]];
    expect(() => validateScenario(scenario, "zones.yaml")).toThrow(
      "zones.yaml: geography.travelMin must be a 2 x 2 table (rows: from the unit's zone, columns: to the call's zone)\nzones.yaml: models.police-only.staffing.patrol[1].zone names unknown zone 'sout', did you mean 'south'?",
    );
  });
});
