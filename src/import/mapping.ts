/**
 * Loading a mapping file: schema, then the checks that relate its values (timestamp formats that
 * compile and hold the right parts, a real time zone, priorities given with a priority column,
 * one way of marking each excluded row), then the compiled mapping the importer runs. Every
 * problem is reported at once, with its key path.
 */
import { dirname, resolve } from "node:path";
import { ScenarioError, type KeyPath, type ScenarioIssue } from "../scenario/errors.js";
import { mappingSchema, type MappingInput } from "./mapping-schema.js";
import { loadTaxonomy, type Taxonomy } from "./taxonomy.js";
import { TimeZone } from "./time-zone.js";
import { compileFormat, FormatError, type FormatKind, type TimestampFormat } from "./timestamp-format.js";
import { readValidated } from "./yaml-file.js";

/** One column read as a timestamp, with the formats tried in order. */
export interface TimestampColumn {
  column: string;
  formats: readonly TimestampFormat[];
}

/** The observed events of a call table, in table order. */
export const OBSERVED_EVENTS = ["dispatched", "enRoute", "arrived", "cleared"] as const;
/** One of the observed events a mapping may name. */
export type ObservedEvent = (typeof OBSERVED_EVENTS)[number];

/** Rows marked by a column's value are skipped under `reason`. */
export interface Exclusion {
  column: string;
  matches(value: string): boolean;
  reason: string;
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
  const exclude = input.exclude.map((rule, i) => exclusion(rule, ["exclude", i], report));
  if (issues.length > 0) throw new ScenarioError(file, issues);
  const taxonomy = loadTaxonomy(resolve(dirname(file), input.taxonomy));
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
  return { column: spec.column, formats };
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

function exclusion(rule: MappingInput["exclude"][number], path: KeyPath, report: (path: KeyPath, message: string) => void): Exclusion {
  const ways = [rule.values, rule.pattern, rule.empty].filter((w) => w !== undefined).length;
  if (ways !== 1) report(path, `must mark rows one way: values, pattern or empty, got ${ways === 0 ? "none" : ways}`);
  let matches = (_value: string) => false;
  if (rule.values) {
    const values = new Set(rule.values.map((v) => v.trim()));
    matches = (value) => values.has(value.trim());
  } else if (rule.pattern) {
    try {
      const pattern = new RegExp(rule.pattern);
      matches = (value) => pattern.test(value);
    } catch (error) {
      report([...path, "pattern"], `must be a valid regular expression: ${(error as Error).message}`);
    }
  } else if (rule.empty) {
    matches = (value) => value.trim() === "";
  }
  return { column: rule.column, matches, reason: rule.reason };
}
