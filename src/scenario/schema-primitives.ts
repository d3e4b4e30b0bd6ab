/**
 * The value shapes the scenario's schemas share (names, shares, clock times, duration
 * distributions, a rule's match), in their own module so that schema.ts and the dispatch-policy
 * schema can both use them without importing each other.
 */
import * as z from "zod";

export const name = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, "must be a lower-case name with dashes (like 'co-responder')");
export const nonNegative = z.number().min(0);
export const positive = z.number().positive();
export const share = z.number().min(0).max(1);
export const count = z.number().int().min(0);
export const clock = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "must be a time of day 'HH:MM' from 00:00 to 24:00");

const minutesNote = "minutes";
/**
 * A distribution of a duration in minutes. Lognormal and gamma take one of two parameter pairs;
 * `cross-checks` enforce that exactly one pair is given (a union of unions would give editors and
 * users much worse messages).
 */
export const distributionSchema = z
  .discriminatedUnion("dist", [
    z.strictObject({ dist: z.literal("exponential"), mean: positive }),
    z.strictObject({
      dist: z.literal("lognormal"),
      mean: positive.optional(),
      sd: positive.optional(),
      median: positive.optional(),
      p90: positive.optional(),
    }),
    z.strictObject({
      dist: z.literal("gamma"),
      shape: positive.optional(),
      scale: positive.optional(),
      mean: positive.optional(),
      sd: positive.optional(),
    }),
    z.strictObject({ dist: z.literal("triangular"), min: nonNegative, mode: nonNegative, max: positive }),
    z.strictObject({ dist: z.literal("uniform"), min: nonNegative, max: positive }),
    z.strictObject({ dist: z.literal("fixed"), value: nonNegative }),
    z.strictObject({
      dist: z.literal("empirical"),
      values: z.array(nonNegative).min(1),
      weights: z.array(nonNegative).optional(),
    }),
  ])
  .describe(`a distribution of a duration in ${minutesNote}`);
export type DistributionInput = z.infer<typeof distributionSchema>;

/** Which calls a rule takes (as coded at intake): every listed condition holds. */
export const matchSchema = z.strictObject({
  categories: z.array(name).min(1).optional(),
  priorities: z.array(z.number().int().min(1)).min(1).optional(),
  behavioralHealth: z.boolean().optional(),
  weapon: z.boolean().optional(),
});
