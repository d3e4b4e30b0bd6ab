import { describe, expect, it } from "vitest";
import { Simulation } from "../../src/engine/simulation.js";
import { ListCallSource } from "../../src/streams/list-source.js";
import { emptyArrival, type CallArrival } from "../../src/streams/call-source.js";
import { ArrivalFeed } from "../../src/system/arrival-feed.js";
import { Call } from "../../src/system/call.js";

const arrivalAt = (timeMin: number, seed: number, extra: Partial<CallArrival> = {}): CallArrival => ({ ...emptyArrival(), timeMin, seed, ...extra });

describe("ArrivalFeed", () => {
  it("hands on each call at its arrival time, numbered in arrival order, with the source's fields, one pending arrival at a time", () => {
    const sim = new Simulation();
    const seen: [number, number, number, number, number, number][] = [];
    const feed: ArrivalFeed = new ArrivalFeed(
      new ListCallSource([arrivalAt(1.5, 7, { priority: 2 }), arrivalAt(4, 0xfffffff0, { zone: 3 }), arrivalAt(4, 2 ** 31, { caller: 5 })]),
      sim,
      (call) => {
        seen.push([sim.now, call.id, call.arrivalMin, call.seed, call.zone, call.caller]);
        expect(sim.pending).toBe(0);
        feed.scheduleNext();
      },
    );
    feed.scheduleNext();
    sim.run();
    expect(seen).toEqual([
      [1.5, 0, 1.5, 7, -1, -1],
      [4, 1, 4, 0xfffffff0, 3, -1],
      [4, 2, 4, 2 ** 31, -1, 5],
    ]);
    expect(feed.done).toBe(true);
  });
});

describe("Call", () => {
  it("gives back every 32-bit seed unsigned, those past 2^31 included", () => {
    for (const seed of [0, 1, 2 ** 31 - 1, 2 ** 31, 0xfffffffe, 0xffffffff]) {
      expect(new Call(0, 0, 0, 1, false, false, seed).seed).toBe(seed);
    }
  });
});
