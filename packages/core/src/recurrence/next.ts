/**
 * The next date of a repeating task, computed by the `rrule` library (RFC 5545),
 * not by hand. Dates only: a task's date is a calendar date and its time of day a
 * wall-clock reading (time/schema.ts), so occurrences are computed on "floating"
 * dates (UTC midnights standing for local dates) and no DST change can move one.
 */
import * as rruleModule from "rrule";
import { addDays } from "../time/schema";
import type { Recurrence } from "./schema";

// rrule ships ESM (bundlers) and a UMD build (Node's loader, which sees only its default).
const { RRule } = (
  "RRule" in rruleModule
    ? rruleModule
    : (rruleModule as unknown as { default: typeof rruleModule }).default
) as typeof rruleModule;

const WEEKDAY = {
  MO: RRule.MO,
  TU: RRule.TU,
  WE: RRule.WE,
  TH: RRule.TH,
  FR: RRule.FR,
  SA: RRule.SA,
  SU: RRule.SU,
};
const FREQ = {
  daily: RRule.DAILY,
  weekly: RRule.WEEKLY,
  monthly: RRule.MONTHLY,
  yearly: RRule.YEARLY,
};

const toFloating = (date: string) => new Date(`${date}T00:00:00.000Z`);
const fromFloating = (date: Date) => date.toISOString().slice(0, 10);

/** The library's rule for `rule`, its series starting on `start`. */
export function toRRule(rule: Recurrence, start: string) {
  return new RRule({
    freq: FREQ[rule.freq],
    interval: rule.interval,
    dtstart: toFloating(start),
    ...(rule.byWeekday ? { byweekday: rule.byWeekday.map((day) => WEEKDAY[day]) } : {}),
    ...(rule.byMonthDay !== undefined ? { bymonthday: rule.byMonthDay } : {}),
    ...(rule.bySetPos !== undefined ? { bysetpos: rule.bySetPos } : {}),
  });
}

/** Adds whole months to a date, keeping the day where it exists, else the month's last day. */
function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(0);
  target.setUTCFullYear(year, month - 1 + months, 1);
  const last = new Date(0);
  last.setUTCFullYear(target.getUTCFullYear(), target.getUTCMonth() + 1, 0);
  target.setUTCDate(Math.min(day, last.getUTCDate()));
  return fromFloating(target);
}

/**
 * The due date of the occurrence after this one.
 * - `schedule`: the rule's first date after both the current due date and today, in
 *   the series that starts on the current due date (so "every 2 weeks" keeps its
 *   phase, and a task completed late does not come back already overdue).
 * - `afterCompletion`: `interval` days, weeks, months or years after today (the
 *   day it is completed, in the person's zone); a month later than Jan 31 is the
 *   last day of February.
 * `today` is the completion date in the person's time zone. Undefined when the rule
 * has no further date (never for these rules, which have no end).
 */
export function nextDueDate(
  rule: Recurrence,
  dueDate: string | null,
  today: string,
): string | undefined {
  if (rule.mode === "afterCompletion") {
    const n = rule.interval;
    if (rule.freq === "daily") return addDays(today, n);
    if (rule.freq === "weekly") return addDays(today, 7 * n);
    return addMonths(today, rule.freq === "monthly" ? n : 12 * n);
  }
  const start = dueDate ?? today;
  const after = start > today ? start : today;
  const next = toRRule(rule, start).after(toFloating(after), false);
  return next ? fromFloating(next) : undefined;
}
