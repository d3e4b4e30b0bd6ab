/**
 * The order of a call's life as the real programs run it (dispatcher first, then the hub's staffed
 * triage), and which waiting call a freed unit takes. Fixed times, so every expected value is
 * worked out by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import { arrival, tinyScenario, trace } from "../helpers/tiny-world.js";

const patrol = (tinyScenario().unitTypes as any).patrol;
const team = { crew: { clinician: 1, peer: 1 }, costPerHour: 50, onSceneMin: { default: { dist: "fixed", value: 30 } }, dispositions: { default: { referred: 1 } } };
const allDay = (units: number) => [{ from: "00:00", to: "24:00", units }];
const bh = (t: number, extra = {}) => arrival(t, { behavioralHealth: true, ...extra });

/** Patrol and a civilian team; behavioral-health calls go to the team via a hub with one staff member and 2-minute triage. */
function hubWorld(rule: Record<string, unknown> = {}, hub: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): any {
  return tinyScenario({
    unitTypes: { patrol, team },
    models: {
      outreach: {
        staffing: { patrol: allDay(1), team: allDay(1) },
        hub: { staff: allDay(1), costPerHour: 40, triageMin: { dist: "fixed", value: 2 }, phoneResolution: 0, ...hub },
        dispatch: [{ match: { behavioralHealth: true }, viaHub: true, send: ["team", "patrol"], fallbackAfterMin: 60, ...rule }, { send: ["patrol"] }],
      },
    },
    ...extra,
  });
}

describe("the dispatcher decides before the hub", () => {
  it("never sends a call the dispatcher did not route (uptake 0) through the hub: no triage, no phone resolution, police at once", () => {
    const ended = trace(hubWorld({ uptake: 0 }, { phoneResolution: 1 }), [bh(0), bh(1)]);
    // Both calls go straight to patrol: the first at 0 (on scene at once, 10 min), the second waits for it.
    expect(ended.map((c) => [c.id, c.hubArrivalMin, c.triageStartMin, c.phoneResolved, c.readyMin, c.assignedMin, c.servedBy, c.offeredAlternative, c.fellBack])).toEqual([
      [0, NaN, NaN, false, 0, 0, 0, false, false],
      [1, NaN, NaN, false, 1, 10, 0, false, false],
    ]);
  });

  it("gives a model with uptake 0 exactly the police-only model's calls", () => {
    const world = hubWorld({ uptake: 0 }, { phoneResolution: 0.5 });
    world.models["police-only"] = { staffing: { patrol: allDay(1) }, dispatch: [{ send: ["patrol"] }] };
    const calls = [bh(0), arrival(3), bh(4, { priority: 1 }), bh(30)];
    const row = (c: any) => [c.id, c.readyMin, c.assignedMin, c.onSceneMin, c.endMin, c.officerAttended, c.phoneResolved, c.hubArrivalMin];
    expect(trace(world, calls, 0).map(row)).toEqual(trace(world, calls, 1).map(row));
  });

  it("hands a routed call to the hub, then to the team after triage", () => {
    const [call] = trace(hubWorld({ handoffMin: { dist: "fixed", value: 3 } }), [bh(0)]);
    // Hand-off 3 min, triage 2 min: at the hub at 3, triaged from 3, ready at 5, team on scene at once.
    expect([call.hubArrivalMin, call.triageStartMin, call.readyMin, call.assignedMin, call.servedBy]).toEqual([3, 3, 5, 5, 1]);
  });
});

