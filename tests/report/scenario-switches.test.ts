/**
 * The report's caveats never contradict its switches: each caveat sentence is written from the
 * switch it describes, for the shipped scenarios and for riverton with each switch set by --set.
 */
import { describe, expect, it } from "vitest";
import { caveatsSection, switchedOnList } from "../../src/report/caveats-html.js";
import { scenarioCaveats } from "../../src/report/scenario-switches.js";
import type { SummaryDocument } from "../../src/report/summary-files.js";
import { parseAssignment } from "../../src/scenario/assignments.js";
import { loadScenario } from "../../src/scenario/load.js";

function caveatsOf(file: string, ...sets: string[]) {
  const { config, overrides } = loadScenario(file, { set: sets.map(parseAssignment) });
  return { ...scenarioCaveats(config, config.models.map((_, m) => m)), overrides: overrides ?? [] };
}

const labels = (c: { switchedOn: { label: string }[] }) => c.switchedOn.map((s) => s.label);
const said = (c: { leftOut: string[] }, fragment: string) => c.leftOut.some((line) => line.includes(fragment));

describe("caveats of riverton-barriers", () => {
  const c = caveatsOf("scenarios/riverton-barriers.yaml");

  it("say waiting calls rise in priority only by the escalation the switches list", () => {
    expect(labels(c)).toContain("Escalation");
    expect(said(c, "waiting calls do not rise in priority")).toBe(false);
    expect(said(c, "no waiting call rises in priority except the escalating behavioral-health calls")).toBe(true);
    expect(said(c, "strictly by priority")).toBe(false);
  });

  it("do not say call handling takes no time when a hand-off delay and hub triage are on", () => {
    expect(labels(c)).toContain("centralized-outreach: hand-off delay");
    expect(said(c, "take no time here")).toBe(false);
    expect(said(c, "apart from the hand-off delay and hub triage listed with the assumptions, which delay only")).toBe(true);
  });

  it("give the intake handover time and count the police who take over out-of-scope calls", () => {
    expect(c.switchedOn.find((s) => s.parameter === "intake")!.detail).toMatch(/spends a mean 11\.7 minutes before police take it over/);
    expect(said(c, "the police who take over a call outside a civilian team's scope")).toBe(true);
    expect(said(c, "no call is misclassified")).toBe(false);
  });

  it("name the crew role with the right article", () => {
    expect(c.switchedOn.find((s) => s.parameter === "policy.involuntaryHoldBy")!.detail).toBe("only a crew with an officer may; other units request police");
  });

  it("drop the caveats of the barriers it switches on", () => {
    expect(said(c, "Every rostered shift is filled")).toBe(false);
    expect(said(c, "latent demand is off")).toBe(false);
    expect(said(c, "No caller declines")).toBe(false);
    expect(said(c, "uptake 100%")).toBe(false);
    expect(said(c, "Repeat calls are not modelled")).toBe(false);
    expect(said(c, "Only the scenario's frequent callers call less")).toBe(true);
  });
});

describe("caveats of riverton as written", () => {
  const c = caveatsOf("scenarios/riverton.yaml");

  it("state the plain caveats of every switch that is off", () => {
    expect(said(c, "Waiting calls are taken strictly by priority, then arrival: no units are held back for urgent calls and waiting calls do not rise in priority.")).toBe(true);
    expect(said(c, "Callers never hang up while waiting for a unit.")).toBe(true);
    expect(said(c, "No call is cancelled") || said(c, "no call is cancelled before a unit arrives")).toBe(true);
    expect(said(c, "Every rostered shift is filled: no vacancies or sick leave.")).toBe(true);
    expect(said(c, "No caller declines a civilian team.")).toBe(true);
    expect(said(c, "Repeat calls are not modelled")).toBe(true);
    expect(said(c, "There is no geography")).toBe(true);
    expect(said(c, "no call is misclassified at intake")).toBe(true);
  });
});

