/**
 * Repeat callers' connection to care: when each was last connected (by a disposition the scenario
 * names), and whether a potential call of theirs is made given that. The potential calls are the
 * same in every model; this thins them with the call's own uniform.
 */
import type { CallRandom } from "../random/call-random.js";
import type { Call } from "./call.js";
import type { RepeatCallersConfig } from "./config.js";
import { PURPOSE } from "./purposes.js";

export class CareConnections {
  /** When each repeat caller was last connected to care, minutes. */
  private readonly connectedAtMin: number[] = [];
  /** Potential calls not made because the caller had been connected, inside the window. */
  avoided = 0;

  constructor(
    private readonly config: RepeatCallersConfig,
    private readonly windowStartMin: number,
    private readonly windowEndMin: number,
  ) {}

  /**
   * Whether a repeat caller's potential call is made: always before they are connected to care;
   * after, the rate is cut by the effect, fading linearly over its duration.
   */
  callHappens(call: Call, nowMin: number, random: CallRandom): boolean {
    const connectedAt = this.connectedAtMin[call.caller];
    if (connectedAt === undefined) return true;
    const fade = Math.max(0, 1 - (nowMin - connectedAt) / this.config.effectMin);
    random.reset(call.seed, PURPOSE.repeatCall);
    if (random.next() >= this.config.effect * fade) return true;
    if (nowMin >= this.windowStartMin && nowMin < this.windowEndMin) this.avoided++;
    return false;
  }

  /** Follow-up visits made, and those that connected the person, inside the window. */
  followUps = 0;
  followUpsConnected = 0;

  /**
   * One round of follow-up visits by idle outreach teams: `visits` visits, each to a frequent
   * caller drawn at random, each connecting them with probability `connects`.
   */
  followUp(visits: number, connects: number, nowMin: number, rng: () => number): void {
    const inWindow = nowMin >= this.windowStartMin && nowMin < this.windowEndMin;
    for (let v = 0; v < visits; v++) {
      const person = Math.min(this.config.people - 1, Math.floor(rng() * this.config.people));
      const connected = rng() < connects;
      if (connected) this.connectedAtMin[person] = nowMin;
      if (inWindow) {
        this.followUps++;
        if (connected) this.followUpsConnected++;
      }
    }
  }

  /** Records the end of a repeat caller's call: a connecting disposition connects them now. */
  callEnded(call: Call, nowMin: number): void {
    if (this.config.connectedBy.has(call.disposition)) this.connectedAtMin[call.caller] = nowMin;
  }
}
