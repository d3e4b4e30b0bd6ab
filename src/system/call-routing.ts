/**
 * The dispatcher's side of a call's life, before any unit is sought: call taking and dispatch
 * processing (`callProcessingMin`), the routing decision (rule, uptake, units per call), the
 * hand-off, the hub's triage and the caller declining the alternative. The dispatcher decides
 * first, as in B-HEARD, STAR and Toronto's TCCS: a call not routed to the alternative never
 * reaches the hub. Each call leaves here for the units' side (`offer`, at the step of its send
 * list it starts from) or ends here (resolved by phone, hung up waiting for triage, cancelled).
 */
import type { Simulation } from "../engine/simulation.js";
import type { CallRandom } from "../random/call-random.js";
import type { Call } from "./call.js";
import type { ResponseModelConfig, ScenarioConfig, UnitsPerCallRule, UnitTypeConfig } from "./config.js";
import { RuleIndex } from "./dispatch-rules.js";
import { unitsWanted } from "./dispatch-policy.js";
import { HubDesk } from "./hub-desk.js";
import { processingMin } from "./intake.js";
import { PRECEDENCE } from "./precedence.js";
import { PURPOSE } from "./purposes.js";
import { startPatience } from "./waiting-timers.js";
import type { WaitingLines } from "./waiting-lines.js";

/** What routing hands back to the units' side of the response system. */
export interface RoutingHandlers {
  /** Offers the call to the unit type at `step` of its rule's send list. */
  offer: (call: Call, step: number) => void;
  endCall: (call: Call) => void;
  /** The caller hung up: the call ends unanswered. */
  abandon: (call: Call) => void;
  /** The caller's patience ran out (the handler checks where the call is). */
  onPatienceOut: (call: Call) => void;
}

/** What routing reads from the response system's options. */
export interface RoutingOptions {
  scenario: ScenarioConfig;
  model: ResponseModelConfig;
  simulation: Simulation;
  random: CallRandom;
  windowStartMin: number;
  windowEndMin: number;
}

export class CallRouting {
  /** The hub's triage desk; null when the model has no hub. */
  readonly hub: HubDesk | null;
  private readonly sim: Simulation;
  private readonly random: CallRandom;
  private readonly model: ResponseModelConfig;
  private readonly scenario: ScenarioConfig;
  private readonly unitTypes: readonly UnitTypeConfig[];
  private readonly unitsRules: readonly UnitsPerCallRule[] | null;
  /** The model's rules, matched ahead of time for every kind of call. */
  private readonly rules: RuleIndex;

  /** `lines` gives the hub its triage line (made first, so line ids stay as they always were). */
  constructor(options: RoutingOptions, lines: WaitingLines, private readonly handlers: RoutingHandlers) {
    this.sim = options.simulation;
    this.random = options.random;
    this.model = options.model;
    this.scenario = options.scenario;
    this.unitTypes = options.scenario.unitTypes;
    this.unitsRules = options.scenario.unitsPerCall;
    this.rules = new RuleIndex(this.model, this.scenario.demand.categories.length, this.scenario.maxPriority);
    this.hub =
      this.model.hub === null
        ? null
        : new HubDesk(
            this.model.hub,
            this.sim,
            lines.addLine(),
            {
              onTriaged: (call) => this.dispatch(call),
              onResolvedByPhone: (call) => handlers.endCall(call),
              onGiveUp: this.sendPastFirstChoice,
              onQueued: (call) => {
                if (call.patienceRanOut) {
                  lines.remove(call);
                  handlers.abandon(call);
                } else startPatience(call, this.scenario.waiting, this.sim, this.random, handlers.onPatienceOut);
              },
            },
            this.random,
            options.windowStartMin,
            options.windowEndMin,
          );
  }

  /** A call received (and coded at intake): call processing, then the dispatcher routes it. */
  receive(call: Call): void {
    if (this.scenario.callProcessingMin === null) this.onProcessed(call);
    else this.sim.after(processingMin(call, this.scenario, this.random), PRECEDENCE.triageDone, this.onProcessed, call);
  }

  /** Call taking and dispatch processing are done: the dispatcher routes the call. */
  private readonly onProcessed = (call: Call): void => {
    if (call.cancelled) return;
    const rule = this.rules.match(call);
    if (this.unitsRules !== null) call.unitsWanted = unitsWanted(call, this.unitsRules);
    call.rule = rule;
    call.eligible = rule.eligible;
    // The dispatcher's decision: a call not routed to the first choice starts at the second and
    // never reaches the hub. A recognised repeat caller (agencies share information) always is.
    const recognised = call.caller >= 0 && this.model.informationShared;
    if (rule.uptake < 1 && !recognised) {
      this.random.reset(call.seed, PURPOSE.uptake);
      if (this.random.next() >= rule.uptake) {
        this.sendPastFirstChoice(call);
        return;
      }
    }
    call.offeredAlternative = rule.eligible;
    if (rule.handoffMin !== null) {
      this.random.reset(call.seed, PURPOSE.handoff);
      this.sim.after(rule.handoffMin.sample(this.random.next), PRECEDENCE.triageDone, this.onHandedOff, call);
      return;
    }
    this.onHandedOff(call);
  };

  /** The routed call has reached whoever dispatches it: the hub's triage, or the first choice's dispatcher. */
  private readonly onHandedOff = (call: Call): void => {
    if (call.cancelled) return;
    const rule = call.rule!;
    if (rule.viaHub && this.hub !== null) {
      if (!this.hub.receive(call, rule.send.length > 1 ? rule.fallbackAfterMin : Infinity)) this.sendPastFirstChoice(call);
      return;
    }
    this.dispatch(call);
  };

  /** A routed call is ready for a unit: the caller may decline the alternative, else it goes to the first choice. */
  private dispatch(call: Call): void {
    const rule = call.rule!;
    call.readyMin = this.sim.now;
    if (rule.eligible) {
      const declineShare = this.unitTypes[rule.send[0]].declineShare;
      if (declineShare > 0) {
        this.random.reset(call.seed, PURPOSE.decline);
        if (this.random.next() < declineShare) {
          call.declined = true;
          call.offeredAlternative = false;
          call.entryStep = 1;
          this.handlers.offer(call, 1);
          return;
        }
      }
    }
    this.handlers.offer(call, 0);
  }

  /**
   * Sends a call past its first choice, now: not routed by the dispatcher, or the hub cannot
   * triage it (closed, or the wait ran out). A rule with no second choice keeps its only one.
   */
  readonly sendPastFirstChoice = (call: Call): void => {
    call.readyMin = this.sim.now;
    call.entryStep = Math.min(1, call.rule!.send.length - 1);
    this.handlers.offer(call, 1);
  };
}
