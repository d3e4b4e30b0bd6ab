/**
 * Waiting lines keep their order whatever happens to a call after it left a line, and the
 * review's cases: who may take a call sent past its first choice, a caller whose patience ran out
 * during triage, and how long a call may wait for the hub.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Call } from "../../src/system/call.js";
import { CallQueue } from "../../src/system/call-queue.js";
import { arrival, tinyScenario, trace } from "../helpers/tiny-world.js";

describe("a waiting line", () => {
  it("serves its live calls by priority, then age, even when a call that left it changes priority later", () => {
    // Ops: push a new call at a priority, remove one (it left for another line), or change the
    // priority of a call no longer here (an escalation elsewhere) or still here (reprioritize).
    const op = fc.oneof(
      fc.record({ kind: fc.constant("push" as const), priority: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ kind: fc.constant("remove" as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant("escalate" as const), pick: fc.nat(), priority: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ kind: fc.constant("poll" as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const line = new CallQueue(0);
        const calls: Call[] = [];
        const waiting = new Set<Call>();
        for (const o of ops) {
          if (o.kind === "push") {
            const call = new Call(calls.length, calls.length, 0, o.priority, false, false, 1);
            calls.push(call);
            line.push(call);
            waiting.add(call);
          } else if (calls.length === 0) continue;
          else if (o.kind === "remove") {
            const call = calls[o.pick % calls.length];
            line.remove(call);
            waiting.delete(call);
          } else if (o.kind === "escalate") {
            const call = calls[o.pick % calls.length];
            if (waiting.has(call)) line.reprioritize(call, o.priority);
            else call.priority = o.priority;
          } else {
            const best = [...waiting].sort((a, b) => a.priority - b.priority || a.arrivalMin - b.arrivalMin)[0] ?? null;
            expect(line.poll()).toBe(best);
            if (best) waiting.delete(best);
          }
          expect(line.size).toBe(waiting.size);
        }
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });
});

const patrol = (tinyScenario().unitTypes as any).patrol;
const team = { crew: { clinician: 1, peer: 1 }, costPerHour: 50, onSceneMin: { default: { dist: "fixed", value: 30 } }, dispositions: { default: { referred: 1 } } };
const allDay = (units: number) => [{ from: "00:00", to: "24:00", units }];
const bh = (t: number) => arrival(t, { behavioralHealth: true });

describe("who may take a call sent past its first choice", () => {
  it("never lets a civilian team listed in ifIdle take a call the dispatcher sent to police", () => {
    const world = tinyScenario({
      unitTypes: { patrol, team, peers: { ...team } },
      models: {
        m: {
          staffing: { patrol: allDay(1), team: allDay(1), peers: allDay(1) },
          dispatch: [{ match: { behavioralHealth: true }, send: ["team", "patrol"], ifIdle: ["peers"], uptake: 0 }, { send: ["patrol"] }],
        },
      },
    });
    // Patrol is busy 0-10 with call 0; call 1 (BH, not routed) waits for patrol though the peers are idle.
    const ended = trace(world, [arrival(0), bh(1)]);
    const second = ended.find((c) => c.id === 1)!;
    expect([second.servedBy, second.assignedMin, second.officerAttended]).toEqual([0, 10, true]);
  });
});

describe("the hub and the caller's patience", () => {
  const hubWorld = (hub: Record<string, unknown>, rule: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
    tinyScenario({
      unitTypes: { patrol, team },
      models: {
        m: {
          staffing: { patrol: allDay(2), team: allDay(1) },
          hub: { staff: allDay(1), costPerHour: 40, triageMin: { dist: "fixed", value: 10 }, ...hub },
          dispatch: [{ match: { behavioralHealth: true }, viaHub: true, send: ["team", "patrol"], fallbackAfterMin: 60, ...rule }, { send: ["patrol"] }],
        },
      },
      ...extra,
    });

  it("has a caller whose patience ran out during triage hang up when the call must wait again", () => {
    // Patience 12 min. Call 0: triaged 0-10, team 10-40. Call 1: waits for triage 1-10, triaged 10-20
    // (its patience runs out at 13, on the line with the hub), then would wait for the busy team: hangs up at 20.
    const world = hubWorld({}, {}, { waiting: { abandonment: { patienceMin: { dist: "fixed", value: 12 } } } });
    const ended = trace(world, [bh(0), bh(1)]);
    const second = ended.find((c) => c.id === 1)!;
    expect([second.triageStartMin, second.abandoned, second.endMin, second.fellBack]).toEqual([10, true, 20, false]);
  });

  it("sends a call to police when its wait for triage reaches the rule's fallbackAfterMin", () => {
    // Triage 10 min, one staff member, fallback after 5: call 1 waits for triage from 1 and goes to patrol at 6.
    const ended = trace(hubWorld({}, { fallbackAfterMin: 5 }), [bh(0), bh(1)]);
    const second = ended.find((c) => c.id === 1)!;
    expect([second.hubArrivalMin, second.triageStartMin, second.readyMin, second.servedBy, second.fellBack]).toEqual([1, NaN, 6, 0, true]);
  });

  it("sends a call to police at once when the hub is busy and its rule allows no wait", () => {
    const ended = trace(hubWorld({}, { fallbackAfterMin: 0 }), [bh(0), bh(1)]);
    const second = ended.find((c) => c.id === 1)!;
    expect([second.hubArrivalMin, second.readyMin, second.servedBy, second.fellBack]).toEqual([NaN, 1, 0, true]);
  });
});

describe("a team going off duty", () => {
  it("moves the calls waiting for it on to their next choice at once, and their old fallback timers do nothing", () => {
    const world = tinyScenario({
      unitTypes: { patrol, team, peers: { ...team } },
      models: {
        m: {
          staffing: { patrol: allDay(1), team: [{ from: "00:00", to: "01:00", units: 1 }], peers: allDay(1) },
          dispatch: [{ match: { behavioralHealth: true }, send: ["team", "peers", "patrol"], fallbackAfterMin: 30 }, { send: ["patrol"] }],
        },
      },
    });
    // Team (shift to 60, 30 min on scene): call 0 at 40, busy 40-70. Calls 1 (45) and 2 (50) wait
    // for it, fallback timers due at 75 and 80. At 60 the team goes off duty: both move on to the
    // peers at once; call 1 takes them (60-90), call 2 waits there (new timer due 90). Call 2's old
    // timer at 80 must not move it to patrol: the peers free at 90 and take it.
    const ended = trace(world, [bh(40), bh(45), bh(50)]);
    const byId = Object.fromEntries(ended.map((c) => [c.id, [c.servedBy, c.assignedMin]]));
    expect(byId[1]).toEqual([2, 60]);
    expect(byId[2]).toEqual([2, 90]);
  });
});
