import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventQueue } from "../../src/engine/event-queue.js";

type Operation = { push: true; time: number; rank: number } | { push: false };

/** Pops one event, releasing its slot, and returns its payload. */
function popPayload<P>(queue: EventQueue<P>): P {
  const slot = queue.pop();
  expect(slot).toBeGreaterThanOrEqual(0);
  const payload = queue.payloadOf(slot);
  queue.release(slot);
  return payload;
}

describe("EventQueue", () => {
  it("pops events in (time, rank, push order) order under any mix of pushes and pops (property)", () => {
    const operation = fc.oneof(
      // Few distinct times and ranks, so that ties on time and on (time, rank) are common.
      fc.record({ push: fc.constant(true as const), time: fc.integer({ min: 0, max: 20 }).map((t) => t / 4), rank: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ push: fc.constant(false as const) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 400 }), (operations: Operation[]) => {
        const queue = new EventQueue<{ time: number; rank: number; order: number }>();
        const model: { time: number; rank: number; order: number }[] = [];
        let order = 0;
        const handler = () => {};
        for (const op of operations) {
          if (op.push) {
            const event = { time: op.time, rank: op.rank, order: order++ };
            queue.push(op.time, op.rank, handler, event);
            model.push(event);
          } else if (model.length > 0) {
            model.sort((a, b) => a.time - b.time || a.rank - b.rank || a.order - b.order);
            expect(queue.peekTime()).toBe(model[0].time);
            expect(popPayload(queue)).toBe(model.shift());
          } else {
            expect(queue.pop()).toBe(-1);
          }
          expect(queue.size).toBe(model.length);
        }
        model.sort((a, b) => a.time - b.time || a.rank - b.rank || a.order - b.order);
        for (const event of model) expect(popPayload(queue)).toBe(event);
        expect(queue.size).toBe(0);
        expect(queue.peekTime()).toBe(Infinity);
      }),
      { numRuns: 300, seed: 14 },
    );
  });

  it("hands back each event's own handler and payload, and reuses released slots without mixing them up", () => {
    const queue = new EventQueue<string>();
    const seen: string[] = [];
    const first = (payload: string) => seen.push(`first:${payload}`);
    const second = (payload: string) => seen.push(`second:${payload}`);
    // More events than the initial capacity, so that the arrays grow while events are pending.
    for (let i = 0; i < 200; i++) queue.push(200 - i, 0, i % 2 === 0 ? first : second, `e${i}`);
    for (let i = 0; i < 150; i++) {
      const slot = queue.pop();
      queue.handlerOf(slot)(queue.payloadOf(slot));
      queue.release(slot);
    }
    for (let i = 0; i < 100; i++) queue.push(1000 + i, 0, first, `late${i}`);
    while (queue.size > 0) {
      const slot = queue.pop();
      queue.handlerOf(slot)(queue.payloadOf(slot));
      queue.release(slot);
    }
    expect(seen).toHaveLength(300);
    expect(seen[0]).toBe("second:e199");
    expect(seen[1]).toBe("first:e198");
    expect(seen[149]).toBe("first:e50");
    expect(seen[150]).toBe("second:e49");
    expect(seen[199]).toBe("first:e0");
    expect(seen[200]).toBe("first:late0");
    expect(seen[299]).toBe("first:late99");
  });

  it("clear drops every pending event", () => {
    const queue = new EventQueue<number>();
    for (let i = 0; i < 100; i++) queue.push(i, 0, () => {}, i);
    queue.clear();
    expect(queue.size).toBe(0);
    expect(queue.pop()).toBe(-1);
    queue.push(5, 0, () => {}, 7);
    expect(popPayload(queue)).toBe(7);
  });
});
