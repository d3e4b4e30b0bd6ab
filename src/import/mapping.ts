/**
 * Loading a mapping file: schema, then the checks that relate its values (timestamp formats that
 * compile and hold the right parts, a real time zone, priorities given with a priority column,
 * one way of marking each excluded row), then the compiled mapping the importer runs. Every
 * problem is reported at once, with its key path.
 */
import { ScenarioError, type KeyPath, type ScenarioIssue } from "../scenario/errors.js";
import { mappingSchema, type ConditionInput, type MappingInput, type TimeEvent } from "./mapping-schema.js";
import { taxonomyFile } from "./package-root.js";
import { loadTaxonomy, type Taxonomy } from "./taxonomy.js";
import { TimeZone } from "./time-zone.js";
import { compileFormat, FormatError, type FormatKind, type TimestampFormat } from "./timestamp-format.js";
import { readValidated } from "./yaml-file.js";

/** One column read as a timestamp, with the formats tried in order. */
export interface TimestampColumn {
  column: string;
  formats: readonly TimestampFormat[];
  /** Values each format read in the current import (the row mapper resets and counts them). */
  hits: number[];
}

/** The observed events of a call table, in table order. */
export const OBSERVED_EVENTS = ["dispatched", "enRoute", "arrived", "cleared", "queued"] as const;
/** One of the observed events a mapping may name. */
export type ObservedEvent = (typeof OBSERVED_EVENTS)[number];

/** A test of one column's value. */
export interface ColumnCondition {
  kind: "column";
  column: string;
  matches(value: string): boolean;
}

/** Two of the call's times, the later within `withinMin` minutes of the earlier. */
export interface CompareCondition {
  kind: "compare";
  from: TimeEvent;
  to: TimeEvent;
  withinMin: number;
}

/** Rows for which all (or any) of `conditions` hold are skipped under `reason`. */
export interface Exclusion {
  conditions: readonly (ColumnCondition | CompareCondition)[];
  mode: "all" | "any";
  /** Whether a condition compares times (so the rule is tested once the row's times are read). */
  usesTimes: boolean;
  reason: string;
}

/** How the units sent to each call are read. */
export interface UnitsColumn {
  column: string;
  count: "ids" | "number";
  separator: string;
}

/** Which calls were cleared without a unit arriving. */
export interface CancelledRule {
  /** The outcome column and the test of its value, or null. */
  column: ColumnCondition | null;
  withoutArrival: boolean;
}

/** A validated, compiled mapping. */
export interface Mapping {
  file: string;
  name: string;
  zone: TimeZone;
  delimiter: string;
  encoding: "utf8" | "latin1";
  id: string | null;
  /** A single date-and-time column, or a date column and a time-of-day column. */
  received: { single: TimestampColumn } | { date: TimestampColumn; time: TimestampColumn };
  type: string;
  priority: { column: string; values: ReadonlyMap<string, number> } | null;
  zoneColumn: string | null;
  /** Observed event -> its column, for the events the export has. */
  observed: ReadonlyMap<ObservedEvent, TimestampColumn>;
  typeLookup: { file: string; code: string; description: string } | null;
  exclude: readonly Exclusion[];
  units: UnitsColumn | null;
  /** The initial call type's column, when the export keeps it apart from the final one. */
  initialType: string | null;
  /** The initial priority's column (mapped by `priority.values`). */
  initialPriority: string | null;
  cancelled: CancelledRule | null;
  taxonomy: Taxonomy;
}

