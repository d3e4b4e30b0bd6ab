/**
 * The scenario keys of a city's dispatch practice and call outcomes beyond a single unit
 * (issue 10): the reserve and priority aging, cancellations, and multi-unit responses.
 * Their meaning is in src/system/dispatch-policy.ts; their cross-checks in cross-checks.ts.
 */
import * as z from "zod";
import { distributionSchema, matchSchema, name, positive, share } from "./schema-primitives.js";

export const dispatchPolicySchema = z
  .strictObject({
    reserve: z
      .array(
        z.strictObject({
          unitType: name.describe("the unit type whose last free units are held back"),
          keep: z.number().int().min(1).describe("how many of its last free units are held back"),
          forPriorities: z
            .number()
            .int()
            .min(1)
            .describe("those units answer only calls of this priority or more urgent (current priority, after aging or escalation)"),
        }),
      )
      .min(1)
      .optional()
      .describe("cutoff-priority reserve (Taylor & Templeton 1980; Schaack & Larson 1986): the last `keep` free units of a type answer only urgent calls; other calls wait or fall back per their rule"),
    aging: z
      .strictObject({
        afterMin: z
          .union([positive, z.record(z.string(), positive)])
          .describe("minutes of waiting per level a call rises: a number, or by the priority a call arrived with ('priority1', ...) or 'default'; a priority with neither does not age"),
        highestPriority: z
          .number()
          .int()
          .min(1)
          .default(2)
          .describe("aging never raises a call above this level (default 2: a routine call never competes with priority-1 emergencies)"),
      })
      .optional()
      .describe("priority aging: a call waiting for a unit rises one priority level per afterMin of waiting (from ready for dispatch), for queue order and the reserve; per-priority metrics keep the priority it arrived with"),
  })
  .optional()
  .describe("the city's dispatch practice beyond strict priority then age, the same in every model; absent: strict priority, then the oldest call");

export const cancellationsSchema = z
  .strictObject({
    share: z
      .record(z.string(), share)
      .default({})
      .describe("share of calls cancelled (caller no longer needs police, gone on arrival, duplicate), by the priority a call arrived with ('priority1', ...) or 'default'; default none (a replay then cancels only the calls its table marks cancelled)"),
    afterMin: z
      .record(z.string(), distributionSchema)
      .describe("time from received until the call is cancelled, by priority ('priority1', ...) or 'default'"),
  })
  .optional()
  .describe("calls cleared without a unit arriving: a cancelled call leaves its queue, a unit en route is freed at once; a unit on scene first means it was not cancelled. With it, a replay uses each call's observed outcome where the table has one");

export const unitsPerCallSchema = z
  .array(
    z.strictObject({
      match: matchSchema
        .optional()
        .describe("which calls this rule takes, as a dispatch rule's match (as coded at intake); omitted: every call"),
      units: z.number().int().min(1).describe("units the call gets in all: the first as usual, the rest as linked dispatches"),
    }),
  )
  .optional()
  .describe("multi-unit responses, first match wins; a call no rule matches gets one unit. With it, a replay uses each call's observed unit count where the table has one");
