import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/load.js";
import { Call } from "../../src/system/call.js";
import { matchRule, RuleIndex } from "../../src/system/dispatch-rules.js";

describe("RuleIndex", () => {
  it("picks the same rule as walking the rules, for every category, priority and flag of every shipped model", () => {
    for (const file of ["scenarios/riverton.yaml", "scenarios/riverton-barriers.yaml", "scenarios/big-city.yaml"]) {
      const { config } = loadScenario(file);
      const categories = config.demand.categories.length;
      for (const model of config.models) {
        const index = new RuleIndex(model, categories, config.maxPriority);
        let checked = 0;
        for (let category = 0; category < categories; category++) {
          for (let priority = 1; priority <= config.maxPriority; priority++) {
            for (const behavioralHealth of [false, true]) {
              for (const weapon of [false, true]) {
                const call = new Call(1, 0, category, priority, behavioralHealth, weapon, 7);
                expect(index.match(call), `${file} ${model.name} ${category}/${priority}/${behavioralHealth}/${weapon}`).toBe(matchRule(model, call));
                checked++;
              }
            }
          }
        }
        expect(checked).toBe(categories * config.maxPriority * 4);
      }
    }
  });

  it("reads the call as coded at intake, not its true category and flag", () => {
    const { config } = loadScenario("scenarios/riverton.yaml");
    const model = config.models.find((m) => m.name === "centralized-outreach")!;
    const index = new RuleIndex(model, config.demand.categories.length, config.maxPriority);
    const mentalHealth = config.demand.categories.findIndex((c) => c.name === "mental-health");
    const violent = config.demand.categories.findIndex((c) => c.name === "violent");
    const call = new Call(1, 0, mentalHealth, 3, true, false, 7);
    expect(index.match(call)).toBe(model.rules[0]);
    call.codedCategory = violent;
    expect(index.match(call)).toBe(model.rules[1]);
    call.codedCategory = mentalHealth;
    call.codedBehavioralHealth = false;
    expect(index.match(call)).toBe(model.rules[1]);
  });

  it("walks the rules for a priority outside the scenario's range, and names the call when none matches", () => {
    const { config } = loadScenario("scenarios/riverton.yaml");
    const model = config.models[0];
    const index = new RuleIndex(model, config.demand.categories.length, config.maxPriority);
    expect(index.match(new Call(1, 0, 0, config.maxPriority + 3, false, false, 7))).toBe(model.rules[model.rules.length - 1]);
    const strict = { ...model, rules: model.rules.filter((rule) => rule.priorities !== null) };
    const strictIndex = new RuleIndex(strict, config.demand.categories.length, config.maxPriority);
    expect(() => strictIndex.match(new Call(1, 0, 0, 2, false, false, 7))).toThrow(/no dispatch rule matches call 1/);
  });
});
