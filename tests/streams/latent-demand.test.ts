import { describe, expect, it } from "vitest";
import { runReplication } from "../../src/experiment/run-replication.js";
import { loadScenario } from "../../src/scenario/load.js";
import type { CallArrival } from "../../src/streams/call-source.js";
import { MergedCallSource } from "../../src/streams/latent-demand.js";
import { ListCallSource } from "../../src/streams/list-source.js";
import { arrival } from "../helpers/tiny-world.js";

describe("latent demand", () => {
  it("merges two call streams in time order, the first stream's call first at equal times", () => {
    const merged = new MergedCallSource([new ListCallSource([arrival(1, { seed: 1 }), arrival(5, { seed: 2 })]), new ListCallSource([arrival(0, { seed: 3 }), arrival(5, { seed: 4 })])]);
    const out: number[] = [];
    const call = {} as CallArrival;
    while (merged.next(call)) out.push(call.seed);
    expect(out).toEqual([3, 1, 2, 4]);
  });

  it("adds behavioral-health calls to the model that draws them and leaves every base call as it was", () => {
    const { config } = loadScenario("scenarios/riverton.yaml", { run: { horizonDays: 28 }, set: [{ path: ["models", "centralized-outreach", "latentDemand"], value: 0.2, text: "latentDemand=0.2" }] });
    const values = (m: number) => runReplication({ scenario: config, modelIndex: m, replication: 0 }).values;
    const [police, outreach] = [values(0), values(2)];
    const extraBH = outreach.get("bhCalls")! - police.get("bhCalls")!;
    expect(outreach.get("calls")! - police.get("calls")!).toBe(extraBH);
    // About 20% more behavioral-health calls (Poisson noise over four weeks: a few percent).
    expect(extraBH / police.get("bhCalls")!).toBeGreaterThan(0.14);
    expect(extraBH / police.get("bhCalls")!).toBeLessThan(0.26);
  });
});
