/**
 * "every …" in quick add, read into the readable repeat rule (recurrence/schema.ts)
 * by a small grammar of English words. No maintained library reads such phrases
 * inside a sentence: rrule's `RRule.fromText` needs the whole text to be the rule,
 * says nothing of where it ends, refuses "every last friday" and knows no "after
 * completion". The rule found is checked by the shared schema, and only the words
 * the grammar used become the chip.
 *
 * What it reads (any case):
 * - every day | week | month | year, every N days | weeks | months | years, every other …;
 * - every weekday (Monday to Friday), every weekend;
 * - every monday [and thursday | , thursday …], every other monday, every 2 weeks on mon, thu;
 * - every month on the 1st | on the last day | on the last friday | on the 2nd tuesday;
 * - every 1st [of the month], every last friday [of the month], every first monday;
 * - any rule without days, then "after completion": counted from when it is done.
 */
import {
  Recurrence,
  type RecurrenceInput,
  type WEEKDAYS,
} from "@taskmanager/core/recurrence/schema";
import type { Span } from "./spans";

type Weekday = (typeof WEEKDAYS)[number];

export interface RepeatMark extends Span {
  recurrence: RecurrenceInput;
}

interface Token extends Span {
  word: string;
}

/**
 * The words after "every": letters, digits and apostrophes, and commas between
 * them. Anything else (#, !, @, a hidden span) ends the phrase.
 */
function tokensFrom(text: string, from: number): Token[] {
  const tokens: Token[] = [];
  const word = /\s*([\p{L}\p{N}']+|,)/uy;
  word.lastIndex = from;
  for (let match = word.exec(text); match; match = word.exec(text)) {
    const start = match.index + match[0].length - (match[1] ?? "").length;
    tokens.push({ start, end: word.lastIndex, word: (match[1] ?? "").toLowerCase() });
  }
  return tokens;
}

const WEEKDAY_WORDS: Record<string, Weekday> = {};
for (const [code, names] of [
  ["MO", ["monday", "mon"]],
  ["TU", ["tuesday", "tue", "tues"]],
  ["WE", ["wednesday", "wed"]],
  ["TH", ["thursday", "thu", "thur", "thurs"]],
  ["FR", ["friday", "fri"]],
  ["SA", ["saturday", "sat"]],
  ["SU", ["sunday", "sun"]],
] as const) {
  for (const name of names) WEEKDAY_WORDS[name] = code;
  WEEKDAY_WORDS[`${names[0]}s`] = code;
}

const UNITS: Record<string, RecurrenceInput["freq"]> = {
  day: "daily",
  days: "daily",
  week: "weekly",
  weeks: "weekly",
  month: "monthly",
  months: "monthly",
  year: "yearly",
  years: "yearly",
};

const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
};

const POSITIONS: Record<string, number> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
  fifth: 5,
  "5th": 5,
  last: -1,
};

const WORKDAYS: Weekday[] = ["MO", "TU", "WE", "TH", "FR"];

/** Reads the token list; `at` is the next token to read, `end` where the phrase has got to. */
class Reader {
  at = 1;
  constructor(readonly tokens: Token[]) {}
  peek(offset = 0) {
    return this.tokens[this.at + offset]?.word;
  }
  /** Takes the next token if it is one of `words`. */
  take(...words: string[]) {
    const word = this.peek();
    if (word === undefined || !words.includes(word)) return false;
    this.at += 1;
    return true;
  }
  get end() {
    return this.tokens[this.at - 1]?.end ?? 0;
  }

  /** A count of days, weeks… : digits, a few number words, or "other" (every second one). */
  interval(): number | undefined {
    const word = this.peek();
    if (word === undefined) return undefined;
    const n = word === "other" ? 2 : /^\d{1,3}$/.test(word) ? Number(word) : NUMBER_WORDS[word];
    if (n === undefined) return undefined;
    this.at += 1;
    return n;
  }

  /** "monday", "mon and thu", "monday, wednesday and friday". */
  weekdays(): Weekday[] | undefined {
    const first = WEEKDAY_WORDS[this.peek() ?? ""];
    if (!first) return undefined;
    this.at += 1;
    const days = [first];
    for (;;) {
      // A separator counts only when a day follows it: "every monday and call Bob".
      let skip = 0;
      if (this.peek(skip) === ",") skip += 1;
      if (this.peek(skip) === "and") skip += 1;
      const day = skip > 0 ? WEEKDAY_WORDS[this.peek(skip) ?? ""] : undefined;
      if (!day) break;
      this.at += skip + 1;
      if (!days.includes(day)) days.push(day);
    }
    return days;
  }

