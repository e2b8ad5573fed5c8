/**
 * Quick add's marked words: `#tag`, `!high` / `!medium` / `!low` or `p1`–`p3`, and
 * `@list`. A mark counts only as a word of its own: it starts the text or follows
 * a space or "(", and ends the text or meets a space or punctuation. So "C#",
 * "a@b.com", "https://x.test/#top", "p10" and "#" alone stay as typed.
 */
import { foldText, TASK_PRIORITIES, Tag } from "@taskmanager/core/task/schema";
import type { Span } from "./spans";

type Priority = (typeof TASK_PRIORITIES)[number];

/** Starts a word: the text's start, a space or "(". */
const BEFORE = String.raw`(?<=^|[\s(])`;
/** Ends a word: the text's end, a space or punctuation. */
const AFTER = String.raw`(?=$|[\s.,;:!?)])`;

export interface TagMark extends Span {
  tag: string;
}

/**
 * `#` and letters, digits, "_" or "-", with at least one letter ("#1" is an issue
 * number, not a tag), no longer than a tag may be.
 */
const TAG = new RegExp(`${BEFORE}#([\\p{L}\\p{M}\\p{N}_-]+)${AFTER}`, "gu");

export function findTags(text: string): TagMark[] {
  const marks: TagMark[] = [];
  for (const match of text.matchAll(TAG)) {
    const tag = match[1] ?? "";
    if (!/\p{L}/u.test(tag) || !Tag.safeParse(tag).success) continue;
    marks.push({ start: match.index, end: match.index + match[0].length, tag });
  }
  return marks;
}

export interface PriorityMark extends Span {
  priority: Priority;
}

/** p1 is the most urgent, as in most task apps: p1 high, p2 medium, p3 low. */
const BY_NUMBER: Record<string, Priority> = { "1": "high", "2": "medium", "3": "low" };
const PRIORITY = new RegExp(
  `${BEFORE}(?:!(${TASK_PRIORITIES.join("|")})|p([1-${TASK_PRIORITIES.length}]))${AFTER}`,
  "giu",
);

export function findPriorities(text: string): PriorityMark[] {
  return [...text.matchAll(PRIORITY)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    priority:
      (match[1]?.toLowerCase() as Priority | undefined) ?? (BY_NUMBER[match[2] ?? ""] as Priority),
  }));
}

export interface ListChoice {
  listId: string;
  name: string;
}

export interface ListMark extends Span {
  list: ListChoice;
}

const LIST_START = new RegExp(`${BEFORE}@`, "gu");
const WORD_END = new RegExp(`^${AFTER}`, "u");

/**
 * `@` and one of the person's list names, ignoring case and accents (as tags and
 * search do); the longest name wins ("@Home Office" over "@Home"). An @word that
 * names none of them stays as typed.
 */
export function findLists(text: string, lists: readonly ListChoice[]): ListMark[] {
  if (lists.length === 0) return [];
  const byLength = [...lists].sort((a, b) => b.name.length - a.name.length);
  const marks: ListMark[] = [];
  for (const match of text.matchAll(LIST_START)) {
    const from = match.index + 1;
    const list = byLength.find((choice) => {
      const end = from + choice.name.length;
      return (
        choice.name.trim() !== "" &&
        foldText(text.slice(from, end)) === foldText(choice.name) &&
        WORD_END.test(text.slice(end))
      );
    });
    if (list) marks.push({ start: match.index, end: from + list.name.length, list });
  }
  return marks;
}
