import { describe, expect, it } from "vitest";
import { createStream } from "../../src/random/streams.js";
import { loadScenario } from "../../src/scenario/load.js";
import { emptyArrival } from "../../src/streams/call-source.js";
import { SyntheticCallSource } from "../../src/streams/synthetic.js";

describe("synthetic calls when every call is alike (one category, one priority, no flags)", () => {
  const { config } = loadScenario("scenarios/validation/mmc.yaml");
  const endMin = 5 * 1440;

  it("draws only each call's time and seed, never an attribute uniform", () => {
    const attributes = () => {
      throw new Error("an attribute uniform was drawn");
    };
    const source = new SyntheticCallSource(config.demand, { arrivals: createStream(1, 0, "arrivals"), attributes, seeds: createStream(1, 0, "call-seeds") }, endMin);
    const out = emptyArrival();
    let calls = 0;
    while (source.next(out)) calls++;
    expect(calls).toBeGreaterThan(1_000);
  });

  it("gives the times, seeds, category and priority of the general method: an exponential gap and a 32-bit seed per call", () => {
    const source = new SyntheticCallSource(config.demand, { arrivals: createStream(7, 2, "arrivals"), attributes: createStream(7, 2, "call-attributes"), seeds: createStream(7, 2, "call-seeds") }, endMin);
    const arrivals = createStream(7, 2, "arrivals");
    const seeds = createStream(7, 2, "call-seeds");
    const ratePerMin = config.demand.callsPerDay / 1440;
    const priority = config.demand.categories[0].priority.first;
    const out = emptyArrival();
    let time = 0;
    for (let i = 0; i < 500; i++) {
      time += -Math.log(1 - arrivals()) / ratePerMin;
      expect(source.next(out)).toBe(true);
      expect(out).toMatchObject({ timeMin: time, category: 0, priority, behavioralHealth: false, weapon: false, seed: (seeds() * 4294967296) >>> 0 });
    }
  });
});