describe("the hub's staff", () => {
  it("makes a call wait for triage while every hub staff member is busy, in priority order", () => {
    // One staff member, 2-minute triage: calls 0, 1 (priority 2) and 2 (priority 1) reach the hub at 0, 0.5 and 1.
    // Call 0 is triaged 0-2; call 2 (more urgent) 2-4; call 1 4-6.
    const ended = trace(hubWorld({}, {}, {}), [bh(0), bh(0.5), bh(1, { priority: 1 })]);
    const byId = Object.fromEntries(ended.map((c) => [c.id, [c.hubArrivalMin, c.triageStartMin, c.readyMin]]));
    expect(byId).toEqual({ 0: [0, 0, 2], 1: [0.5, 4, 6], 2: [1, 2, 4] });
  });

  it("triages two calls at once with two staff members on duty", () => {
    const ended = trace(hubWorld({}, { staff: allDay(2) }), [bh(0), bh(0.5)]);
    expect(ended.map((c) => c.triageStartMin).sort()).toEqual([0, 0.5]);
  });

  it("sends a routed call to police when no hub staff member is on duty, counting it as a fallback", () => {
    const [call] = trace(hubWorld({}, { staff: [{ from: "08:00", to: "16:00", units: 1 }] }), [bh(60)]);
    expect([call.hubArrivalMin, call.triageStartMin, call.readyMin, call.servedBy, call.offeredAlternative, call.fellBack]).toEqual([NaN, NaN, 60, 0, true, true]);
  });

  it("sends the calls still waiting for triage to police when the hub's last shift ends", () => {
    // Staff 00:00-01:00; triage 50 min. Call 0 is triaged 10-60; call 1 waits from 20 and is sent to patrol when the hub closes at 60.
    const world = hubWorld({}, { staff: [{ from: "00:00", to: "01:00", units: 1 }], triageMin: { dist: "fixed", value: 50 } });
    const ended = trace(world, [bh(10), bh(20)]);
    const second = ended.find((c) => c.id === 1)!;
    expect([second.hubArrivalMin, second.triageStartMin, second.readyMin, second.assignedMin, second.servedBy, second.fellBack]).toEqual([20, NaN, 60, 60, 0, true]);
  });

  it("lets a caller hang up while waiting for triage: abandoned, never a fallback", () => {
    const world = hubWorld({}, { triageMin: { dist: "fixed", value: 50 } }, { waiting: { abandonment: { patienceMin: { dist: "fixed", value: 15 } } } });
    const ended = trace(world, [bh(0), bh(5)]);
    const second = ended.find((c) => c.id === 1)!;
    expect([second.abandoned, second.endMin, second.triageStartMin, second.fellBack, second.officerAttended]).toEqual([true, 20, NaN, false, false]);
  });
});

describe("abandoned calls are their own outcome", () => {
  it("never counts a routed call whose caller hung up while waiting for the team as a fallback", () => {
    const world = hubWorld({ viaHub: false }, {}, { waiting: { abandonment: { patienceMin: { dist: "fixed", value: 20 } } } });
    // The team is busy 0-30 with call 0; call 1 waits for it (fallback after 60) and hangs up at 5 + 20 = 25.
    const ended = trace(world, [bh(0), bh(5)]);
    const second = ended.find((c) => c.id === 1)!;
    expect([second.abandoned, second.endMin, second.offeredAlternative, second.fellBack, second.servedBy]).toEqual([true, 25, true, false, -1]);
  });
});

describe("escalation", () => {
  const world = (dispatch: unknown[]) =>
    tinyScenario({
      waiting: { escalation: { afterMin: 5, toPriority: 1 } },
      unitTypes: { patrol, team },
      models: { outreach: { staffing: { patrol: allDay(1), team: allDay(1) }, dispatch } },
    });

  it("keeps the priority a call arrived with for reporting when an escalation moves it to police", () => {
    const ended = trace(world([{ match: { behavioralHealth: true }, send: ["team", "patrol"], fallbackAfterMin: 60 }, { send: ["patrol"] }]), [bh(0), bh(1)]);
    const second = ended.find((c) => c.id === 1)!;
    // Waits for the busy team from 1; escalates at 6 to patrol (idle), on scene at once.
    expect([second.arrivalPriority, second.priority, second.escalated, second.servedBy, second.assignedMin]).toEqual([2, 1, true, 0, 6]);
  });

  it("does not count as escalated a call already waiting for police: it only becomes more urgent", () => {
    // Police-only rule: calls 0 and 1 both wait for the one patrol unit; call 1 is raised to priority 1 at 6 but moves nowhere.
    const ended = trace(world([{ send: ["patrol"] }]), [bh(0), bh(1)]);
    const second = ended.find((c) => c.id === 1)!;
    expect([second.arrivalPriority, second.priority, second.escalated, second.servedBy, second.assignedMin]).toEqual([2, 1, false, 0, 10]);
  });
});

