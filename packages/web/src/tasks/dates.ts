/**
 * Due dates as people say them: in their locale, relative where it helps
 * ("today", "tomorrow", "in 3 days", "2 days overdue"). A due date is a calendar
 * day with no time zone, compared with the person's own today.
 */
export type DueState = "overdue" | "today" | "soon" | "later";

export interface DueDescription {
  state: DueState;
  /** e.g. "Due today", "2 days overdue", "Due in 3 days". */
  text: string;
  /** The date itself in the person's locale, e.g. "Tue, Dec 1, 2026". */
  date: string;
}

const DAY_MS = 86_400_000;

/** A YYYY-MM-DD day as a UTC midnight, so day differences ignore daylight saving. */
const dayNumber = (year: number, month: number, day: number) =>
  Math.round(Date.UTC(year, month - 1, day) / DAY_MS);

export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Today's date in an IANA time zone (the person's, from settings), e.g. "2026-12-07"
 * in Pacific/Kiritimati while UTC is still on the 6th. A zone Intl does not know
 * falls back to the browser's own date rather than failing the screen.
 */
export function todayIn(timeZone: string, now = new Date()): string {
  try {
    const at = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).formatToParts(now);
    const part = (type: Intl.DateTimeFormatPartTypes) =>
      at.find((p) => p.type === type)?.value ?? "";
    return `${part("year")}-${part("month")}-${part("day")}`;
  } catch {
    return localToday(now);
  }
}

function parts(isoDay: string) {
  const [year, month, day] = isoDay.split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

export function formatDay(isoDay: string, locale?: string): string {
  const { year, month, day } = parts(isoDay);
  return new Intl.DateTimeFormat(locale, {
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, month - 1, day)));
}

export function describeDue(isoDay: string, today = localToday(), locale?: string): DueDescription {
  const due = parts(isoDay);
  const now = parts(today);
  const days = dayNumber(due.year, due.month, due.day) - dayNumber(now.year, now.month, now.day);
  const date = formatDay(isoDay, locale);
  const plural = (n: number) => (n === 1 ? "1 day" : `${n} days`);
  if (days < 0) return { state: "overdue", text: `${plural(-days)} overdue`, date };
  if (days === 0) return { state: "today", text: "Due today", date };
  if (days === 1) return { state: "soon", text: "Due tomorrow", date };
  if (days <= 7) return { state: "soon", text: `Due in ${plural(days)}`, date };
  return { state: "later", text: `Due ${date}`, date };
}

/** A moment (ISO timestamp) in the person's locale, e.g. "Dec 1, 2026, 6:40 PM". */
export const formatMoment = (iso: string, locale?: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(
    new Date(iso),
  );
