/**
 * A task's repeat rule, due time and reminders in words, as people say them:
 * "every month on the 1st", "every weekday", "every 2 weeks on Monday and
 * Thursday", "10 days after completion", "1 hour before". The sentences are
 * English; weekday names and lists come from Intl in the locale given (English
 * by default, so a sentence never mixes two languages).
 */
import type { RecurrenceInput, WEEKDAYS } from "@taskmanager/core/recurrence/schema";
import type { Reminder } from "@taskmanager/core/reminder/schema";
import { formatMoment } from "./dates";

export type WeekdayCode = (typeof WEEKDAYS)[number];

export const WEEKDAY_ORDER: readonly WeekdayCode[] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const WORKDAYS: readonly WeekdayCode[] = ["MO", "TU", "WE", "TH", "FR"];

/** 2024-01-01 was a Monday: the n-th day after it is WEEKDAY_ORDER[n]. */
export function weekdayName(day: WeekdayCode, locale = "en"): string {
  const offset = WEEKDAY_ORDER.indexOf(day);
  return new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2024, 0, 1 + offset)),
  );
}

const UNITS = { daily: "day", weekly: "week", monthly: "month", yearly: "year" } as const;

const count = (n: number, unit: string) => (n === 1 ? `1 ${unit}` : `${n} ${unit}s`);

/** 1st, 2nd, 3rd, 4th, 11th, 21st... */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = { 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th";
  return `${n}${suffix}`;
}

const POSITIONS: Record<number, string> = {
  1: "first",
  2: "second",
  3: "third",
  4: "fourth",
  5: "fifth",
  [-1]: "last",
  [-2]: "second-to-last",
  [-3]: "third-to-last",
  [-4]: "fourth-to-last",
  [-5]: "fifth-to-last",
};
export const positionWord = (n: number) => POSITIONS[n] ?? String(n);

/** The day of a month: "the 1st", "the last day", "the 2nd-to-last day". */
function monthDay(n: number): string {
  if (n > 0) return `the ${ordinal(n)}`;
  if (n === -1) return "the last day";
  return `the ${ordinal(-n)}-to-last day`;
}

function days(list: readonly WeekdayCode[], locale: string): string {
  const sorted = WEEKDAY_ORDER.filter((day) => list.includes(day));
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(
    sorted.map((day) => weekdayName(day, locale)),
  );
}

const isWorkdays = (list: readonly WeekdayCode[] | undefined) =>
  list?.length === WORKDAYS.length && WORKDAYS.every((day) => list.includes(day));

/** The rule in words, e.g. "every 2 weeks on Monday and Thursday". */
export function describeRecurrence(rule: RecurrenceInput, locale = "en"): string {
  const interval = rule.interval ?? 1;
  const unit = UNITS[rule.freq];
  if (rule.mode === "afterCompletion") return `${count(interval, unit)} after completion`;
  const every = interval === 1 ? `every ${unit}` : `every ${count(interval, unit)}`;
  if (rule.freq === "weekly" && rule.byWeekday) {
    if (isWorkdays(rule.byWeekday))
      return interval === 1 ? "every weekday" : `${every} on weekdays`;
    return `${every} on ${days(rule.byWeekday, locale)}`;
  }
  if (rule.bySetPos !== undefined && rule.byWeekday?.[0]) {
    const which = `the ${positionWord(rule.bySetPos)} ${weekdayName(rule.byWeekday[0], locale)}`;
    return rule.freq === "yearly" ? `${every} on ${which} of the year` : `${every} on ${which}`;
  }
  if (rule.byMonthDay !== undefined) return `${every} on ${monthDay(rule.byMonthDay)}`;
  if (rule.freq === "daily" && interval === 1) return "every day";
  return every;
}

/** A reminder in words: "at due time", "1 hour before", "on Dec 24, 2026, 9:00 AM". */
export function describeReminder(reminder: Reminder, locale?: string): string {
  if ("at" in reminder) return `on ${formatMoment(reminder.at, locale)}`;
  const minutes = reminder.before;
  if (minutes === 0) return "at due time";
  if (minutes % (24 * 60) === 0) return `${count(minutes / (24 * 60), "day")} before`;
  if (minutes % 60 === 0) return `${count(minutes / 60, "hour")} before`;
  return `${count(minutes, "minute")} before`;
}

/** "09:30" in the locale's own clock ("9:30 AM" in en-US). */
export function formatTime(hhmm: string, locale?: string): string {
  const [hours, minutes] = hhmm.split(":").map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, {
    hour: "numeric",
    minute: "2-digit",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(2024, 0, 1, hours, minutes)));
}
