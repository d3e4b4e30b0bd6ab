/**
 * The dispatch policy beyond strict priority (reserve, priority aging), cancellations and
 * multi-unit responses, on fixed-time calls whose expected values are worked out by hand in the
 * comments; and priority aging against a brute-force reference queue on random calls.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CallRecord } from "../../src/metrics/call-record.js";
import type { CallArrival } from "../../src/streams/call-source.js";
import { arrival, tinyScenario, trace } from "../helpers/tiny-world.js";

const patrol = (tinyScenario().unitTypes as any).patrol;
const team = { crew: { clinician: 1, peer: 1 }, costPerHour: 50, onSceneMin: { default: { dist: "fixed", value: 30 } }, dispositions: { default: { referred: 1 } } };
const allDay = (units: number) => [{ from: "00:00", to: "24:00", units }];
const p = (priority: number, t: number, extra: Partial<CallArrival> = {}) => arrival(t, { priority, ...extra });
const byId = (ended: CallRecord[]) => [...ended].sort((a, b) => a.id - b.id);

/** Patrol (10 min on scene, no travel) with `units` units, four priorities, and the given top-level keys. */
function patrolWorld(units: number, extra: Record<string, unknown> = {}): any {
  return tinyScenario({
    demand: { callsPerDay: 10, categories: { other: { share: 1, priorityShares: [0.25, 0.25, 0.25, 0.25] } } },
    models: { "police-only": { staffing: { patrol: allDay(units) }, dispatch: [{ send: ["patrol"] }] } },
    ...extra,
  });
}

describe("the reserve (a cutoff-priority queue)", () => {
  const reserve = { dispatchPolicy: { reserve: [{ unitType: "patrol", keep: 1, forPriorities: 1 }] } };

  it("keeps the last free unit for priority 1: a priority-3 call waits while a unit is idle, a priority-1 call takes it", () => {
    // Two units. Call 0 (P3) at 0 takes one (two idle, one is kept). Call 1 (P3) at 1 finds one idle
    // unit, the reserve: it waits. Call 2 (P1) at 2 takes the reserved unit at once. At 10 call 0's
    // unit is the only free one, kept; at 12 two are free and call 1 takes one.
    const ended = byId(trace(patrolWorld(2, reserve), [p(3, 0), p(3, 1), p(1, 2)]));
    expect(ended.map((c) => [c.id, c.assignedMin])).toEqual([[0, 0], [1, 12], [2, 2]]);
  });

  it("lets a freed unit take a routine call only while more units are free than the reserve keeps", () => {
    // Two units busy with P1 calls 0 and 1 (0-10, 1-11). P3 calls 2 and 3 wait. At 10 one unit is
    // free: it is the last one, kept for P1, so neither takes it. At 11 two are free: call 2 takes
    // one, call 3 must wait for the next unit beyond the reserve (at 21, when call 2's unit frees).
    const ended = byId(trace(patrolWorld(2, reserve), [p(1, 0), p(1, 1), p(3, 2), p(3, 3)]));
    expect(ended.map((c) => [c.id, c.assignedMin])).toEqual([[0, 0], [1, 1], [2, 11], [3, 21]]);
  });

  it("changes nothing for calls it does not hold back: without the reserve the routine call is served at once", () => {
    const ended = byId(trace(patrolWorld(2), [p(3, 0), p(3, 1), p(1, 2)]));
    expect(ended.map((c) => [c.id, c.assignedMin])).toEqual([[0, 0], [1, 1], [2, 10]]);
  });

  it("sends a call on to its rule's next type instead of taking a reserved unit of its first choice", () => {
    // Team (one unit) reserved for P1; patrol one unit. BH P2 call at 0 may not take the only team:
    // with no wait allowed it goes to patrol at once.
    const world = tinyScenario({
      unitTypes: { patrol, team },
      dispatchPolicy: { reserve: [{ unitType: "team", keep: 1, forPriorities: 1 }] },
      models: {
        outreach: {
          staffing: { patrol: allDay(1), team: allDay(2) },
          dispatch: [{ match: { behavioralHealth: true }, send: ["team", "patrol"] }, { send: ["patrol"] }],
        },
      },
    });
    const ended = byId(trace(world, [arrival(0, { behavioralHealth: true }), arrival(1, { behavioralHealth: true })]));
    // Call 0: two teams idle, one kept: it takes the other. Call 1: the last team is kept: patrol.
    expect(ended.map((c) => [c.id, c.servedBy, c.fellBack])).toEqual([[0, 1, false], [1, 0, true]]);
  });

  it("lets a call that aged into the reserve's priorities take a held-back unit at once", () => {
    // One unit reserved for P2 and above (keep 1 of 2); aging every 5 minutes up to P2. Call 0 (P1)
    // takes a unit at 0 (busy to 10). Call 1 (P3, ready at 1) may not take the last unit; at 6 it
    // has aged to P2 and takes it.
    const world = patrolWorld(2, { dispatchPolicy: { reserve: [{ unitType: "patrol", keep: 1, forPriorities: 2 }], aging: { afterMin: 5, highestPriority: 2 } } });
    const ended = byId(trace(world, [p(1, 0), p(3, 1)]));
    expect(ended.map((c) => [c.id, c.assignedMin, c.priority, c.arrivalPriority])).toEqual([[0, 0, 1, 1], [1, 6, 2, 3]]);
  });
});