  /** "the 1st", "the last day", "the last friday", "the 2nd tuesday" (after "on"). */
  dayOfMonth(): Pick<RecurrenceInput, "byMonthDay" | "bySetPos" | "byWeekday"> | undefined {
    const start = this.at;
    this.take("the");
    const word = this.peek() ?? "";
    // "the 2nd tuesday" before "the 2nd": a position needs the weekday after it.
    const position = POSITIONS[word];
    const weekday = WEEKDAY_WORDS[this.peek(1) ?? ""];
    if (position !== undefined && weekday) {
      this.at += 2;
      return { byWeekday: [weekday], bySetPos: position };
    }
    if (position === -1 && this.peek(1) === "day") {
      this.at += 2;
      return { byMonthDay: -1 };
    }
    const ordinal = /^(\d{1,2})(st|nd|rd|th)$/.exec(word);
    if (ordinal) {
      this.at += 1;
      return { byMonthDay: Number(ordinal[1]) };
    }
    this.at = start;
    return undefined;
  }

  /** "of the month", which may follow a day of the month. */
  ofTheMonth() {
    if (this.peek() === "of" && this.peek(1) === "the" && this.peek(2) === "month") this.at += 3;
  }
}

/** The rule after "every", or nothing when the words are not one. */
function readRule(reader: Reader): RecurrenceInput | undefined {
  const interval = reader.interval();
  const every = interval && interval !== 1 ? { interval } : {};
  const freq = UNITS[reader.peek() ?? ""];
  if (freq) {
    reader.at += 1;
    if (freq === "weekly" && reader.peek() === "on") {
      reader.at += 1;
      const byWeekday = reader.weekdays();
      if (byWeekday) return { freq, ...every, byWeekday };
      reader.at -= 1;
    }
    if (freq === "monthly" && reader.peek() === "on") {
      reader.at += 1;
      const day = reader.dayOfMonth();
      if (day) return { freq, ...every, ...day };
      reader.at -= 1;
    }
    return { freq, ...every };
  }
  const byWeekday = reader.weekdays();
  if (byWeekday) return { freq: "weekly", ...every, byWeekday };
  if (interval !== undefined) return undefined;
  if (reader.take("weekday", "weekdays", "workday", "workdays")) {
    return { freq: "weekly", byWeekday: WORKDAYS };
  }
  if (reader.take("weekend", "weekends")) return { freq: "weekly", byWeekday: ["SA", "SU"] };
  const day = reader.dayOfMonth();
  if (day) {
    reader.ofTheMonth();
    return { freq: "monthly", ...day };
  }
  return undefined;
}

/** "after completion" (or "after completing", "after done"): counted from the day it is done. */
function afterCompletion(reader: Reader, rule: RecurrenceInput): RecurrenceInput {
  const plain =
    rule.byWeekday === undefined && rule.byMonthDay === undefined && rule.bySetPos === undefined;
  if (plain && reader.peek() === "after") {
    const next = reader.peek(1);
    if (next === "completion" || next === "completing" || next === "done") {
      reader.at += 2;
      return { ...rule, mode: "afterCompletion" };
    }
  }
  return rule;
}

const EVERY = /(?<=^|[\s(])every(?=\s)/giu;

/** The first "every …" phrase that is a rule the shared schema accepts. */
export function findRepeat(text: string): RepeatMark | undefined {
  for (const match of text.matchAll(EVERY)) {
    const tokens = tokensFrom(text, match.index);
    const reader = new Reader(tokens);
    const rule = readRule(reader);
    if (!rule) continue;
    const recurrence = afterCompletion(reader, rule);
    // A phrase must end where a word ends: "every monday's" is not "every monday".
    if (/^[\p{L}\p{N}]/u.test(text.slice(reader.end))) continue;
    if (!Recurrence.safeParse(recurrence).success) continue;
    return { start: match.index, end: reader.end, recurrence };
  }
  return undefined;
}
