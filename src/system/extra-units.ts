/**
 * The extra units of a multi-unit response (`unitsPerCall`): linked dispatches made when a call's
 * first unit is assigned, at the call's priority. Each goes to a free unit of the type that
 * answered, else to the call's rule's last type (police), where it waits: a patrol call gets more
 * patrol, a civilian team's call a second team only if one is free, else an officer. An extra unit
 * stays on scene for its own draw (see scene.ts) and decides nothing.
 */
import type { CallRandom } from "../random/call-random.js";
import { CALL_ROLE, type Call } from "./call.js";
import type { DispatchRule } from "./config.js";
import { linkedRule } from "./dispatch-rules.js";
import { PURPOSE } from "./purposes.js";

export class ExtraUnits {
  /** By rule, then by the unit type that answered: the rule extra units follow. */
  private readonly rules = new Map<DispatchRule, DispatchRule[]>();

  constructor(private readonly random: CallRandom) {}

  /**
   * Makes the call's extra dispatches (it wants `unitsWanted` units in all; `answeredBy` is the
   * first one's type), chains them from the call for cancellation, and hands each to `offer`.
   * `nextId` numbers linked dispatches.
   */
  send(call: Call, answeredBy: number, nowMin: number, nextId: () => number, offer: (extra: Call) => void): void {
    const rule = call.rule!;
    let byType = this.rules.get(rule);
    if (byType === undefined) {
      byType = [];
      this.rules.set(rule, byType);
    }
    const last = rule.send[rule.send.length - 1];
    const extraRule = (byType[answeredBy] ??= linkedRule(answeredBy === last ? [last] : [answeredBy, last]));
    for (let i = 1; i < call.unitsWanted; i++) {
      // Each extra unit's draws come from its own seed, the i-th draw of the call's substream
      // (common random numbers); drawn afresh each time, as offer() below draws for others.
      this.random.reset(call.seed, PURPOSE.extraUnits);
      for (let j = 1; j < i; j++) this.random.next();
      const seed = (this.random.next() * 4294967296) >>> 0;
      const extra = call.linkedDispatch(nextId(), nowMin, CALL_ROLE.extra, call.priority, seed, extraRule);
      // A trace-driven police unit stays the call's observed time on scene, as the first does.
      if (!Number.isNaN(call.observedOnSceneMin)) extra.observedOnSceneMin = call.observedOnSceneMin;
      extra.nextLinked = call.nextLinked;
      call.nextLinked = extra;
      offer(extra);
    }
  }
}
