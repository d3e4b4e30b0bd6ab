/**
 * A waiting line filled in serving order serves from a plain array and moves to its heap at the
 * first call out of order; either way calls come out by priority, then age, then id.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Call } from "../../src/system/call.js";
import { CallQueue } from "../../src/system/call-queue.js";

const call = (id: number, arrivalMin: number, priority = 1) => new Call(id, arrivalMin, 0, priority, false, false, 1);
const order = (a: Call, b: Call) => a.priority - b.priority || a.arrivalMin - b.arrivalMin || a.id - b.id;

describe("a waiting line filled in order", () => {
  it("serves thousands of calls oldest first while it never empties, with peek agreeing with poll", () => {
    const line = new CallQueue(0);
    const expected: Call[] = [];
    let next = 0;
    for (; next < 50; next++) {
      const c = call(next, next);
      line.push(c);
      expected.push(c);
    }
    // One in, one out (two in every third round): the served part passes the point where it is dropped, more than once.
    for (let round = 0; round < 5000; round++) {
      for (let k = round % 3 === 0 ? 0 : 1; k < 2; k++, next++) {
        const c = call(next, next);
        line.push(c);
        expected.push(c);
      }
      const head = expected.shift()!;
      expect(line.peek()).toBe(head);
      expect(line.poll()).toBe(head);
      expect(line.size).toBe(expected.length);
    }
    for (const c of expected) expect(line.poll()).toBe(c);
    expect(line.poll()).toBeNull();
    expect(line.size).toBe(0);
  });

  it("serves in (priority, received, id) order whatever order calls join in, across emptying and refilling (property)", () => {
    const push = fc.record({ kind: fc.constant("push" as const), arrival: fc.integer({ min: 0, max: 6 }), priority: fc.integer({ min: 1, max: 3 }) });
    const poll = fc.record({ kind: fc.constant("poll" as const), peek: fc.boolean() });
    const remove = fc.record({ kind: fc.constant("remove" as const), pick: fc.nat() });
    fc.assert(
      fc.property(fc.array(fc.oneof(push, push, poll, remove), { maxLength: 120 }), (ops) => {
        const line = new CallQueue(0);
        const waiting: Call[] = [];
        let id = 0;
        for (const o of ops) {
          if (o.kind === "push") {
            const c = call(id++, o.arrival, o.priority);
            line.push(c);
            waiting.push(c);
          } else if (o.kind === "remove") {
            if (waiting.length === 0) continue;
            const [c] = waiting.splice(o.pick % waiting.length, 1);
            line.remove(c);
          } else {
            waiting.sort(order);
            const best = waiting.shift() ?? null;
            if (o.peek) expect(line.peek()).toBe(best);
            expect(line.poll()).toBe(best);
          }
          expect(line.size).toBe(waiting.length);
        }
      }),
      { numRuns: 300, seed: 20261201 },
    );
  });
});
