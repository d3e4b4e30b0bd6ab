/**
 * Reading a model's dispatch rules: which rule a call follows, the rule a linked backup dispatch
 * follows, and which queues an idle unit type may take calls from (rules' `ifIdle`).
 */
import type { Call } from "./call.js";
import type { DispatchRule, ResponseModelConfig, UnitTypeConfig } from "./config.js";
import { SimulationError } from "./simulation-error.js";

/** The first rule of the model that matches the call. Throws SimulationError if none does. */
export function matchRule(model: ResponseModelConfig, call: Call): DispatchRule {
  for (const rule of model.rules) {
    if (rule.categories !== null && !rule.categories.has(call.category)) continue;
    if (rule.priorities !== null && !rule.priorities.has(call.priority)) continue;
    if (rule.behavioralHealth !== null && rule.behavioralHealth !== call.behavioralHealth) continue;
    if (rule.weapon !== null && rule.weapon !== call.weapon) continue;
    return rule;
  }
  throw new SimulationError(`model '${model.name}': no dispatch rule matches ${call.describe()} (the last rule must match every call)`);
}

/** The rule a unit type's backup requests follow: its backup send list, no waits. */
export function backupRule(type: UnitTypeConfig): DispatchRule | null {
  if (type.backup === null) return null;
  return {
    categories: null,
    priorities: null,
    behavioralHealth: null,
    weapon: null,
    send: type.backup.send,
    fallbackAfterMin: 0,
    uptake: 1,
    viaHub: false,
    handoffMin: null,
    ifIdle: [],
    eligible: false,
  };
}

/** For each unit type, the unit types whose queued calls it may take when idle. */
export function overflowSources(model: ResponseModelConfig, unitTypeCount: number): number[][] {
  return Array.from({ length: unitTypeCount }, (_, index) => {
    const from = new Set<number>();
    for (const rule of model.rules) if (rule.ifIdle.includes(index)) from.add(rule.send[rule.send.length - 1]);
    return [...from].sort((a, b) => a - b);
  });
}
