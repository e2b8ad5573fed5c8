/**
 * Dates and times in quick add, read by chrono-node (never by hand), in the
 * person's language and time zone.
 *
 * - The language is the locale setting's (else the browser's). English reads
 *   numeric dates in the locale's own order: day first where the locale writes the
 *   day first (en-GB, en-AU: "12/3" is 12 March), month first elsewhere (en-US:
 *   3 December), as Intl formats a date there. chrono also has de, es, fr, it, ja,
 *   nl, pt, ru, sv, uk, zh and a few more, each loaded when first needed; any other
 *   language reads English.
 * - "Today" is the person's: chrono reads relative words from the wall clock of
 *   their time zone now (its offset at this moment), and what it gives back is a
 *   wall-clock date and time, as tasks store them.
 */
import { wallTimeAt } from "@taskmanager/core/time/schema";
import * as en from "chrono-node/en";

type Chrono = typeof en.casual;

/** chrono's other languages, each a chunk of its own (Vite needs literal paths). */
const LANGUAGES: Record<string, () => Promise<{ casual: Chrono }>> = {
  ar: () => import("chrono-node/ar"),
  de: () => import("chrono-node/de"),
  es: () => import("chrono-node/es"),
  fi: () => import("chrono-node/fi"),
  fr: () => import("chrono-node/fr"),
  id: () => import("chrono-node/id"),
  it: () => import("chrono-node/it"),
  ja: () => import("chrono-node/ja"),
  nl: () => import("chrono-node/nl"),
  pt: () => import("chrono-node/pt"),
  ru: () => import("chrono-node/ru"),
  sv: () => import("chrono-node/sv"),
  uk: () => import("chrono-node/uk"),
  vi: () => import("chrono-node/vi"),
  zh: () => import("chrono-node/zh"),
};

const loaded = new Map<string, Chrono>();

/** The locale's language subtag, lower case; "en" when the tag is unreadable. */
export function languageOf(locale: string): string {
  try {
    return new Intl.Locale(locale).language;
  } catch {
    return "en";
  }
}

/** Whether the locale writes the day before the month (en-GB 24/12/2026, en-US 12/24/2026). */
export function dayFirst(locale: string): boolean {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone: "UTC" })
      .formatToParts(new Date(Date.UTC(2026, 11, 24)))
      .map((part) => part.type);
    return parts.indexOf("day") < parts.indexOf("month");
  } catch {
    return false;
  }
}

/** Loads the locale's date reader if it is not English; English is always here. */
export async function loadDates(locale: string): Promise<void> {
  const language = languageOf(locale);
  const load = LANGUAGES[language];
  if (!load || loaded.has(language)) return;
  loaded.set(language, (await load()).casual);
}

/** Which reader a locale gets now: its language's if loaded, else English (in its order). */
export function readerFor(locale: string): { name: string; read: Chrono["parse"] } {
  const language = languageOf(locale);
  const other = loaded.get(language);
  if (other) return { name: language, read: other.parse.bind(other) };
  if (dayFirst(locale)) return { name: "en-GB", read: readDayFirstEnglish };
  return { name: "en", read: en.casual.parse.bind(en.casual) };
}

type Result = ReturnType<Chrono["parse"]>[number];

/**
 * chrono's day-first English reads "Dec 24" as December 2024 (a two-digit year);
 * where it finds no day and the month-first reading of the same words has one,
 * that reading is the one meant ("Dec 24" is 24 December in London too).
 */
function readDayFirstEnglish(...args: Parameters<Chrono["parse"]>): Result[] {
  const dayFirstResults = en.GB.parse(...args);
  const monthFirst = en.casual.parse(...args);
  return dayFirstResults.map((result) => {
    if (result.start.isCertain("day") || result.start.isCertain("weekday")) return result;
    const other = monthFirst.find((r) => r.index === result.index && r.start.isCertain("day"));
    return other ?? result;
  });
}

/** A date (and maybe a time) read from the text, as wall-clock values. */
export interface DateReading {
  start: number;
  end: number;
  dueDate: string;
  /** Only when the words name a time of day ("9am", "17:30", "noon"). */
  dueTime?: string;
  /** Whether the words name a day ("Friday", "Dec 24", "tomorrow"), not only a time. */
  namesDay: boolean;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The zone's offset from UTC at `now`, in minutes east (what chrono takes). */
function offsetMinutes(now: number, timeZone: string): number {
  const { date, time } = wallTimeAt(now, timeZone);
  const wall = Date.parse(`${date}T${time}:00.000Z`);
  return Math.round((wall - (now - (now % 60_000))) / 60_000);
}

/**
 * Words that chrono reads as a date but a title means otherwise: "now" ("The power
 * of now") would be a due time of this very minute.
 */
const NOT_A_DUE_DATE = /^(right )?now$/i;

/** Words going on after the date: "Sunday's roast" is a roast, not a due date. */
const INSIDE_A_WORD = /^['’]?[\p{L}\p{N}]/u;

/**
 * Where a date starts once the English word before it that only introduces it is
 * taken too: chrono takes "on Friday" and "at 5pm" whole but leaves the "at" of
 * "at noon", the "by" of "by Friday" and the "from" of "from Monday to Friday" (a
 * range, read as its start), which would stay in the title alone.
 */
function withPreposition(text: string, start: number): number {
  const before = /(?:^|\s)((?:at|on|by|from)\s+)$/i.exec(text.slice(0, start));
  return before?.[1] ? start - before[1].length : start;
}

/**
 * The dates chrono finds in `text`, in order. Dropped: "now", a date going on into a word
 * ("Sunday's"), and a month alone
 * ("march on", "Meet in May": no day is named); a range is read as its start.
 */
export function readDates(
  text: string,
  options: { now: number; timeZone: string; locale: string },
): DateReading[] {
  const { name, read } = readerFor(options.locale);
  const reference = {
    instant: new Date(options.now),
    timezone: offsetMinutes(options.now, options.timeZone),
  };
  const readings: DateReading[] = [];
  for (const result of read(text, reference, { forwardDate: true })) {
    const { start } = result;
    const namesDay = ["day", "weekday"].some((part) => start.isCertain(part as "day"));
    const namesTime = start.isCertain("hour");
    const monthOnly = !namesDay && !namesTime && !start.isCertain("year");
    // chrono takes the comma after "Friday," too; it belongs to the sentence.
    const end = result.index + result.text.replace(/[\s,;]+$/u, "").length;
    if (
      NOT_A_DUE_DATE.test(result.text.trim()) ||
      monthOnly ||
      INSIDE_A_WORD.test(text.slice(end))
    ) {
      continue;
    }
    const dueDate = `${pad(start.get("year") ?? 0, 4)}-${pad(start.get("month") ?? 0)}-${pad(start.get("day") ?? 0)}`;
    readings.push({
      start: name.startsWith("en") ? withPreposition(text, result.index) : result.index,
      end,
      dueDate,
      ...(namesTime
        ? { dueTime: `${pad(start.get("hour") ?? 0)}:${pad(start.get("minute") ?? 0)}` }
        : {}),
      namesDay: namesDay || start.isCertain("month"),
    });
  }
  return readings;
}