describe("priority aging", () => {
  const aging = (afterMin: unknown, highestPriority?: number) => ({ dispatchPolicy: { aging: { afterMin, ...(highestPriority ? { highestPriority } : {}) } } });

  it("serves a routine call that has waited long enough before a newer, more urgent one", () => {
    // One unit. Call 0 (P1) busy 0-10, then 10-20 for call 2. Call 1 (P4, ready at 1) rises a
    // level at 4, 7 (P2) and stops there (highest 2). Call 2 (P3) arrives at 5 and rises to P2 at
    // 8. At 10 both are P2: the older, call 1, goes first.
    const ended = byId(trace(patrolWorld(1, aging(3)), [p(1, 0), p(4, 1), p(3, 5)]));
    expect(ended.map((c) => [c.id, c.assignedMin, c.priority])).toEqual([[0, 0, 1], [1, 10, 2], [2, 20, 2]]);
  });

  it("does not reorder calls without aging: strict priority serves the newer priority-3 call first", () => {
    const ended = byId(trace(patrolWorld(1), [p(1, 0), p(4, 1), p(3, 5)]));
    expect(ended.map((c) => [c.id, c.assignedMin])).toEqual([[0, 0], [1, 20], [2, 10]]);
  });

  it("never raises a call above highestPriority: a long-waiting priority-4 call stays behind a priority-1 call", () => {
    // One unit busy 0-10 (call 0). Call 1 (P4) waits from 1, rising every minute but only to P2.
    // Call 2 (P1) at 9 is served first at 10.
    const ended = byId(trace(patrolWorld(1, aging(1, 2)), [p(1, 0), p(4, 1), p(1, 9)]));
    expect(ended.map((c) => [c.id, c.assignedMin, c.priority])).toEqual([[0, 0, 1], [1, 20, 2], [2, 10, 1]]);
  });

  it("uses the time per level of the priority a call arrived with, and leaves a priority with none unaged", () => {
    // One unit busy 0-10. Call 1 (P4, from 1) ages every 2 minutes; call 2 (P3, from 2) has no
    // entry and no default: it never ages. By 10 call 1 is P2 and goes first.
    const ended = byId(trace(patrolWorld(1, aging({ priority4: 2 }, 1)), [p(1, 0), p(4, 1), p(3, 2)]));
    expect(ended.map((c) => [c.id, c.assignedMin, c.priority])).toEqual([[0, 0, 1], [1, 10, 1], [2, 20, 3]]);
  });

  it("keeps the escalation working beside aging: a waiting BH call still moves to police", () => {
    const world = tinyScenario({
      unitTypes: { patrol, team },
      dispatchPolicy: { aging: { afterMin: 2, highestPriority: 1 } },
      waiting: { escalation: { afterMin: 5, toPriority: 1 } },
      models: {
        outreach: {
          staffing: { patrol: allDay(1), team: allDay(1) },
          dispatch: [{ match: { behavioralHealth: true }, send: ["team", "patrol"], fallbackAfterMin: 60 }, { send: ["patrol"] }],
        },
      },
    });
    // Team busy 0-30 with call 0. Call 1 (P2) waits for the team, ages to P1 at 3, escalates to
    // patrol at 6 (patrol idle): served by patrol at 6.
    const ended = byId(trace(world, [arrival(0, { behavioralHealth: true }), arrival(1, { behavioralHealth: true })]));
    expect(ended.map((c) => [c.id, c.assignedMin, c.servedBy, c.escalated, c.priority])).toEqual([[0, 0, 1, false, 2], [1, 6, 0, true, 1]]);
  });

  it("keeps a call's wait for its preferred type when it ages: it still falls back on time", () => {
    const world = tinyScenario({
      unitTypes: { patrol, team },
      dispatchPolicy: { aging: { afterMin: 1, highestPriority: 1 } },
      models: {
        outreach: {
          staffing: { patrol: allDay(1), team: allDay(1) },
          dispatch: [{ match: { behavioralHealth: true }, send: ["team", "patrol"], fallbackAfterMin: 5 }, { send: ["patrol"] }],
        },
      },
    });
    // Call 1 waits for the busy team from 1, ages to P1 at 2, falls back to patrol at 6.
    const ended = byId(trace(world, [arrival(0, { behavioralHealth: true }), arrival(1, { behavioralHealth: true })]));
    expect(ended.map((c) => [c.id, c.assignedMin, c.servedBy, c.fellBack])).toEqual([[0, 0, 1, false], [1, 6, 0, true]]);
  });

  it("matches a brute-force reference queue on random calls: every free unit takes the call with the best aged priority, then the oldest", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ gap: fc.double({ min: 0.01, max: 6, noNaN: true }), priority: fc.integer({ min: 1, max: 4 }), service: fc.double({ min: 1, max: 25, noNaN: true }) }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 3 }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.integer({ min: 1, max: 3 }),
        (specs, units, afterMin, highest) => {
          let t = 0;
          const calls = specs.map((s) => ((t += s.gap), p(s.priority, t)));
          // Each call's time on scene is fixed by its category: one category per call.
          const categories: Record<string, unknown> = {};
          const onScene: Record<string, unknown> = {};
          specs.forEach((s, i) => {
            categories[`c${i}`] = { share: 1 / specs.length, priorityShares: [0.25, 0.25, 0.25, 0.25] };
            onScene[`c${i}`] = { dist: "fixed", value: s.service };
          });
          calls.forEach((c, i) => (c.category = i));
          const world = patrolWorld(units, { dispatchPolicy: { aging: { afterMin, highestPriority: highest } } });
          world.demand.categories = categories;
          world.unitTypes.patrol.onSceneMin = onScene;
          const simulated = byId(trace(world, calls)).map((c) => c.assignedMin);
          expect(simulated).toEqual(reference(calls, specs.map((s) => s.service), units, afterMin, highest));
        },
      ),
      { numRuns: 150, seed: 20261201 },
    );
  });
});

