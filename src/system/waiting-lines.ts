/**
 * Calls waiting for a unit, kept in lines so that a unit that frees up takes the best call it may
 * serve, not merely the head of one queue.
 *
 * A line holds the calls of one dispatch rule that entered its send list at one step and have
 * reached one step. Every call in a line accepts the same unit types: those of its send list from
 * where it entered up to where it has reached (a call that fell back from a busy preferred type
 * still prefers that type when one frees up; a call the dispatcher or the caller sent straight to
 * police does not), plus, at the last step, the rule's `ifIdle` types (only those with a sworn crew
 * for a call sent past its first choice: no civilian team takes a call the dispatcher or the
 * caller kept from it). A freed unit looks at the
 * head of each line that accepts its type and takes the best (priority, then received, then id):
 * no call blocks an eligible call behind it in another line.
 */
import { CallQueue, servedBefore } from "./call-queue.js";
import type { Call } from "./call.js";
import type { DispatchRule } from "./config.js";

export class WaitingLines {
  /** Every line, by id (a call's `waitingAt`). */
  private readonly lines: CallQueue[] = [];
  /** By rule: its lines, indexed [entry step][reached step]. */
  private readonly byRule = new Map<DispatchRule, (CallQueue | undefined)[][]>();
  /** The rule last queued for and its grid: most calls that wait follow one rule, and a Map lookup per call shows in the profile. */
  private lastRule: DispatchRule | null = null;
  private lastGrid: (CallQueue | undefined)[][] = [];
  /** By unit type index: the lines whose calls it may take. */
  private readonly accepting: CallQueue[][];
  /** By unit type index: the lines of calls waiting for it short of their last choice (they have a fallback). */
  private readonly preferring: CallQueue[][];

  /** @param alternative by unit type index: whether it is an alternative to police (its crew is not police-only). */
  constructor(private readonly alternative: readonly boolean[]) {
    this.accepting = alternative.map(() => []);
    this.preferring = alternative.map(() => []);
  }

  /** A line no unit type serves (the hub's triage queue): waits, patience and removal work as in any line. */
  addLine(): CallQueue {
    const line = new CallQueue(this.lines.length);
    this.lines.push(line);
    return line;
  }

  /** Queues a call at `call.step` of its rule's send list, having entered it at `call.entryStep`. */
  push(call: Call): void {
    call.placement++;
    this.lineFor(call.rule!, call.entryStep, call.step).push(call);
  }

  /** Takes a waiting call out of its line (it fell back, hung up or escalated); no-op if not waiting. */
  remove(call: Call): void {
    if (call.waitingAt >= 0) this.lines[call.waitingAt].remove(call);
  }

  /** Sets a waiting call's priority and keeps its line in order. */
  reprioritize(call: Call, priority: number): void {
    this.lines[call.waitingAt].reprioritize(call, priority);
  }

  /** Whether the call waits in `line`. */
  isIn(call: Call, line: CallQueue): boolean {
    return call.waitingAt >= 0 && this.lines[call.waitingAt] === line;
  }

  /**
   * Removes and returns the best waiting call a unit of this type may take, or null if none; with
   * `upToPriority` (a reserve holds the unit back), only a call at that priority or more urgent.
   * The best call in all lines is the most urgent, so no less urgent one is passed over for it.
   */
  takeFor(unitType: number, upToPriority = Infinity): Call | null {
    const lines = this.accepting[unitType];
    // One line and no reserve (the common case): its head is the answer, polled without a peek first.
    if (lines.length === 1 && upToPriority === Infinity) return lines[0].poll();
    let best: Call | null = null;
    let bestLine: CallQueue | null = null;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line.size === 0) continue;
      const head = line.peek()!;
      if (best === null || servedBefore(head, best)) {
        best = head;
        bestLine = line;
      }
    }
    return bestLine === null || best!.priority > upToPriority ? null : bestLine.poll();
  }

  /** Removes and returns every call waiting for this type short of its last choice, oldest line order kept. */
  takeWaitingFor(unitType: number): Call[] {
    const calls: Call[] = [];
    for (const line of this.preferring[unitType]) for (let call = line.poll(); call !== null; call = line.poll()) calls.push(call);
    return calls;
  }

  private addRule(rule: DispatchRule): (CallQueue | undefined)[][] {
    const grid = rule.send.map(() => []);
    this.byRule.set(rule, grid);
    return grid;
  }

  private lineFor(rule: DispatchRule, entry: number, step: number): CallQueue {
    let grid = this.lastGrid;
    if (rule !== this.lastRule) {
      grid = this.byRule.get(rule) ?? this.addRule(rule);
      this.lastRule = rule;
      this.lastGrid = grid;
    }
    let line = grid[entry][step];
    if (line === undefined) {
      line = this.addLine();
      grid[entry][step] = line;
      for (const type of acceptedTypes(rule, entry, step, this.alternative)) this.accepting[type].push(line);
      if (step < rule.send.length - 1) this.preferring[rule.send[step]].push(line);
    }
    return line;
  }
}

/** The unit types a call of `rule` that entered at `entry` and reached `step` accepts. */
export function acceptedTypes(rule: DispatchRule, entry: number, step: number, alternative: readonly boolean[]): number[] {
  const types = new Set(rule.send.slice(entry, step + 1));
  if (step === rule.send.length - 1) for (const type of rule.ifIdle) if (takesIfIdle(type, entry, alternative)) types.add(type);
  return [...types];
}

/** Whether an `ifIdle` type may take a call that entered its rule's send list at `entry`. */
export function takesIfIdle(type: number, entry: number, alternative: readonly boolean[]): boolean {
  return entry === 0 || !alternative[type];
}
