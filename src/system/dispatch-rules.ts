/**
 * Reading a model's dispatch rules: which rule a call follows, and the rule a linked backup
 * dispatch follows.
 */
import type { Call } from "./call.js";
import type { DispatchRule, ResponseModelConfig, UnitTypeConfig } from "./config.js";
import { SimulationError } from "./simulation-error.js";

/** Whether a rule takes a call with these attributes. */
export function ruleTakes(rule: DispatchRule, category: number, priority: number, behavioralHealth: boolean, weapon: boolean): boolean {
  return (
    (rule.categories === null || rule.categories.has(category)) &&
    (rule.priorities === null || rule.priorities.has(priority)) &&
    (rule.behavioralHealth === null || rule.behavioralHealth === behavioralHealth) &&
    (rule.weapon === null || rule.weapon === weapon)
  );
}

/** The first rule of the model that takes the call as coded at intake. Throws SimulationError if none does. */
export function matchRule(model: ResponseModelConfig, call: Call): DispatchRule {
  for (const rule of model.rules) {
    if (ruleTakes(rule, call.codedCategory, call.priority, call.codedBehavioralHealth, call.weapon)) return rule;
  }
  throw new SimulationError(`model '${model.name}': no dispatch rule matches ${call.describe()} (the last rule must match every call)`);
}

/** The rule a unit type's backup requests follow: its backup send list, no waits. */
export function backupRule(type: UnitTypeConfig): DispatchRule | null {
  return type.backup === null ? null : linkedRule(type.backup.send);
}

/** A rule for a linked dispatch: these unit types in order, no waits, no hub. */
export function linkedRule(send: readonly number[]): DispatchRule {
  return {
    categories: null,
    priorities: null,
    behavioralHealth: null,
    weapon: null,
    send,
    fallbackAfterMin: 0,
    uptake: 1,
    viaHub: false,
    handoffMin: null,
    ifIdle: [],
    eligible: false,
  };
}
