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

/**
 * A model's rules matched ahead of time: the first rule for every (category, priority, flags) a
 * call can be coded with, so routing a call is one table read instead of a walk over the rules.
 * A priority outside 1..maxPriority (none is drawn, but a replay may bring one) walks the rules.
 */
export class RuleIndex {
  /** First matching rule's index by key (see `key`), -1 when none matches. */
  private readonly first: Int32Array;
  private readonly priorities: number;

  constructor(
    private readonly model: ResponseModelConfig,
    categoryCount: number,
    maxPriority: number,
  ) {
    this.priorities = maxPriority;
    this.first = new Int32Array(categoryCount * maxPriority * 4).fill(-1);
    for (let category = 0; category < categoryCount; category++) {
      for (let priority = 1; priority <= maxPriority; priority++) {
        for (let flags = 0; flags < 4; flags++) {
          const behavioralHealth = (flags & 2) !== 0;
          const weapon = (flags & 1) !== 0;
          this.first[this.key(category, priority, behavioralHealth, weapon)] = model.rules.findIndex((rule) => ruleTakes(rule, category, priority, behavioralHealth, weapon));
        }
      }
    }
  }

  /** The first rule of the model that takes the call as coded at intake (as {@link matchRule}). */
  match(call: Call): DispatchRule {
    const category = call.codedCategory;
    const priority = call.priority;
    if (priority >= 1 && priority <= this.priorities && category >= 0 && category * this.priorities * 4 < this.first.length) {
      const index = this.first[this.key(category, priority, call.codedBehavioralHealth, call.weapon)];
      if (index >= 0) return this.model.rules[index];
    }
    return matchRule(this.model, call);
  }

  private key(category: number, priority: number, behavioralHealth: boolean, weapon: boolean): number {
    return ((category * this.priorities + priority - 1) << 2) | (behavioralHealth ? 2 : 0) | (weapon ? 1 : 0);
  }
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
