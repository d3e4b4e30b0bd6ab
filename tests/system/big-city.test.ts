import { describe, expect, it } from "vitest";
import { runReplication } from "../../src/experiment/run-replication.js";
import { createStream } from "../../src/random/streams.js";
import { loadScenario } from "../../src/scenario/load.js";
import type { CallArrival } from "../../src/streams/call-source.js";
import { emptyArrival } from "../../src/streams/call-source.js";
import { SyntheticCallSource } from "../../src/streams/synthetic.js";

describe("the big-city example (scenarios/big-city.yaml)", () => {
  it("validates, with the four response models and a year of 30 replications", () => {
    const { config } = loadScenario("scenarios/big-city.yaml");
    expect(config.models.map((m) => m.name)).toEqual(["police-only", "co-responder", "centralized-outreach", "co-responder-and-hub"]);
    expect(config.run.horizonDays).toBe(365);
    expect(config.run.replications).toBe(30);
    expect(config.models[3].hub).not.toBeNull();
  });

  it("generates about 2,900 calls a day, about a million a year", () => {
    const { config } = loadScenario("scenarios/big-city.yaml");
    const days = 28;
    const source = new SyntheticCallSource(
      config.demand,
      { arrivals: createStream(1, 0, "arrivals"), attributes: createStream(1, 0, "call-attributes"), seeds: createStream(1, 0, "call-seeds") },
      days * 1440,
    );
    const out: CallArrival = emptyArrival();
    let calls = 0;
    while (source.next(out)) calls++;
    const perDay = calls / days;
    expect(perDay).toBeGreaterThan(2_800);
    expect(perDay).toBeLessThan(2_960);
    expect(perDay * 365).toBeGreaterThan(1_000_000);
  });

  it("ends every call it receives exactly once in every model over a short horizon", () => {
    const { config } = loadScenario("scenarios/big-city.yaml", { run: { horizonDays: 2, warmupDays: 1 } });
    config.models.forEach((model, m) => {
      const ended = new Set<number>();
      let twice = 0;
      const result = runReplication({
        scenario: config,
        modelIndex: m,
        replication: 0,
        onCallEnd: (call) => {
          if (ended.has(call.id)) twice++;
          ended.add(call.id);
        },
      });
      expect(twice, model.name).toBe(0);
      expect(ended.size, model.name).toBe(result.callsReceived);
      expect(result.callsReceived, model.name).toBeGreaterThan(3 * 2_700);
    });
  });

  it("keeps patrol busy about half the time, neither idle nor saturated", () => {
    const { config } = loadScenario("scenarios/big-city.yaml", { run: { horizonDays: 3, warmupDays: 1 } });
    const result = runReplication({ scenario: config, modelIndex: 0, replication: 0 });
    const utilization = result.values.get("utilization.patrol")!;
    expect(utilization).toBeGreaterThan(0.35);
    expect(utilization).toBeLessThan(0.65);
  });
});
