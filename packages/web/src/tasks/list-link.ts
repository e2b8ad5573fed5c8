/**
 * A list link that asks for something the list cannot show (a hand-edited or
 * outdated `?status=archived`): the parts that are wrong are dropped, the rest of
 * the link is kept, and each dropped part is explained in words, never as the
 * schema's own message.
 */
import { TASK_STATUSES } from "@taskmanager/core/task/schema";
import type { ListSearch } from "../search";
import { ListFilter } from "./endpoints";
import { statusLabel } from "./labels";

export interface RepairedLink {
  /** The link's search without the parts that cannot be shown. */
  search: ListSearch;
  /** One sentence a dropped part, saying what is shown instead. */
  notes: string[];
}

/** `done` is not the API's: the list turns it into `includeDone` (see TaskList). */
type Key = Exclude<keyof ListSearch, "done">;

const statuses = TASK_STATUSES.map((status) => `“${statusLabel[status]}”`).join(", ");

function explain(key: Key, value: string): string {
  switch (key) {
    case "status":
      return `“${value}” is not a status (${statuses}), so tasks of every status are shown.`;
    case "sort":
      return `“${value}” is not a way to sort the list, so the newest tasks come first.`;
    case "q":
      return value.trim()
        ? "The search in the link is longer than 100 characters, so it was left out."
        : "The search in the link is empty, so it was left out.";
    case "tag":
      return value.trim()
        ? "The tag in the link is longer than 32 characters, so it was left out."
        : "The tag in the link is empty, so it was left out.";
  }
}

/** Null when the link is fine as it is. */
export function repairListLink({ done, ...search }: ListSearch): RepairedLink | null {
  // "Show completed" stays as it is: only "1" reaches here (shapeListSearch).
  const withDone = (kept: ListSearch): ListSearch => (done ? { ...kept, done } : kept);
  let kept: ListSearch = { ...search };
  const notes: string[] = [];
  // Each pass drops what the schema named; the keys are few, so this ends quickly.
  for (let pass = 0; pass < 4; pass++) {
    const parsed = ListFilter.safeParse(kept);
    if (parsed.success) return notes.length ? { search: withDone(kept), notes } : null;
    const wrong = new Set(
      parsed.error.issues
        .map((issue) => issue.path[0])
        .filter((key): key is Key => typeof key === "string" && key in kept),
    );
    // An issue about the whole query names no key: nothing more can be kept.
    if (!wrong.size) {
      return { search: withDone({}), notes: [...notes, "This link cannot be shown."] };
    }
    const next: ListSearch = {};
    for (const [key, value] of Object.entries(kept) as Array<[Key, string]>) {
      if (wrong.has(key)) notes.push(explain(key, value));
      else next[key] = value;
    }
    kept = next;
  }
  return { search: withDone({}), notes };
}
