/** Metric names a council reader understands: every metric a scenario can have gets words, not a key path. */
import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { metricDefinitions } from "../../src/metrics/definitions.js";
import { costOutcomeLabel, metricLabel, parameterLabel } from "../../src/report/metric-labels.js";
import { readScenarioFile } from "../../src/scenario/load.js";

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

describe("parameterLabel", () => {
  it("names every uncertain input of every shipped scenario in words, never as its key path", () => {
    const files = readdirSync("scenarios").filter((file) => file.endsWith(".yaml"));
    // Read without validating: the replay scenario needs an imported call table the checkout lacks.
    const uncertain = (file: string) => ((readScenarioFile(`scenarios/${file}`) as { uncertain?: { path: string }[] }).uncertain ?? []);
    const paths = files.flatMap((file) => uncertain(file).map((u) => u.path));
    expect(paths).toContain("outcomes.involuntary-hold.cost");
    for (const path of paths) expect(parameterLabel(path), path).not.toMatch(/[A-Za-z]\.[a-z]|\[\d+\]/);
  });

  it("names an outcome's cost by the outcome in words, and an outcome it does not know by its name", () => {
    expect(parameterLabel("outcomes.involuntary-hold.cost")).toBe("cost of an involuntary hold");
    expect(parameterLabel("outcomes.ed-transport.cost")).toBe("cost of an ED transport");
    expect(parameterLabel("outcomes.sobering-centre.cost")).toBe("cost of each 'sobering-centre' outcome");
  });

  it("names a unit type's backup share, a roster shift, a vacancy rate and a hub shift with their unit type, shift and model", () => {
    expect(parameterLabel("unitTypes.outreach-team.backup.share")).toBe("share needing police backup, outreach-team");
    expect(parameterLabel("models.centralized-outreach.staffing.outreach-team[3].units")).toBe("outreach-team units on duty in shift 4, centralized-outreach");
    expect(parameterLabel("models.centralized-outreach.vacancy.outreach-team")).toBe("share of outreach-team shifts left unfilled, centralized-outreach");
    expect(parameterLabel("models.centralized-outreach.hub.staff[0].units")).toBe("hub staff on duty in shift 1, centralized-outreach");
  });

  it("keeps the familiar last keys' names with their model and rule, and leaves an unknown path as it is", () => {
    expect(parameterLabel("models.centralized-outreach.dispatch[0].uptake")).toBe("uptake (share routed to the alternative), centralized-outreach rule 1");
    expect(parameterLabel("unitTypes.outreach-team.costPerHour")).toBe("cost per hour, outreach-team");
    expect(parameterLabel("demand.callsPerDay")).toBe("calls per day");
    expect(parameterLabel("demand.somethingNew")).toBe("demand.somethingNew");
  });
});
