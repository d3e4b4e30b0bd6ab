/** The assumptions list and rostered hours that a run writes into summary.json for its report. */
import { describe, expect, it } from "vitest";
import { attachSources, sourceCovers } from "../../src/report/assumption-sources.js";
import { scenarioAssumptions } from "../../src/report/scenario-assumptions.js";
import { unitsOnDutyByHour } from "../../src/report/units-on-duty.js";
import { loadScenario, validateScenario } from "../../src/scenario/load.js";

const scenario = {
  name: "tiny",
  demand: { callsPerDay: 24, categories: { crisis: { share: 1, priorityShares: [0.25, 0.75], behavioralHealth: 0.5 } } },
  unitTypes: {
    patrol: { crew: { officer: 1 }, costPerHour: 100, onSceneMin: { default: { dist: "fixed", value: 30 } }, dispositions: { default: { resolved: 0.9, arrest: 0.1 } } },
    team: { crew: { clinician: 1, peer: 1 }, costPerHour: 145, travelMin: { dist: "exponential", mean: 12 }, onSceneMin: { default: { dist: "fixed", value: 40 } }, dispositions: { default: { resolved: 1 } } },
  },
  outcomes: { arrest: { cost: 646 } },
  models: {
    base: { staffing: { patrol: [{ from: "00:00", to: "24:00", units: 2 }] }, dispatch: [{ send: ["patrol"] }] },
    teams: {
      staffing: { patrol: [{ from: "00:00", to: "24:00", units: 2 }], team: [{ from: "10:30", to: "22:00", units: 1 }] },
      dispatch: [{ match: { behavioralHealth: true }, send: ["team", "patrol"], fallbackAfterMin: 15, uptake: 0.6 }, { send: ["patrol"] }],
    },
  },
  sources: { "unitTypes.team.costPerHour": "budget <2023>", "models.teams.dispatch[0].uptake": "audit", "demand.categories.*.share": "CAD mix", "notes.other": "kept" },
};

describe("scenarioAssumptions", () => {
  const { config } = validateScenario(scenario, "tiny.yaml");
  const rows = scenarioAssumptions(config, [0, 1]);
  const row = (parameter: string) => rows.find((r) => r.parameter === parameter)!;

  it("states key parameters in words, as simulated", () => {
    expect(row("demand.callsPerDay").value).toBe("24");
    expect(row("unitTypes.team.travelMin").value).toBe("mean 12 min; exponential(mean=12)");
    expect(row("unitTypes.team.crew").value).toBe("1 clinician, 1 peer");
    expect(row("models.teams.staffing.team").value).toBe("11.5 unit-hours a day (0 to 1 on duty)");
    expect(row("models.teams.dispatch.0").value).toBe("Calls with a behavioral-health need: team (60% of calls; waits up to 15 min), then patrol");
    expect(row("models.base.dispatch.0").value).toBe("Every call: patrol");
    expect(row("demand.categories.*.behavioralHealth").value).toBe("crisis 50%; 50% of all calls");
  });

  it("attaches each source to its parameter, including wildcard and [i] paths, and keeps unclaimed ones", () => {
    expect(row("unitTypes.team.costPerHour").sources).toEqual([{ key: "unitTypes.team.costPerHour", text: "budget <2023>" }]);
    expect(row("models.teams.dispatch.0").sources).toEqual([{ key: "models.teams.dispatch[0].uptake", text: "audit" }]);
    expect(row("demand.categories.*.share").sources).toEqual([{ key: "demand.categories.*.share", text: "CAD mix" }]);
    expect(rows[rows.length - 1]).toEqual({ parameter: "notes.other", label: "notes.other", value: "see the scenario file", sources: [{ key: "notes.other", text: "kept" }] });
  });
});

describe("scenarioAssumptions of a model with a triage hub", () => {
  it("names the hub's staff and cost in words, with their values, rather than by key path", () => {
    const { config } = loadScenario("scenarios/riverton.yaml");
    const rows = scenarioAssumptions(config, config.models.map((_, m) => m));
    const staff = rows.find((r) => r.parameter === "models.centralized-outreach.hub.staff")!;
    const cost = rows.find((r) => r.parameter === "models.centralized-outreach.hub.costPerHour")!;
    expect(staff.label).toBe("centralized-outreach: hub triage staff");
    expect(staff.value).toBe("1 seat on duty around the clock (24 seat-hours a day)");
    expect(cost.label).toBe("centralized-outreach: hub cost per staffed seat-hour");
    // 24 h x 365 d x $34.69 = $303,884.40
    expect(cost.value).toBe("$34.69 ($303,884 a year for the rostered seats)");
    expect(staff.sources.map((s) => s.key)).toEqual(["models.centralized-outreach.hub.staff"]);
    expect(rows.some((r) => r.value === "see the scenario file" && r.parameter.includes(".hub."))).toBe(false);
  });
});

describe("sourceCovers and attachSources", () => {
  it("match a path, its parts and wildcards segment by segment", () => {
    expect(sourceCovers("outcomes.arrest", "outcomes.arrest.cost")).toBe(true);
    expect(sourceCovers("outcomes.arrest", "outcomes.arrestee")).toBe(false);
    expect(sourceCovers("demand.categories.*.weapon", "demand.categories.violent.weapon")).toBe(true);
    expect(sourceCovers("a.b.c", "a.b")).toBe(false);
  });

  it("give each source to the first row that claims it", () => {
    const out = attachSources([{ parameter: "a", label: "A", value: "1" }, { parameter: "a.b", label: "B", value: "2" }], { "a.b": "cited" });
    expect(out.map((r) => r.sources.length)).toEqual([1, 0]);
  });
});

describe("unitsOnDutyByHour", () => {
  it("averages the roster over each clock hour and the week, for the staffed unit types of each model", () => {
    const { config } = validateScenario(scenario, "tiny.yaml");
    const hours = unitsOnDutyByHour(config, [1]);
    expect(Object.keys(hours)).toEqual(["teams"]);
    expect(hours.teams.patrol).toEqual(new Array(24).fill(2));
    expect(hours.teams.team).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0]);
  });
});