/**
 * A c-server queue with priority aging, by brute force: at each moment a unit is free and calls
 * wait, the call with the best aged priority (then the oldest) is taken, its aged priority
 * computed from scratch: arrived - the whole steps of `afterMin` waited strictly before now
 * (a step at the very moment a unit frees comes after it, as in resim), never above `highest`.
 */
function reference(calls: CallArrival[], service: number[], units: number, afterMin: number, highest: number): number[] {
  const assigned = new Array<number>(calls.length).fill(NaN);
  const freeAt: number[] = new Array<number>(units).fill(0);
  const waiting: number[] = [];
  let next = 0;
  const aged = (i: number, now: number) => {
    const arrived = calls[i].priority;
    if (arrived <= highest) return arrived;
    let steps = 0;
    while (calls[i].timeMin + (steps + 1) * afterMin < now) steps++;
    return Math.max(highest, arrived - steps);
  };
  while (next < calls.length || waiting.length > 0) {
    const unit = freeAt.indexOf(Math.min(...freeAt));
    const unitFree = freeAt[unit];
    // Calls received before the unit is free join the queue first (one received at the very
    // moment it frees comes after it has taken a waiting call, as in resim).
    if (next < calls.length && (waiting.length === 0 || calls[next].timeMin < unitFree)) {
      const now = calls[next].timeMin;
      if (waiting.length === 0 && unitFree <= now) {
        assigned[next] = now;
        freeAt[unit] = now + service[next];
      } else waiting.push(next);
      next++;
      continue;
    }
    const now = unitFree;
    let best = waiting[0];
    for (const i of waiting) {
      const a = aged(i, now);
      const b = aged(best, now);
      if (a < b || (a === b && calls[i].timeMin < calls[best].timeMin)) best = i;
    }
    waiting.splice(waiting.indexOf(best), 1);
    assigned[best] = now;
    freeAt[unit] = now + service[best];
  }
  return assigned;
}