describe("a freed unit takes the best waiting call its rules allow", () => {
  /** Patrol and a co-responder team; BH calls prefer the team (10-minute wait), P1 general calls may take an idle team. */
  const coResponder = () =>
    tinyScenario({
      unitTypes: { patrol, team: { ...team, crew: { officer: 1, clinician: 1 }, onSceneMin: { default: { dist: "fixed", value: 12 } } } },
      models: {
        "co-responder": {
          staffing: { patrol: allDay(1), team: allDay(1) },
          dispatch: [
            { match: { behavioralHealth: true }, send: ["team", "patrol"], fallbackAfterMin: 10 },
            { match: { priorities: [1] }, send: ["patrol"], ifIdle: ["team"] },
            { send: ["patrol"] },
          ],
        },
      },
    });

  it("takes a behavioral-health call that fell back to police when its preferred team frees up, before a younger priority-1 general call", () => {
    // Patrol: call 0 (general) 0-10, then call 3 (general, waiting since 9) 10-20. Team: call 1 (BH) 1-13.
    // Call 2 (BH, P1) waits for the team from 2 and falls back to patrol (busy) at 12. Call 4 (general, P1)
    // at 12.5 waits for patrol. The team frees at 13: both calls 2 and 4 accept it; call 2 is as urgent
    // and older, so the team takes it; call 4 gets patrol at 20.
    const ended = trace(coResponder(), [arrival(0), bh(1), bh(2, { priority: 1 }), arrival(9), arrival(12.5, { priority: 1 })]);
    const byId = Object.fromEntries(ended.map((c) => [c.id, [c.servedBy, c.assignedMin, c.fellBack]]));
    expect(byId[2]).toEqual([1, 13, false]);
    expect(byId[4]).toEqual([0, 20, false]);
  });

  it("is not blocked by a call at the head of a queue that it may not take", () => {
    // Patrol: call 0 0-10, call 2 (waiting since 2) 10-20. Team (13 min on scene): call 1 (BH) 1-14.
    // Call 3 (general P2, at 3) waits for patrol. Call 4 (BH P2, at 3.5) waits for the team and falls back
    // to patrol at 13.5, behind call 3. The team frees at 14: call 3 heads the police queue and may not
    // have the team, yet the team takes call 4 behind it.
    const world: any = coResponder();
    world.unitTypes.team.onSceneMin.default = { dist: "fixed", value: 13 };
    const ended = trace(world, [arrival(0), bh(1), arrival(2), arrival(3), bh(3.5)]);
    const byId = Object.fromEntries(ended.map((c) => [c.id, [c.servedBy, c.assignedMin]]));
    expect(byId[4]).toEqual([1, 14]);
    expect(byId[3]).toEqual([0, 20]);
  });

  it("never gives a call the dispatcher sent straight to police to a freed alternative team", () => {
    // uptake 0: the BH call waits for patrol (busy 0-10); the civilian team is idle all along and never takes it.
    const world = hubWorld({ uptake: 0, viaHub: false });
    const ended = trace(world, [arrival(0), bh(1)]);
    const second = ended.find((c) => c.id === 1)!;
    expect([second.servedBy, second.assignedMin]).toEqual([0, 10]);
  });
});

describe("call processing", () => {
  it("delays routing by the call's processing time, by the priority it arrived with, counted in response time but not in the queue wait", () => {
    const world = tinyScenario({ callProcessingMin: { priority1: { dist: "fixed", value: 1 }, default: { dist: "fixed", value: 3 } } });
    (world.unitTypes as any).patrol.travelMin = { dist: "fixed", value: 4 };
    // P1 at 0: ready at 1, on scene at 5, busy to 15. P2 at 0: ready at 3, waits for the unit until 15.
    const ended = trace(world, [arrival(0, { priority: 1 }), arrival(0)]);
    expect(ended.map((c) => [c.id, c.readyMin, c.assignedMin, c.onSceneMin])).toEqual([
      [0, 1, 1, 5],
      [1, 3, 15, 19],
    ]);
  });
});

