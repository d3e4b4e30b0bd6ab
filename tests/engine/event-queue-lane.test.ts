import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventQueue } from "../../src/engine/event-queue.js";
import { Simulation } from "../../src/engine/simulation.js";

type Operation = { push: true; lane: boolean; time: number; rank: number } | { push: false };
type Event = { time: number; rank: number; order: number };

describe("EventQueue lane", () => {
  it("pops lane and heap events in the same (time, rank, push order) order as the heap alone (property)", () => {
    const operation = fc.oneof(
      // Few distinct times and ranks, so that ties between the lane and the heap are common.
      fc.record({ push: fc.constant(true as const), lane: fc.boolean(), time: fc.integer({ min: 0, max: 12 }).map((t) => t / 4), rank: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ push: fc.constant(false as const) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300 }), (operations: Operation[]) => {
        const queue = new EventQueue<Event>();
        const model: Event[] = [];
        let order = 0;
        const handler = () => {};
        const byKey = (a: Event, b: Event) => a.time - b.time || a.rank - b.rank || a.order - b.order;
        for (const op of operations) {
          if (op.push) {
            const event = { time: op.time, rank: op.rank, order: order++ };
            // A second lane push while the lane is taken goes to the heap: the order is the same.
            if (op.lane) queue.pushLane(op.time, op.rank, handler, event);
            else queue.push(op.time, op.rank, handler, event);
            model.push(event);
          } else if (model.length > 0) {
            model.sort(byKey);
            expect(queue.peekTime()).toBe(model[0].time);
            const slot = queue.pop();
            expect(queue.payloadOf(slot)).toBe(model.shift());
            queue.release(slot);
          } else {
            expect(queue.pop()).toBe(-1);
          }
          expect(queue.size).toBe(model.length);
        }
        model.sort(byKey);
        for (const event of model) {
          const slot = queue.pop();
          expect(queue.payloadOf(slot)).toBe(event);
          queue.release(slot);
        }
        expect(queue.size).toBe(0);
        expect(queue.peekTime()).toBe(Infinity);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it("lets a lane event's handler schedule the next lane event, as an arrival feed does", () => {
    const sim = new Simulation();
    const seen: string[] = [];
    const arrive = (n: number): void => {
      seen.push(`arrival ${n} at ${sim.now}`);
      if (n < 3) sim.atInLane(sim.now + 2, 5, arrive, n + 1);
    };
    sim.atInLane(1, 5, arrive, 1);
    sim.at(3, 1, (label: string) => seen.push(`${label} at ${sim.now}`), "free");
    sim.at(5, 5, (label: string) => seen.push(`${label} at ${sim.now}`), "late");
    expect(sim.pending).toBe(3);
    expect(sim.run()).toBe(5);
    // At t=3 the lower rank runs first; at t=5 the heap event was scheduled before arrival 3.
    expect(seen).toEqual(["arrival 1 at 1", "free at 3", "arrival 2 at 3", "late at 5", "arrival 3 at 5"]);
    expect(sim.pending).toBe(0);
  });

  it("rejects a lane event in the past", () => {
    const sim = new Simulation();
    sim.at(4, 0, () => sim.atInLane(3, 5, () => {}, null), null);
    expect(() => sim.run()).toThrow(/cannot schedule an event at t=3 min/);
  });

  it("drops a pending lane event on clear, and takes a lane event again afterwards", () => {
    const queue = new EventQueue<string>();
    const handler = () => {};
    queue.pushLane(2, 5, handler, "lane");
    queue.push(1, 0, handler, "heap");
    queue.clear();
    expect(queue.size).toBe(0);
    expect(queue.pop()).toBe(-1);
    queue.pushLane(3, 5, handler, "again");
    expect(queue.peekTime()).toBe(3);
    const slot = queue.pop();
    expect(queue.payloadOf(slot)).toBe("again");
    queue.release(slot);
    expect(queue.size).toBe(0);
  });
});
