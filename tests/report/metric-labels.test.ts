/** Metric names a council reader understands: every metric a scenario can have gets words, not a key path. */
import { describe, expect, it } from "vitest";
import { metricDefinitions } from "../../src/metrics/definitions.js";
import { costOutcomeLabel, metricLabel } from "../../src/report/metric-labels.js";

describe("metricLabel", () => {
  const definitions = metricDefinitions({ unitTypes: [{ name: "patrol" }, { name: "outreach-team" }], maxPriority: 3, geography: { zones: ["north", "south-east"] } });

  it("names every metric of a scenario with zones and several unit types without a key path, and shorter than its definition", () => {
    for (const d of definitions) {
      const label = metricLabel(d.name, d.description);
      expect(label, d.name).not.toMatch(/[A-Za-z]\.[a-z]|[a-z][A-Z]/);
      expect(label.length, d.name).toBeLessThanOrEqual(Math.max(60, d.description.length));
    }
  });

  it("names a zone's figure as the city-wide figure followed by the zone", () => {
    expect(metricLabel("zone.south-east.responseMin.p90.priority1")).toBe("Priority-1 response time, 90th percentile, zone south-east");
    expect(metricLabel("zone.north.utilization.outreach-team")).toBe("Utilization of outreach-team units, zone north");
  });

  it("names the cost-effectiveness outcomes in words and leaves an unknown key as it is", () => {
    expect(costOutcomeLabel("perArrestAvoided")).toBe("Per arrest avoided");
    expect(costOutcomeLabel("perSomethingNew")).toBe("perSomethingNew");
  });
});
