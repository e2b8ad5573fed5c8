/**
 * A task's repeat rule in the readable form the API and the web use, and its RFC
 * 5545 RRULE text. Pure zod, so the web bundle imports it; the occurrences
 * themselves are computed by the `rrule` library (`./next.ts`), never here.
 *
 * What people ask for, and its rule:
 * - every day / every 3 days: `{ freq: "daily", interval: 3 }`;
 * - weekdays: `{ freq: "weekly", byWeekday: ["MO", "TU", "WE", "TH", "FR"] }`;
 * - every 2 weeks on Monday and Thursday: `{ freq: "weekly", interval: 2, byWeekday: ["MO", "TH"] }`;
 * - monthly on the 1st / on the last day: `{ freq: "monthly", byMonthDay: 1 }` / `byMonthDay: -1`;
 * - monthly on the last Friday: `{ freq: "monthly", byWeekday: ["FR"], bySetPos: -1 }`;
 * - yearly (on the due date's day and month): `{ freq: "yearly" }`;
 * - 10 days after each completion: `{ freq: "daily", interval: 10, mode: "afterCompletion" }`.
 */
import * as z from "../zod";

export const FREQUENCIES = ["daily", "weekly", "monthly", "yearly"] as const;
export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
/** On a fixed schedule (the next date of the rule), or counted from the day it is completed. */
export const RECURRENCE_MODES = ["schedule", "afterCompletion"] as const;

export const Frequency = z.enum(FREQUENCIES);
export const Weekday = z.enum(WEEKDAYS);
export const RecurrenceMode = z.enum(RECURRENCE_MODES);

const nonZero = (n: number) => n !== 0;

export const Recurrence = z
  .strictObject({
    freq: Frequency,
    /** Every `interval` days, weeks, months or years. */
    interval: z._default(z.int().check(z.minimum(1), z.maximum(999)), 1),
    /** Weekly: on these days. Monthly or yearly with `bySetPos`: the one day counted. */
    byWeekday: z.optional(
      z.array(Weekday).check(
        z.minLength(1, "at least one day"),
        z.refine((days) => new Set(days).size === days.length, "days must be unique"),
      ),
    ),
    /** Monthly: on this day of the month; negative counts from the end (-1 is the last day). */
    byMonthDay: z.optional(
      z.int().check(z.minimum(-31), z.maximum(31), z.refine(nonZero, "must not be 0")),
    ),
    /** With one weekday: which of the month's such days (1 the first, -1 the last). */
    bySetPos: z.optional(
      z.int().check(z.minimum(-5), z.maximum(5), z.refine(nonZero, "must not be 0")),
    ),
    mode: z._default(RecurrenceMode, "schedule"),
  })
  .check(
    z.refine(
      (rule) => rule.byWeekday === undefined || rule.freq !== "daily",
      "byWeekday needs freq weekly (or monthly/yearly with bySetPos)",
    ),
    z.refine(
      (rule) => rule.byMonthDay === undefined || rule.freq === "monthly",
      "byMonthDay needs freq monthly",
    ),
    z.refine(
      (rule) =>
        rule.bySetPos === undefined ||
        ((rule.freq === "monthly" || rule.freq === "yearly") &&
          rule.byWeekday?.length === 1 &&
          rule.byMonthDay === undefined),
      "bySetPos needs freq monthly or yearly and exactly one byWeekday (and no byMonthDay)",
    ),
    z.refine(
      (rule) =>
        rule.freq === "weekly" || rule.byWeekday === undefined || rule.bySetPos !== undefined,
      "byWeekday with freq monthly or yearly needs bySetPos",
    ),
    z.refine(
      (rule) =>
        rule.mode === "schedule" ||
        (rule.byWeekday === undefined &&
          rule.byMonthDay === undefined &&
          rule.bySetPos === undefined),
      "afterCompletion counts whole days, weeks, months or years: no byWeekday, byMonthDay or bySetPos",
    ),
  );
export type Recurrence = z.output<typeof Recurrence>;
export type RecurrenceInput = z.input<typeof Recurrence>;

/**
 * The rule as RFC 5545 RRULE text (without DTSTART: a task's next date starts from
 * its due date). `afterCompletion` has no RFC equivalent; its text is the rule the
 * completion date is counted with.
 */
export function toRRuleText(rule: Recurrence): string {
  const parts = [`FREQ=${rule.freq.toUpperCase()}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byWeekday) parts.push(`BYDAY=${rule.byWeekday.join(",")}`);
  if (rule.byMonthDay !== undefined) parts.push(`BYMONTHDAY=${rule.byMonthDay}`);
  if (rule.bySetPos !== undefined) parts.push(`BYSETPOS=${rule.bySetPos}`);
  return `RRULE:${parts.join(";")}`;
}

/** "Skip this one" and a completion: the version the caller read. */
export const OccurrenceInput = z.strictObject({ version: z.int().check(z.minimum(1)) });
export type OccurrenceInput = z.input<typeof OccurrenceInput>;
