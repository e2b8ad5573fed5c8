/**
 * Quick add that understands: "Pay rent every month on the 1st #home !high" becomes
 * the task the full form would make (title "Pay rent", a monthly rule on the 1st,
 * due on the next 1st, tag home, priority high), and each part it recognised is a
 * chip carrying the exact span of text it came from. Removing a chip (its span
 * passed back in `literal`) leaves those words in the title as typed.
 *
 * Each kind is read once, in this order, and the parts already read are hidden
 * from the later readers: `@list`, priority, `#tags` (tokens.ts), then "every …"
 * (recurrence.ts), then a date and time (dates.ts, chrono-node). Of the
 * single-valued kinds (list, priority, rule, date) the first wins and later ones
 * stay in the title; every tag counts, up to the 10 a task may have.
 *
 * Pure: the same text, options and `now` give the same result. It loads with
 * chrono-node, on demand (widgets/QuickAdd.tsx imports it when typing starts).
 */
import type { RecurrenceInput } from "@taskmanager/core/recurrence/schema";
import { foldText, type TASK_PRIORITIES } from "@taskmanager/core/task/schema";
import { todayIn } from "@taskmanager/core/time/schema";
import { readDates } from "./dates";
import { firstDate } from "./first-date";
import { findRepeat } from "./recurrence";
import { hide, type Span, without } from "./spans";
import { findLists, findPriorities, findTags, type ListChoice } from "./tokens";

export { loadDates } from "./dates";
export { follow, type Span } from "./spans";
export type { ListChoice } from "./tokens";

type Priority = (typeof TASK_PRIORITIES)[number];

interface ChipBase extends Span {
  /** The words it came from, exactly as typed. */
  text: string;
}

export type Chip =
  | (ChipBase & {
      kind: "due";
      dueDate: string;
      dueTime?: string;
      /** False for a time alone ("at 5pm"): its day is today's, the next one, or the rule's. */
      namesDay: boolean;
    })
  | (ChipBase & { kind: "repeat"; recurrence: RecurrenceInput })
  | (ChipBase & { kind: "priority"; priority: Priority })
  | (ChipBase & { kind: "tag"; tag: string })
  | (ChipBase & { kind: "list"; listId: string; name: string });

/** A chip's kind and value, without its span. */
type ChipValue = Chip extends infer C ? (C extends Chip ? Omit<C, keyof ChipBase> : never) : never;

/** What the full task form sends for a new task (tasks/form.ts), with the parts found. */
export interface QuickAddInput {
  title: string;
  description: string;
  status: "todo";
  priority: Priority;
  dueDate: string | null;
  tags: string[];
  dueTime?: string;
  recurrence?: RecurrenceInput;
  listId?: string;
}

export interface QuickAddOptions {
  /** The moment "today" and "tomorrow" are counted from. */
  now: number | Date;
  /** The person's IANA time zone: dates are theirs. */
  timeZone: string;
  /** BCP 47: the language dates are read in, and en-GB or en-US day order. */
  locale: string;
  /** The lists `@name` may name (those the person may add to). */
  lists?: readonly ListChoice[];
  /** Spans kept as typed: chips the person removed. */
  literal?: readonly Span[];
}

export interface QuickAddResult {
  input: QuickAddInput;
  /** In the order they were typed. */
  chips: Chip[];
}

/** A task holds at most this many tags (core's Tags schema); more stay in the title. */
const MAX_TAGS = 10;

export function parseQuickAdd(text: string, options: QuickAddOptions): QuickAddResult {
  const now = typeof options.now === "number" ? options.now : options.now.getTime();
  const chips: Chip[] = [];
  const add = (span: Span, chip: ChipValue) =>
    chips.push({
      ...chip,
      start: span.start,
      end: span.end,
      text: text.slice(span.start, span.end),
    } as Chip);
  const hidden = () => hide(text, [...(options.literal ?? []), ...chips]);

  const marked = hidden();
  const [list] = findLists(marked, options.lists ?? []);
  if (list) add(list, { kind: "list", listId: list.list.listId, name: list.list.name });
  const [priority] = findPriorities(marked);
  if (priority) add(priority, { kind: "priority", priority: priority.priority });
  const tags: string[] = [];
  for (const mark of findTags(marked)) {
    const known = tags.some((tag) => foldText(tag) === foldText(mark.tag));
    if (!known && tags.length === MAX_TAGS) continue;
    if (!known) tags.push(mark.tag);
    add(mark, { kind: "tag", tag: mark.tag });
  }

  const repeat = findRepeat(hidden());
  if (repeat) add(repeat, { kind: "repeat", recurrence: repeat.recurrence });

  const today = todayIn(options.timeZone, now);
  const [reading] = readDates(hidden(), {
    now,
    timeZone: options.timeZone,
    locale: options.locale,
  });
  let dueDate: string | null = null;
  if (reading) {
    // A time alone ("every day at 9am") is on the rule's first day from the one chrono chose.
    dueDate =
      repeat && !reading.namesDay ? firstDate(repeat.recurrence, reading.dueDate) : reading.dueDate;
    add(reading, {
      kind: "due",
      dueDate,
      namesDay: reading.namesDay,
      ...(reading.dueTime ? { dueTime: reading.dueTime } : {}),
    });
  } else if (repeat) {
    dueDate = firstDate(repeat.recurrence, today);
  }

  chips.sort((a, b) => a.start - b.start);
  const input: QuickAddInput = {
    title: without(text, chips),
    description: "",
    status: "todo",
    priority: priority?.priority ?? "medium",
    dueDate,
    tags,
    ...(reading?.dueTime ? { dueTime: reading.dueTime } : {}),
    ...(repeat ? { recurrence: repeat.recurrence } : {}),
    ...(list ? { listId: list.list.listId } : {}),
  };
  return { input, chips };
}