describe("caveats of riverton with a switch set by --set", () => {
  // Each case: the override, the switch label it turns on, caveat fragments that must go, and one that replaces them.
  const cases: { set: string[]; label: string; gone: string[]; instead?: string }[] = [
    { set: ["waiting.escalation={afterMin: 30, toPriority: 1}"], label: "Escalation", gone: ["waiting calls do not rise in priority", "strictly by priority"], instead: "except the escalating behavioral-health calls" },
    { set: ["dispatchPolicy.aging.afterMin=20"], label: "Dispatch policy", gone: ["rise in priority", "strictly by priority"], instead: "no units are held back for urgent calls." },
    { set: ["dispatchPolicy.reserve=[{unitType: patrol, keep: 2, forPriorities: 1}]"], label: "Dispatch policy", gone: ["no units are held back", "strictly by priority"], instead: "Waiting calls are taken by priority, then arrival: waiting calls do not rise in priority." },
    { set: ["cancellations.share={priority4: 0.1}", "cancellations.afterMin={default: {dist: fixed, value: 20}}"], label: "Cancelled calls", gone: ["no call is cancelled", "No call is cancelled"] },
    { set: ["unitsPerCall=[{match: {priorities: [1]}, units: 2}]"], label: "Several units per call", gone: ["One unit is sent per call"] },
    { set: ["callProcessingMin={default: {dist: fixed, value: 1}}"], label: "Call processing", gone: ["take no time", "are not modelled (no `callProcessingMin`)"] },
    { set: ["waiting.abandonment={patienceMin: {dist: exponential, mean: 30}}"], label: "Callers hang up", gone: ["never hang up", "No call is cancelled"], instead: "Apart from callers who hang up while waiting and calls the hub resolves by phone, no call is cancelled" },
    { set: ["unitTypes.outreach-team.declineShare=0.1"], label: "outreach-team: callers decline", gone: ["No caller declines"] },
    { set: ["models.centralized-outreach.latentDemand=0.1"], label: "centralized-outreach: latent demand", gone: ["latent demand is off"] },
    { set: ["models.centralized-outreach.vacancy={outreach-team: 0.3}"], label: "centralized-outreach: vacancies", gone: ["Every rostered shift is filled"] },
    { set: ["intake={behavioralHealthFlagMissed: 0.2}"], label: "Intake misclassification", gone: ["no call is misclassified"], instead: "the police who take over a call outside a civilian team's scope" },
    { set: ["models.centralized-outreach.dispatch[0].handoffMin={dist: fixed, value: 3}"], label: "centralized-outreach: hand-off delay", gone: ["take no time"], instead: "apart from the hand-off delay and hub triage" },
  ];
  for (const { set, label, gone, instead } of cases) {
    it(`${set.join(" ")} lists "${label}" and drops the caveat that says otherwise`, () => {
      const c = caveatsOf("scenarios/riverton.yaml", ...set);
      expect(labels(c)).toContain(label);
      for (const fragment of gone) expect(c.leftOut.filter((line) => line.includes(fragment))).toEqual([]);
      if (instead) expect(said(c, instead)).toBe(true);
    });
  }

  it("says which priorities' callers hang up when only some may", () => {
    const c = caveatsOf("scenarios/riverton.yaml", "waiting.abandonment={patienceMin: {dist: fixed, value: 30}, priorities: [4, 3]}");
    expect(c.switchedOn.find((s) => s.label === "Callers hang up")!.detail).toBe("a caller still waiting hangs up after a mean 30 minutes (priority 3, 4 calls only)");
  });

  it("marks a switch turned on with --set as overridden, as the assumptions table does", () => {
    const c = caveatsOf("scenarios/riverton.yaml", "waiting.escalation.afterMin=30");
    const document = { caveats: { switchedOn: c.switchedOn, leftOut: c.leftOut }, provenance: { overrides: c.overrides } } as unknown as SummaryDocument;
    const list = String(switchedOnList(document));
    expect(list).toMatch(/Escalation<\/strong>[^<]*<code>waiting\.escalation<\/code><span class="mark">overridden on the command line \(<code>--set waiting\.escalation\.afterMin=30<\/code>\)<\/span>/);
    expect(list.match(/overridden on the command line/g)).toHaveLength(1);
    expect(String(caveatsSection(document))).not.toContain("waiting calls do not rise in priority");
  });
});

describe("caveats of the zones scenario", () => {
  it("riverton-zones describes its travel table, not an absent geography", () => {
    const c = caveatsOf("scenarios/riverton-zones.yaml");
    expect(labels(c)).toContain("Geography");
    expect(said(c, "There is no geography")).toBe(false);
    expect(said(c, "Travel between zones follows the scenario's table")).toBe(true);
  });
});
