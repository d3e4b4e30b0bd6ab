/**
 * What an import saw, counted as it streams: rows read, kept and skipped (by reason, with the
 * first line numbers of each), the calls' span, volume by day and hour, category and priority
 * mix, call types no taxonomy rule matched, and observed-time quantiles. Memory grows with the
 * number of days, reasons and distinct unmapped types, never with the number of rows.
 */
import { QuantileSketch } from "../metrics/quantile-sketch.js";
import { SECONDS_PER_DAY } from "../streams/civil-time.js";
import { CallMeasures } from "./call-measures.js";
import type { IssueSink, ImportedCall, RowProblem } from "./row-mapper.js";

/** How many line numbers are kept per reason. */
const LINES_SHOWN = 5;
/** Distinct unmapped types counted one by one; the rest are counted together. */
const UNMAPPED_LIMIT = 50_000;

/** The rows or values set aside for one reason. */
export interface ReasonTally {
  count: number;
  /** The smallest line numbers, ascending. */
  lines: number[];
  /** The first problem seen (for "e.g. line 5: expected ..."), or null. */
  example: { line: number; problem: RowProblem } | null;
}

/** Calls of one category. */
export interface CategoryCount {
  calls: number;
  /** byPriority[p - 1]: calls of priority p. */
  byPriority: number[];
  behavioralHealth: number;
  weapon: number;
}

/** Observed events, as minutes after received. */
export const OBSERVED_MEASURES = ["dispatchedMin", "enrouteMin", "arrivedMin", "onSceneMin"] as const;
/** One of the observed-time measures the import summarizes. */
export type ObservedMeasure = (typeof OBSERVED_MEASURES)[number];

/** Counts an import as it streams; also the sink rows report their problems to. */
export class ImportTally implements IssueSink {
  rowsRead = 0;
  kept = 0;
  readonly skipped = new Map<string, ReasonTally>();
  readonly observedDropped = new Map<string, ReasonTally>();
  firstSec = NaN;
  lastSec = NaN;
  /** Calls by civil day number. */
  readonly callsByDay = new Map<number, number>();
  readonly callsByHour = new Array<number>(24).fill(0);
  readonly categories = new Map<string, CategoryCount>();
  /** Unmapped type (as shown) -> calls. */
  readonly unmapped = new Map<string, number>();
  unmappedOverflow = 0;
  unmappedCalls = 0;
  exportPriorities = 0;
  /** Processing delay, cancellations, units and intake matrix (for the summary and --emit-scenario). */
  readonly measures = new CallMeasures();
  /** What the user must check though nothing stopped the import (a rule that marked no row, an ambiguous time format). */
  readonly warnings: string[] = [];
  readonly observed: Record<ObservedMeasure, QuantileSketch> = {
    dispatchedMin: new QuantileSketch(),
    enrouteMin: new QuantileSketch(),
    arrivedMin: new QuantileSketch(),
    onSceneMin: new QuantileSketch(),
  };

  /** @param onBad called for each bad row or value in strict mode, and must throw; null counts them instead */
  constructor(private readonly onBad: ((line: number, problem: RowProblem | null, reason: string) => never) | null = null) {}

  skip(reason: string, line: number, bad: boolean, problem: RowProblem | null): void {
    if (bad && this.onBad) this.onBad(line, problem, reason);
    note(this.skipped, reason, line, problem);
  }

  dropObserved(reason: string, line: number, problem: RowProblem): void {
    if (this.onBad) this.onBad(line, problem, reason);
    note(this.observedDropped, reason, line, problem);
  }

  /** Counts a call written to the table (after sorting and duplicate removal). */
  keep(call: ImportedCall): void {
    this.kept++;
    if (this.kept === 1) this.firstSec = call.receivedSec;
    this.lastSec = call.receivedSec;
    const day = Math.floor(call.receivedSec / SECONDS_PER_DAY);
    this.callsByDay.set(day, (this.callsByDay.get(day) ?? 0) + 1);
    this.callsByHour[Math.floor((call.receivedSec - day * SECONDS_PER_DAY) / 3600)]++;
    let category = this.categories.get(call.category);
    if (category === undefined) {
      category = { calls: 0, byPriority: [], behavioralHealth: 0, weapon: 0 };
      this.categories.set(call.category, category);
    }
    category.calls++;
    while (category.byPriority.length < call.priority) category.byPriority.push(0);
    category.byPriority[call.priority - 1]++;
    if (call.behavioralHealth) category.behavioralHealth++;
    if (call.weapon) category.weapon++;
    if (call.prioritySource === "export") this.exportPriorities++;
    if (!call.mapped) this.countUnmapped(call);
    const { observed } = this;
    if (call.dispatchedMin >= 0) observed.dispatchedMin.add(call.dispatchedMin);
    if (call.enrouteMin >= 0) observed.enrouteMin.add(call.enrouteMin);
    if (call.arrivedMin >= 0) observed.arrivedMin.add(call.arrivedMin);
    if (call.clearedMin >= call.arrivedMin) observed.onSceneMin.add(call.clearedMin - call.arrivedMin);
    this.measures.add(call);
  }

  private countUnmapped(call: ImportedCall): void {
    this.unmappedCalls++;
    const shown = call.type === "" ? "(blank)" : call.typeDescription === "" ? call.type : `${call.type} (${call.typeDescription})`;
    const count = this.unmapped.get(shown);
    if (count !== undefined) this.unmapped.set(shown, count + 1);
    else if (this.unmapped.size < UNMAPPED_LIMIT) this.unmapped.set(shown, 1);
    else this.unmappedOverflow++;
  }
}

function note(reasons: Map<string, ReasonTally>, reason: string, line: number, problem: RowProblem | null): void {
  let tally = reasons.get(reason);
  if (tally === undefined) {
    tally = { count: 0, lines: [], example: null };
    reasons.set(reason, tally);
  }
  tally.count++;
  if (problem !== null && (tally.example === null || line < tally.example.line)) tally.example = { line, problem };
  // Keep the smallest line numbers: duplicates are found in time order, not file order.
  const lines = tally.lines;
  if (lines.length < LINES_SHOWN || line < lines[lines.length - 1]) {
    let at = lines.length;
    while (at > 0 && lines[at - 1] > line) at--;
    lines.splice(at, 0, line);
    if (lines.length > LINES_SHOWN) lines.pop();
  }
}
