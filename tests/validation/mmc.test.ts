import { describe, expect, it } from "vitest";
import { runExperiment } from "../../src/experiment/run-experiment.js";
import { mmcMeanWait } from "../../src/metrics/erlang.js";
import { loadScenario } from "../../src/scenario/load.js";

describe("the M/M/10 validation scenario", async () => {
  const loaded = loadScenario("scenarios/validation/mmc.yaml");
  const { config } = loaded;
  const result = await runExperiment({ scenario: loaded }, { workers: 2 });
  const metrics = result.summary.mmc.metrics;
  const theory = mmcMeanWait({ arrivalRatePerMin: 17 / 60, meanServiceMin: 30, servers: 10 });

  it("is the textbook queue: Erlang C gives a mean wait of about 10.6 minutes at load 0.85", () => {
    expect(theory.utilization).toBeCloseTo(0.85, 12);
    expect(theory.meanQueueWaitMin).toBeGreaterThan(10.5);
    expect(theory.meanQueueWaitMin).toBeLessThan(10.7);
  });

  it("has a mean queue wait whose 95% confidence interval contains the Erlang C value", () => {
    const [low, high] = metrics["queueWaitMin.mean"].ci95!;
    expect(low).toBeLessThanOrEqual(theory.meanQueueWaitMin);
    expect(high).toBeGreaterThanOrEqual(theory.meanQueueWaitMin);
    // An interval this wide would contain almost anything: keep the check sharp.
    expect(high - low).toBeLessThan(2);
  });

  it("keeps the units busy 85% of the time, within its confidence interval", () => {
    const [low, high] = metrics["utilization.server"].ci95!;
    expect(low).toBeLessThanOrEqual(0.85);
    expect(high).toBeGreaterThanOrEqual(0.85);
  });

  it("receives 17 calls an hour on average over the measured days", () => {
    const expected = 17 * 24 * config.run.horizonDays;
    const [low, high] = metrics.calls.ci95!;
    expect(low).toBeLessThanOrEqual(expected);
    expect(high).toBeGreaterThanOrEqual(expected);
  });

  it("has a 90th-percentile queue wait whose confidence interval contains Erlang C's: P(W > t) = C exp(-(c mu - lambda) t)", () => {
    // Solve C exp(-(c mu - lambda) t) = 0.1 for t; c mu - lambda = 10/30 - 17/60 = 0.05 per minute.
    const p90 = Math.log(theory.probabilityOfWait / 0.1) / (10 / 30 - 17 / 60);
    const [low, high] = metrics["queueWaitMin.p90"].ci95!;
    expect(low).toBeLessThanOrEqual(p90);
    expect(high).toBeGreaterThanOrEqual(p90);
  });
});