describe("cancellations", () => {
  const cancelling = (extra: Record<string, unknown> = {}) =>
    patrolWorld(1, { cancellations: { share: { default: 1 }, afterMin: { default: { dist: "fixed", value: 4 } } }, ...extra });

  it("takes a cancelled call out of the queue: the next call gets the unit, and the cancelled one never has a unit or a disposition", () => {
    // Unit busy 0-10 with call 0 (cancelled at 4 would be too late: it is on scene at 0). Call 1
    // (at 1) is cancelled at 5 while waiting. Call 2 (at 8) would be cancelled at 12: it gets the
    // unit at 10, on scene at once.
    const ended = byId(trace(cancelling(), [p(2, 0), p(2, 1), p(2, 8)]));
    expect(ended.map((c) => [c.id, c.cancelled, c.assignedMin, c.onSceneMin, c.endMin, c.disposition, c.servedBy])).toEqual([
      [0, false, 0, 0, 10, 0, 0],
      [1, true, NaN, NaN, 5, -1, -1],
      [2, false, 10, 10, 20, 0, 0],
    ]);
  });

  it("frees a unit en route at the cancellation, and the unit then takes the next call", () => {
    // Travel 6. Call 0 at 0: unit en route, due at 6; cancelled at 4, unit freed at 4 and sent to
    // call 1 (waiting since 1, not cancelled: observed outcome false), on scene at 10.
    const world = cancelling();
    world.unitTypes.patrol.travelMin = { dist: "fixed", value: 6 };
    const ended = byId(trace(world, [p(2, 0), p(2, 1, { cancelled: false })]));
    expect(ended.map((c) => [c.id, c.cancelled, c.assignedMin, c.onSceneMin, c.endMin, c.officerMinutes])).toEqual([
      [0, true, 0, NaN, 4, 4],
      [1, false, 4, 10, 20, 16],
    ]);
  });

  it("replays an observed outcome: cancelled at the observed clearing time, or not at all, whatever the share", () => {
    const world = patrolWorld(1, { cancellations: { share: { default: 0 }, afterMin: { default: { dist: "fixed", value: 4 } } } });
    // Call 0 holds the unit 0-10. Call 1: observed cancelled after 7 (at 8). Call 2: observed
    // cancelled, time not observed: the drawn 4 (at 6). Call 3: share 0, waits and is served.
    const ended = byId(trace(world, [p(2, 0), p(2, 1, { cancelled: true, cancelledAfterMin: 7 }), p(2, 2, { cancelled: true }), p(2, 3)]));
    expect(ended.map((c) => [c.id, c.cancelled, c.endMin])).toEqual([[0, false, 10], [1, true, 8], [2, true, 6], [3, false, 20]]);
  });

  it("ignores a replayed outcome when the scenario has no cancellations key", () => {
    const ended = byId(trace(patrolWorld(1), [p(2, 0), p(2, 1, { cancelled: true, cancelledAfterMin: 2 })]));
    expect(ended.map((c) => [c.id, c.cancelled, c.assignedMin])).toEqual([[0, false, 0], [1, false, 10]]);
  });

  it("cancels a call during call processing or hub triage: it ends then, and is never dispatched", () => {
    const world = tinyScenario({
      unitTypes: { patrol, team },
      callProcessingMin: { default: { dist: "fixed", value: 3 } },
      cancellations: { share: { default: 1 }, afterMin: { default: { dist: "fixed", value: 4 } } },
      models: {
        outreach: {
          staffing: { patrol: allDay(1), team: allDay(1) },
          hub: { staff: allDay(1), costPerHour: 40, triageMin: { dist: "fixed", value: 5 }, phoneResolution: 1 },
          dispatch: [{ match: { behavioralHealth: true }, viaHub: true, send: ["team", "patrol"], fallbackAfterMin: 60 }, { send: ["patrol"] }],
        },
      },
    });
    world.callProcessingMin = { default: { dist: "fixed", value: 3 } };
    // Call 0 (BH): processing 0-3, triage 3-8, cancelled at 4 during triage: never resolved by phone.
    // Call 1 (at 0.5): processing to 3.5, but observed cancelled after 1, at 1.5: no unit.
    const ended = byId(trace(world, [arrival(0, { behavioralHealth: true }), arrival(0.5, { cancelled: true, cancelledAfterMin: 1 })]));
    expect(ended.map((c) => [c.id, c.cancelled, c.endMin, c.phoneResolved, c.assignedMin, c.triageStartMin])).toEqual([
      [0, true, 4, false, NaN, 3],
      [1, true, 1.5, false, NaN, NaN],
    ]);
  });

  it("cancels the same calls at the same times in every model (common random numbers)", () => {
    const world = patrolWorld(1, { cancellations: { share: { default: 0.5 }, afterMin: { default: { dist: "exponential", mean: 30 } } } });
    world.models["two-units"] = { staffing: { patrol: allDay(3) }, dispatch: [{ send: ["patrol"] }] };
    world.unitTypes.patrol.travelMin = { dist: "fixed", value: 1000 };
    const calls = Array.from({ length: 40 }, (_, i) => p(2, i * 7, { seed: 1000 + i }));
    // Units never arrive before a cancellation (travel 1,000): each model cancels exactly the drawn calls, at the drawn times.
    const cancelled = (model: number) => byId(trace(world, calls, model)).filter((c) => c.cancelled).map((c) => [c.id, c.endMin]);
    expect(cancelled(1)).toEqual(cancelled(0));
    expect(cancelled(0).length).toBeGreaterThan(5);
    expect(cancelled(0).length).toBeLessThan(35);
  });
});