/** Loads and compiles a mapping file. Throws ScenarioError for any problem in it or its taxonomy. */
export function loadMapping(file: string): Mapping {
  const input = readValidated(mappingSchema, file);
  const issues: ScenarioIssue[] = [];
  const report = (path: KeyPath, message: string) => issues.push({ path, message });
  let zone = new TimeZone("UTC");
  if (TimeZone.isValid(input.timeZone)) zone = new TimeZone(input.timeZone);
  else report(["timeZone"], `must be an IANA time zone like 'America/Los_Angeles', got '${input.timeZone}'`);
  const stamp = (spec: { column: string; format: string | string[] }, path: KeyPath, kinds: readonly FormatKind[]) =>
    timestampColumn(spec, path, kinds, zone, report);

  const { received: r } = input.columns;
  let received: Mapping["received"] | null = null;
  if (r.column !== undefined && r.format !== undefined && r.date === undefined && r.time === undefined) {
    received = { single: stamp({ column: r.column, format: r.format }, ["columns", "received"], ["datetime"]) };
  } else if (r.date !== undefined && r.time !== undefined && r.column === undefined && r.format === undefined) {
    received = {
      date: stamp(r.date, ["columns", "received", "date"], ["date"]),
      time: stamp(r.time, ["columns", "received", "time"], ["time"]),
    };
  } else {
    report(["columns", "received"], `must be { column, format } or { date: { column, format }, time: { column, format } }, got { ${Object.keys(r).join(", ")} }`);
  }
  const observed = new Map<ObservedEvent, TimestampColumn>();
  for (const event of OBSERVED_EVENTS) {
    const spec = input.columns[event];
    if (spec) observed.set(event, stamp(spec, ["columns", event], ["datetime", "time"]));
  }
  const priority = priorityMapping(input, report);
  const events = new Set<TimeEvent>(["received", ...observed.keys()]);
  const exclude = input.exclude.map((rule, i) => exclusion(rule, ["exclude", i], events, report));
  if (input.columns.initialPriority !== undefined && input.columns.priority === undefined) {
    report(["columns", "initialPriority"], "needs columns.priority and its 'priorities' map, which map the initial priority's values too");
  }
  const cancelled = cancelledRule(input, events, report);
  if (issues.length > 0) throw new ScenarioError(file, issues);
  const taxonomy = loadTaxonomy(taxonomyFile(input.taxonomy, file));
  return {
    file,
    name: input.name,
    zone,
    delimiter: input.csv.delimiter,
    encoding: input.csv.encoding,
    id: input.columns.id ?? null,
    received: received!,
    type: input.columns.type,
    priority,
    zoneColumn: input.columns.zone ?? null,
    observed,
    typeLookup: input.typeLookup ?? null,
    exclude,
    units: input.columns.units ?? null,
    initialType: input.columns.initialType ?? null,
    initialPriority: input.columns.initialPriority ?? null,
    cancelled,
    taxonomy,
  };
}

function timestampColumn(
  spec: { column: string; format: string | string[] },
  path: KeyPath,
  kinds: readonly FormatKind[],
  zone: TimeZone,
  report: (path: KeyPath, message: string) => void,
): TimestampColumn {
  const texts = typeof spec.format === "string" ? [spec.format] : spec.format;
  const formats: TimestampFormat[] = [];
  texts.forEach((text, i) => {
    const at = typeof spec.format === "string" ? [...path, "format"] : [...path, "format", i];
    try {
      const format = compileFormat(text, zone);
      if (kinds.includes(format.kind)) formats.push(format);
      else report(at, `must hold ${kinds.map(describeKind).join(" or ")}, got '${text}', which holds ${describeKind(format.kind)}`);
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      report(at, `${error.message}, got '${text}'`);
    }
  });
  if (new Set(formats.map((f) => f.kind)).size > 1) report([...path, "format"], "must list formats of one kind (all dates and times, or all times of day)");
  return { column: spec.column, formats, hits: formats.map(() => 0) };
}

function describeKind(kind: FormatKind): string {
  return kind === "datetime" ? "a date and a time" : kind === "date" ? "a date only" : "a time of day only";
}

function priorityMapping(input: MappingInput, report: (path: KeyPath, message: string) => void): Mapping["priority"] {
  const column = input.columns.priority;
  if (column === undefined) {
    if (input.priorities !== undefined) report(["priorities"], "needs columns.priority, the column whose values it maps");
    return null;
  }
  if (input.priorities === undefined || Object.keys(input.priorities).length === 0) {
    report(["priorities"], `is required with columns.priority: map each value of column '${column}' to a resim priority (1 = most urgent)`);
    return null;
  }
  return { column, values: new Map(Object.entries(input.priorities)) };
}

function exclusion(rule: MappingInput["exclude"][number], path: KeyPath, events: ReadonlySet<TimeEvent>, report: (path: KeyPath, message: string) => void): Exclusion {
  const single = rule.column !== undefined || rule.values !== undefined || rule.pattern !== undefined || rule.empty !== undefined || rule.ignoreCase !== undefined;
  const forms = [single, rule.all !== undefined, rule.any !== undefined].filter(Boolean).length;
  if (forms !== 1) {
    report(path, `must be one column's test ({ column, values | pattern | empty, reason }) or { all: [...], reason } or { any: [...], reason }, got ${forms === 0 ? "none of them" : "more than one"}`);
    return { conditions: [], mode: "all", usesTimes: false, reason: rule.reason };
  }
  const list: ConditionInput[] = single ? [rule as ConditionInput] : (rule.all ?? rule.any)!;
  const at = (i: number): KeyPath => (single ? path : [...path, rule.all ? "all" : "any", i]);
  const conditions = list.map((c, i) => condition(c, at(i), events, report));
  return { conditions, mode: rule.any ? "any" : "all", usesTimes: conditions.some((c) => c.kind === "compare"), reason: rule.reason };
}

