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

const exclusion = z.strictObject({
  column,
  values: z.array(z.string()).min(1).optional().describe("exact values (after trimming) that mark the row"),
  pattern: z.string().min(1).optional().describe("a regular expression on the value"),
  empty: z.literal(true).optional().describe("the row is marked when the column is empty"),
  reason: z.string().min(1).describe("why such rows are not calls for service; the import counts them under it"),
});

/** A mapping file, as written. */
export const mappingSchema = z.strictObject({
  $schema: z.string().optional(),
  name,
  description: z.string().optional(),
  timeZone: z.string().min(1).describe("IANA time zone of the export's clock, e.g. America/Los_Angeles"),
  taxonomy: z.string().min(1).describe("taxonomy file classifying the call types, relative to this file"),
  csv: z
    .strictObject({
      delimiter: z.string().length(1).default(","),
      encoding: z.enum(["utf8", "latin1"]).default("utf8"),
    })
    .prefault({}),
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
  exclude: z.array(exclusion).default([]).describe("rows that are not calls for service, counted and skipped"),
});

/** A mapping file after parsing and defaults. */
export type MappingInput = z.output<typeof mappingSchema>;
/** One `exclude` rule as written. */
export type ExclusionInput = MappingInput["exclude"][number];
