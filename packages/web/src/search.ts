/**
 * The list's URL state: ?status=&sort=&q=&tag=, and `done=1` for "Show completed" (as
 * the views'). The router only shapes it here
 * (strings or nothing, unknown keys dropped); the list screen then validates it
 * with the core's ListTasksQuery, the same zod rules the API applies, and explains
 * a bad link. Zod is not used here because this runs in the entry chunk, which
 * must stay small; the screens that load zod anyway do the validating.
 */
const LIST_SEARCH_KEYS = ["status", "sort", "q", "tag"] as const;

export type ListSearch = Partial<Record<(typeof LIST_SEARCH_KEYS)[number], string>> & {
  done?: "1";
};

export function shapeListSearch(search: Record<string, unknown>): ListSearch {
  const shaped: ListSearch = {};
  for (const key of LIST_SEARCH_KEYS) {
    const value = search[key];
    if (typeof value === "string") shaped[key] = value;
  }
  if (search.done === "1") shaped.done = "1";
  return shaped;
}

/** Plain `?a=b` in the address bar (the router's default JSON-encodes values). */
export function parseSearch(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search));
}

export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

let remembered: ListSearch = {};

/** The list as last shown, so "All tasks" from a task returns to it with its filters. */
export function rememberListSearch(search: ListSearch) {
  remembered = search;
}

export const lastListSearch = () => remembered;

/**
 * The views' and lists' URL state: `?done=1` shows completed tasks too; `q` and `tag`
 * search within the view, as the Inbox's do (the view screen validates them).
 */
export interface ViewSearch {
  done?: "1";
  q?: string;
  tag?: string;
}

export function shapeViewSearch(search: Record<string, unknown>): ViewSearch {
  const shaped: ViewSearch = search.done === "1" ? { done: "1" } : {};
  if (typeof search.q === "string" && search.q) shaped.q = search.q;
  if (typeof search.tag === "string" && search.tag) shaped.tag = search.tag;
  return shaped;
}
