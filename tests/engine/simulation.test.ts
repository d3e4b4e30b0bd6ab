import { describe, expect, it } from "vitest";
import { Simulation, SchedulingError } from "../../src/engine/index.js";

describe("Simulation", () => {
  it("runs events in time order, then rank, then scheduling order", () => {
    const sim = new Simulation();
    const trace: string[] = [];
    const log = (label: string) => trace.push(`${sim.now}:${label}`);
    sim.at(5, 2, log, "late-rank2-first");
    sim.at(5, 1, log, "rank1");
    sim.at(1, 9, log, "early");
    sim.at(5, 2, log, "late-rank2-second");
    sim.run();
    expect(trace).toEqual(["1:early", "5:rank1", "5:late-rank2-first", "5:late-rank2-second"]);
  });

  it("lets a handler schedule new events, including at the current time", () => {
    const sim = new Simulation();
    const trace: number[] = [];
    const tick = (n: number) => {
      trace.push(sim.now);
      if (n > 0) sim.after(n === 2 ? 0 : 3, 0, tick, n - 1);
    };
    sim.at(1, 0, tick, 3);
    sim.run();
    expect(trace).toEqual([1, 4, 4, 7]);
  });

  it("stops before events later than the horizon and resumes them on the next run", () => {
    const sim = new Simulation();
    const seen: number[] = [];
    for (const t of [2, 4, 6]) sim.at(t, 0, (x: number) => seen.push(x), t);
    expect(sim.run(5)).toBe(2);
    expect(sim.now).toBe(5);
    expect(sim.pending).toBe(1);
    sim.run();
    expect(seen).toEqual([2, 4, 6]);
    expect(sim.eventCount).toBe(3);
  });

  it("refuses to schedule an event in the past", () => {
    const sim = new Simulation();
    sim.at(10, 0, () => expect(() => sim.at(3, 0, () => {}, null)).toThrow(SchedulingError), null);
    sim.run();
    expect(() => sim.at(Number.NaN, 0, () => {}, null)).toThrow(/cannot schedule an event at t=NaN/);
  });

  it("orders thousands of events with equal times by rank and sequence, whatever the push order", () => {
    const sim = new Simulation();
    const out: Array<[number, number, number]> = [];
    let k = 0;
    for (let i = 0; i < 3000; i++) {
      const time = (i * 7919) % 50;
      const rank = (i * 31) % 3;
      const id = k++;
      sim.at(time, rank, () => out.push([time, rank, id]), null);
    }
    sim.run();
    const sorted = [...out].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    expect(out).toEqual(sorted);
  });
});
