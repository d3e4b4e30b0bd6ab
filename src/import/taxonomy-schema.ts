/**
 * The taxonomy file's shape (data/taxonomy/*.yaml): ordered rules from a city's call-type codes
 * or text to resim's categories, the behavioral-health and weapon flags, and a priority for
 * exports that have none, and optionally units per call. A city file `extends` a general one (by
 * name or path); its rules are tried first.
 */
import * as z from "zod";
import { RESIM_CATEGORIES } from "./categories.js";

const category = z.enum(RESIM_CATEGORIES);
const priority = z.number().int().min(1);

const ruleSchema = z.strictObject({
  category,
  codes: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe("exact values of the export's type column (case-insensitive), e.g. SDPD codes '5150', 'CW'"),
  keywords: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe("whole words or phrases in the type text (case-insensitive), e.g. 'welfare', 'check the welfare'"),
  regex: z.string().min(1).optional().describe("a regular expression on the type text (case-insensitive)"),
  behavioralHealth: z.boolean().optional().describe("calls of this type have a behavioral-health need; default: the category's"),
  weapon: z.boolean().optional().describe("calls of this type carry a weapon or violence risk; default false"),
  priority: priority.optional().describe("priority when the export has no priority column; default: the category's"),
  note: z.string().optional().describe("why this rule is here"),
});

const categoryDefaultsSchema = z.strictObject({
  priority: priority.describe("priority of this category's calls when the export has none and no rule gives one"),
  behavioralHealth: z.boolean().default(false).describe("calls of this category have a behavioral-health need unless a rule says otherwise"),
});

const unitsRuleSchema = z.strictObject({
  categories: z.array(category).min(1).optional().describe("categories the rule applies to; default all"),
  priorities: z.array(priority).min(1).optional().describe("priorities the rule applies to; default all"),
  units: z.number().int().min(1).describe("units the city sends to such a call"),
  note: z.string().optional().describe("where the figure comes from"),
});

/** A taxonomy file, as written. */
export const taxonomySchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  extends: z
    .string()
    .min(1)
    .optional()
    .describe("a taxonomy whose rules are tried after this file's: a shipped taxonomy's name (e.g. 'resim') or a path relative to this file"),
  categories: z.partialRecord(category, categoryDefaultsSchema).default({}),
  rules: z.array(ruleSchema).default([]).describe("tried in order; the first match wins"),
  units: z
    .array(unitsRuleSchema)
    .optional()
    .describe("units per call by category and priority, first match wins, where the city knows them; used when the export has no units column"),
  unmapped: category.optional().describe("category of call types no rule matches (default 'other'); they are listed by the import"),
});

/** A taxonomy file after parsing and defaults. */
export type TaxonomyInput = z.output<typeof taxonomySchema>;
/** One rule as written. */
export type TaxonomyRuleInput = TaxonomyInput["rules"][number];
