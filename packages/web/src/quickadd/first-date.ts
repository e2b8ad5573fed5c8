/**
 * The first due date of a rule typed without a date ("Pay rent every month on the
 * 1st" is due on the next 1st), computed by the `rrule` library from the rule's
 * RFC 5545 text, as the API computes the next ones (core's recurrence/next.ts), so
 * the two never disagree about which days a rule has.
 */
import { Recurrence, type RecurrenceInput, toRRuleText } from "@taskmanager/core/recurrence/schema";
import { RRule } from "rrule";

/**
 * The rule's first date on or after `from` (YYYY-MM-DD); `from` when it has none.
 * Counted as if every interval were 1: "every other monday" typed on a Sunday is
 * due tomorrow, and its fortnights count from there (the API keeps the phase of
 * the due date), where a series starting today would skip to the Monday after.
 */
export function firstDate(rule: RecurrenceInput, from: string): string {
  const text = toRRuleText(Recurrence.parse({ ...rule, interval: 1 }));
  // Floating dates: UTC midnights standing for calendar days, as next.ts reads them.
  const series = RRule.fromString(`DTSTART:${from.replaceAll("-", "")}T000000Z\n${text}`);
  const first = series.after(new Date(`${from}T00:00:00.000Z`), true);
  return first ? first.toISOString().slice(0, 10) : from;
}
