/**
 * Wall-clock time in a person's time zone: the due time, the zone setting, and
 * whether a task is overdue, due today or upcoming there. Pure (zod and Intl only),
 * so the web bundle imports it and the server and browser decide the same way.
 *
 * Dates and times of day are stored as the person reads them ("2026-03-29",
 * "09:00"), never as instants: a daily 09:00 task stays at 09:00 across a DST
 * change. An instant is made from them only when one is needed (is it overdue
 * yet? when does a reminder fire?), in the zone in force then.
 */
import * as z from "../zod";

/** A time of day, HH:MM on the 24-hour clock. */
export const DueTime = z
  .string()
  .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time of day as HH:MM (00:00 to 23:59)"));

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter giving a zone's wall clock in numbers; made once per zone (they are slow to make). */
function formatterOf(zone: string): Intl.DateTimeFormat {
  let formatter = zoneFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    zoneFormatters.set(zone, formatter);
  }
  return formatter;
}

/** Whether Intl knows the zone (its IANA database is the one the runtime ships). */
export function isTimeZone(zone: string): boolean {
  // Offsets such as "+02:00" are accepted by Intl but follow no DST rules: a zone is a name.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    formatterOf(zone);
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name, such as Europe/Paris or America/New_York. */
export const TimeZone = z
  .string()
  .check(
    z.maxLength(64, "must be at most 64 characters"),
    z.refine(isTimeZone, "must be an IANA time zone name, such as Europe/Paris"),
  );

/** The zone of a person who has not set one yet. */
export const DEFAULT_TIME_ZONE = "UTC";

/** A wall-clock reading: a calendar date and a time of day, to the minute. */
export interface WallTime {
  date: string;
  time: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The wall clock of `zone` at an instant (epoch milliseconds), with its seconds. */
function wallParts(instant: number, zone: string) {
  const parts: Record<string, number> = {};
  for (const part of formatterOf(zone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return parts as Record<"year" | "month" | "day" | "hour" | "minute" | "second", number>;
}

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
function offsetAt(instant: number, zone: string): number {
  const p = wallParts(instant, zone);
  const wall = new Date(0);
  wall.setUTCFullYear(p.year, p.month - 1, p.day);
  wall.setUTCHours(p.hour, p.minute, p.second, 0);
  return wall.getTime() - (instant - (((instant % 1000) + 1000) % 1000));
}

/** What the wall clock in `zone` reads at an instant. */
export function wallTimeAt(instant: number, zone: string): WallTime {
  const p = wallParts(instant, zone);
  return {
    date: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`,
    time: `${pad(p.hour)}:${pad(p.minute)}`,
  };
}

/** The wall time as if it were UTC, in milliseconds: arithmetic on local readings. */
function wallAsUtc({ date, time }: WallTime): number {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, 0, 0);
  return wall.getTime();
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant at which `zone`'s wall clock reads `wall`, as Temporal's "compatible"
 * disambiguation decides (and as calendars do): a time that happens twice (clocks
 * go back) is the earlier one; a time that never happens (clocks go forward) is
 * moved forward by the gap, so 02:30 on a spring-forward night is 03:30.
 */
export function instantOf(wall: WallTime, zone: string): number {
  const local = wallAsUtc(wall);
  // Zones change offset at most once in a day: the offsets a day either side are
  // the only candidates.
  const before = offsetAt(local - DAY_MS, zone);
  const after = offsetAt(local + DAY_MS, zone);
  const candidates = [...new Set([local - before, local - after])]
    .filter((instant) => instant + offsetAt(instant, zone) === local)
    .sort((a, b) => a - b);
  // In a gap neither reads `wall`: the offset before the change moves it forward.
  return candidates[0] ?? local - before;
}

/** Today's date in `zone`. */
export function todayIn(zone: string, now: number = Date.now()): string {
  return wallTimeAt(now, zone).date;
}

/** Adds days to a calendar date (no zone: a date is a date). */
export function addDays(date: string, days: number): string {
  return new Date(wallAsUtc({ date, time: "00:00" }) + days * DAY_MS).toISOString().slice(0, 10);
}

export type DueState = "overdue" | "today" | "upcoming" | "none";

/**
 * Where a task stands for a person in `zone` at `now`: overdue once its due time
 * has passed (a date without a time is due all day, so overdue from the next
 * day), "today" while it is due later today, "upcoming" after. Done tasks are
 * never overdue.
 */
export function dueState(
  task: { dueDate: string | null; dueTime?: string | undefined; status?: string },
  zone: string,
  now: number = Date.now(),
): DueState {
  if (!task.dueDate || task.status === "done") return "none";
  const today = todayIn(zone, now);
  if (task.dueDate < today) return "overdue";
  if (task.dueDate > today) return "upcoming";
  if (task.dueTime && instantOf({ date: task.dueDate, time: task.dueTime }, zone) <= now) {
    return "overdue";
  }
  return "today";
}
