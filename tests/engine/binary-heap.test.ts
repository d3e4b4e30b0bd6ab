import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BinaryHeap } from "../../src/engine/binary-heap.js";

describe("BinaryHeap", () => {
  it("pops items in the order of its predicate, whatever the push order", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.nat())), (pairs) => {
        const items = pairs.map(([key], id) => ({ key, id }));
        const heap = new BinaryHeap<{ key: number; id: number }>((a, b) => a.key < b.key || (a.key === b.key && a.id < b.id));
        items.forEach((item) => heap.push(item));
        const out: number[] = [];
        for (let item = heap.pop(); item !== undefined; item = heap.pop()) out.push(item.id);
        const expected = [...items].sort((a, b) => a.key - b.key || a.id - b.id).map((i) => i.id);
        expect(out).toEqual(expected);
      }),
      { seed: 7 },
    );
  });

  it("is empty after clear and pops undefined", () => {
    const heap = new BinaryHeap<number>((a, b) => a < b);
    heap.push(3);
    heap.clear();
    expect([heap.size, heap.peek(), heap.pop()]).toEqual([0, undefined, undefined]);
  });
});