function condition(input: ConditionInput, path: KeyPath, events: ReadonlySet<TimeEvent>, report: (path: KeyPath, message: string) => void): ColumnCondition | CompareCondition {
  if ("compare" in input) {
    const [from, to] = input.compare;
    for (const [i, event] of [from, to].entries()) {
      if (!events.has(event)) report([...path, "compare", i], `names '${event}', which the mapping's columns do not give (it has: ${[...events].join(", ")})`);
    }
    return { kind: "compare", from, to, withinMin: input.withinMin };
  }
  if (input.column === undefined) {
    report(path, "must name the column it tests");
    return new ColumnTestOf("", new NoTest(), false);
  }
  const not = "not" in input && input.not === true;
  return new ColumnTestOf(input.column, columnTest(input, path, report), not);
}

/**
 * Tests of a column's value are objects of a few classes, not closures: a closure made per
 * mapping is a new call target each time a mapping is loaded (once per import), and the row
 * mapper's optimised code, made for the last import's tests, would be thrown away at the next.
 */
interface ValueTest {
  matches(value: string): boolean;
}

class ColumnTestOf implements ColumnCondition {
  readonly kind = "column";

  constructor(
    readonly column: string,
    private readonly test: ValueTest,
    private readonly not: boolean,
  ) {}

  matches(value: string): boolean {
    return this.test.matches(value) !== this.not;
  }
}

/** One of `values` (trimmed; lower-cased when `fold`). */
class ValuesTest implements ValueTest {
  constructor(
    private readonly values: ReadonlySet<string>,
    private readonly fold: boolean,
  ) {}

  matches(value: string): boolean {
    return this.values.has(this.fold ? value.trim().toLowerCase() : value.trim());
  }
}

class PatternTest implements ValueTest {
  constructor(private readonly pattern: RegExp) {}

  matches(value: string): boolean {
    return this.pattern.test(value);
  }
}

class EmptyTest implements ValueTest {
  matches(value: string): boolean {
    return value.trim() === "";
  }
}

/** A test that marks nothing (for a rule reported as wrong). */
class NoTest implements ValueTest {
  matches(): boolean {
    return false;
  }
}

/** The test of a column's value that `values`, `pattern` or `empty` gives (exactly one). */
function columnTest(
  input: { values?: string[]; pattern?: string; empty?: true; ignoreCase?: boolean },
  path: KeyPath,
  report: (path: KeyPath, message: string) => void,
  allowEmpty = true,
): ValueTest {
  const ways = [input.values, input.pattern, allowEmpty ? input.empty : undefined].filter((w) => w !== undefined).length;
  if (ways !== 1) report(path, `must mark rows one way: ${allowEmpty ? "values, pattern or empty" : "values or pattern"}, got ${ways === 0 ? "none" : ways}`);
  const fold = input.ignoreCase === true;
  if (input.values) return new ValuesTest(new Set(input.values.map((v) => (fold ? v.trim().toLowerCase() : v.trim()))), fold);
  if (input.pattern) {
    try {
      return new PatternTest(new RegExp(input.pattern, fold ? "i" : ""));
    } catch (error) {
      report([...path, "pattern"], `must be a valid regular expression: ${(error as Error).message}`);
    }
  } else if (input.empty) {
    return new EmptyTest();
  }
  return new NoTest();
}

function cancelledRule(input: MappingInput, events: ReadonlySet<TimeEvent>, report: (path: KeyPath, message: string) => void): CancelledRule | null {
  const rule = input.cancelled;
  if (rule === undefined) return null;
  const path: KeyPath = ["cancelled"];
  if (rule.withoutArrival && !events.has("arrived")) report([...path, "withoutArrival"], "needs columns.arrived: without arrival times every call would count as cancelled");
  if (rule.column === undefined) {
    if (rule.values !== undefined || rule.pattern !== undefined) report([...path, "column"], "is required with values or pattern: the column whose value says the call was cancelled");
    else if (!rule.withoutArrival) report(path, "must give a column with values or pattern, or withoutArrival: true");
    return { column: null, withoutArrival: rule.withoutArrival };
  }
  return { column: new ColumnTestOf(rule.column, columnTest(rule, path, report, false), false), withoutArrival: rule.withoutArrival };
}