describe("multi-unit responses", () => {
  const twoForP1 = { unitsPerCall: [{ match: { priorities: [1] }, units: 2 }] };

  it("sends the extra units with the first, and the call ends when the last is free", () => {
    // Three units, 10 min on scene. P1 call 0 gets two units at 0; P2 call 1 at 1 gets the third.
    const ended = byId(trace(patrolWorld(3, twoForP1), [p(1, 0), p(2, 1)]));
    expect(ended.map((c) => [c.id, c.unitsAssigned, c.assignedMin, c.onSceneMin, c.endMin, c.officerMinutes])).toEqual([
      [0, 2, 0, 0, 10, 20],
      [1, 1, 1, 1, 11, 10],
    ]);
  });

  it("lets an extra unit wait for police when none is free, and counts from the first unit on scene", () => {
    // Two units, travel: each unit's own draw (fixed 5). Call 0 (P2) takes one at 0 (busy 0-15).
    // P1 call 1 at 1 takes the other (on scene 6); its extra waits for call 0's unit (free at 15,
    // on scene 20, busy to 30). The call ends at 30; its response is 5.
    const world = patrolWorld(2, twoForP1);
    world.unitTypes.patrol.travelMin = { dist: "fixed", value: 5 };
    const ended = byId(trace(world, [p(2, 0), p(1, 1)]));
    expect(ended.map((c) => [c.id, c.unitsAssigned, c.onSceneMin, c.endMin])).toEqual([[0, 1, 5, 15], [1, 2, 6, 30]]);
  });

  it("takes a replayed call's observed unit count over the rules", () => {
    const ended = byId(trace(patrolWorld(3, twoForP1), [p(1, 0, { units: 1 }), p(2, 1, { units: 3 })]));
    // Call 0 (P1) observed one unit; call 1 three: the two units left and one freed at 10.
    expect(ended.map((c) => [c.id, c.unitsAssigned, c.endMin])).toEqual([[0, 1, 10], [1, 3, 20]]);
  });

  it("sends a civilian team's extra unit to a free team, else to police", () => {
    const world = tinyScenario({
      unitTypes: { patrol, team },
      unitsPerCall: [{ match: { behavioralHealth: true }, units: 2 }],
      models: {
        outreach: {
          staffing: { patrol: allDay(1), team: allDay(2) },
          dispatch: [{ match: { behavioralHealth: true }, send: ["team", "patrol"], fallbackAfterMin: 60 }, { send: ["patrol"] }],
        },
      },
    });
    // Call 0: two teams free, both go (no officer). Call 1 at 1: a team frees only at 30: it waits
    // for one; when one frees at 30 it takes it, and its extra unit finds no free team: patrol.
    const ended = byId(trace(world, [arrival(0, { behavioralHealth: true }), arrival(1, { behavioralHealth: true })]));
    expect(ended.map((c) => [c.id, c.unitsAssigned, c.servedBy, c.officerAttended, c.endMin])).toEqual([
      [0, 2, 1, false, 30],
      [1, 2, 1, true, 60],
    ]);
  });
});
