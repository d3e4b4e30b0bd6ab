/**
 * The mapping file's shape (data/mappings/*.yaml): how one city's CAD export maps onto the call
 * table. Which column holds what, the timestamp formats and time zone, how priorities map, which
 * taxonomy classifies the call types, and which rows are not calls for service. Writing one of
 * these is all it takes to import a new city's export.
 */
import * as z from "zod";

const name = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, "must be a lower-case name with dashes (like 'san-diego')");
const column = z.string().min(1).describe("a column name of the export's header row");
const format = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .describe("timestamp format like 'YYYY-MM-DD HH:mm:ss', 'MM/DD/YY', 'HH:mm', 'h:mm:ss A', or 'iso', 'epoch-ms', 'epoch-s'; or a list tried in order");
const timestamp = z.strictObject({ column, format });

const received = z
  .strictObject({
    column: column.optional(),
    format: format.optional(),
    date: timestamp.optional().describe("the date's column and format (with 'time')"),
    time: timestamp.optional().describe("the time of day's column and format (with 'date')"),
  })
  .describe("when the call was received: { column, format } or { date: {...}, time: {...} }");

const observed = (what: string) =>
  timestamp
    .optional()
    .describe(`when ${what}: a date and time, or a time of day on the received date (the next day when earlier than the received time)`);

const ignoreCase = z.boolean().optional().describe("compare values and patterns ignoring case; default false (case-sensitive)");

/** The parts of a column test: values, a pattern or emptiness (exactly one). */
const columnTest = {
  column,
  values: z.array(z.string()).min(1).optional().describe("exact values (after trimming) that mark the row; case-sensitive unless ignoreCase"),
  pattern: z.string().min(1).optional().describe("a regular expression on the value (JavaScript syntax, unanchored); case-sensitive unless ignoreCase"),
  empty: z.literal(true).optional().describe("the row is marked when the column is empty (or only spaces)"),
  ignoreCase,
};

/** The events a mapping's columns name, which `compare` can test. */
export const TIME_EVENTS = ["received", "queued", "dispatched", "enRoute", "arrived", "cleared"] as const;

const columnCondition = z.strictObject({
  ...columnTest,
  not: z.literal(true).optional().describe("the condition holds when the test does not"),
});
const compareCondition = z.strictObject({
  compare: z
    .tuple([z.enum(TIME_EVENTS), z.enum(TIME_EVENTS)])
    .describe("two events the mapping's columns give, [earlier, later], e.g. [received, arrived]"),
  withinMin: z
    .number()
    .min(0)
    .describe("holds when both times are present and the later is 0 to this many minutes after the earlier (0: the same time)"),
});
/** One condition of an `all` or `any` exclusion rule. */
export const conditionSchema = z.union([columnCondition, compareCondition]);

const exclusion = z
  .strictObject({
    column: column.optional().describe("one-column rule: the column tested (with values, pattern or empty)"),
    values: columnTest.values,
    pattern: columnTest.pattern,
    empty: columnTest.empty,
    ignoreCase,
    all: z.array(conditionSchema).min(1).optional().describe("the row is marked when every condition holds"),
    any: z.array(conditionSchema).min(1).optional().describe("the row is marked when at least one condition holds"),
    reason: z.string().min(1).describe("why such rows are not calls for service; the import counts them under it"),
  })
  .describe("a rule marking rows that are not calls for service: one column's test, or all/any of several conditions");

const units = z
  .strictObject({
    column,
    count: z
      .enum(["ids", "number"])
      .describe("'ids': the column lists unit ids, separated by 'separator', and the units are their count; 'number': it holds the count"),
    separator: z.string().length(1).default(",").describe("between unit ids (count: ids)"),
  })
  .describe("the units the city sent to each call");

const cancelled = z
  .strictObject({
    column: column.optional().describe("the outcome column, e.g. a clearance or disposition code"),
    values: z.array(z.string()).min(1).optional().describe("values (after trimming) that mean the call was cancelled; case-sensitive unless ignoreCase"),
    pattern: z.string().min(1).optional().describe("a regular expression on the column's value that means the call was cancelled"),
    ignoreCase,
    withoutArrival: z.boolean().default(false).describe("also count as cancelled every call with no arrival time (cleared without a unit on scene)"),
  })
  .describe("which calls were cleared without a unit arriving: a column's values or pattern, and/or every call with no arrival time");

/** A mapping file, as written. */
export const mappingSchema = z.strictObject({
  $schema: z.string().optional(),
  name,
  description: z.string().optional(),
  timeZone: z.string().min(1).describe("IANA time zone of the export's clock, e.g. America/Los_Angeles"),
  taxonomy: z
    .string()
    .min(1)
    .describe("taxonomy classifying the call types: a shipped taxonomy's name (e.g. 'resim', data/taxonomy/resim.yaml of the package) or a file path relative to this file"),
  csv: z
    .strictObject({
      delimiter: z.string().length(1).default(",").describe("the field separator, one character (',' ';' or a tab)"),
      encoding: z.enum(["utf8", "latin1"]).default("utf8").describe("the export's text encoding (a UTF-8 byte-order mark is skipped)"),
    })
    .prefault({})
    .describe("how the export is written"),
  columns: z.strictObject({
    id: column.optional().describe("the call's id; duplicates of an id at the same received time are dropped"),
    received,
    type: column.describe("the call type (code or text) the taxonomy classifies"),
    priority: column.optional().describe("the dispatch priority; map its values under 'priorities'"),
    zone: column.optional().describe("beat, district or zone"),
    dispatched: observed("a unit was dispatched"),
    enRoute: observed("the first unit went en route"),
    arrived: observed("the first unit arrived"),
    cleared: observed("the call was cleared"),
    queued: observed("the call was queued for dispatch (call taking done, ready for a unit)"),
    units: units.optional(),
    initialType: column.optional().describe("the call type first entered at intake, when the export keeps it apart from the final 'type'"),
    initialPriority: column.optional().describe("the priority first given, when the export keeps it apart from the final 'priority'; mapped by 'priorities'"),
  }),
  typeLookup: z
    .strictObject({
      file: z.string().min(1).describe("CSV of codes and descriptions, relative to the export's folder (cities publish them together)"),
      code: column,
      description: column,
    })
    .optional()
    .describe("a code list turning type codes into text for the taxonomy"),
  priorities: z
    .record(z.string(), z.number().int().min(1))
    .optional()
    .describe("export priority value -> resim priority (1 = most urgent); required with columns.priority"),
  cancelled: cancelled.optional(),
  exclude: z.array(exclusion).default([]).describe("rows that are not calls for service, counted and skipped; the first rule that marks a row counts it"),
});

/** A mapping file after parsing and defaults. */
export type MappingInput = z.output<typeof mappingSchema>;
/** One `exclude` rule as written. */
export type ExclusionInput = MappingInput["exclude"][number];
/** One condition of an `all` or `any` rule. */
export type ConditionInput = z.output<typeof conditionSchema>;
/** One of the events `compare` names. */
export type TimeEvent = (typeof TIME_EVENTS)[number];
