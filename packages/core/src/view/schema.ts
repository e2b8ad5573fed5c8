/**
 * The views across lists (Today, Upcoming): what they take and give. Pure zod, so
 * the browser bundle can import it.
 */
import { DueDate, QueryBoolean, SearchText, Tag, Task } from "../task/schema";
import * as z from "../zod";

/** How many days Upcoming covers, today included. */
export const UPCOMING_DAYS = 7;
/** A view returns at most this many tasks (`truncated` says when there were more). */
export const VIEW_MAX_TASKS = 500;

/** Done tasks are left out unless asked for. */
const IncludeDone = z._default(QueryBoolean, false);

/**
 * A view's query. `today` is the caller's own date; without it, today in the time
 * zone the person set (`PATCH /me/settings`, UTC until they set one). Done tasks
 * are left out unless `includeDone=true`.
 */
export const ViewQuery = z.strictObject({
  today: z.optional(DueDate),
  includeDone: IncludeDone,
  q: z.optional(SearchText),
  tag: z.optional(Tag),
});
export type ViewQuery = z.input<typeof ViewQuery>;

/**
 * A view's tasks, by due date then creation (Upcoming's days are runs of the same
 * `dueDate`). Not paged: a view is bounded by dates, and capped at VIEW_MAX_TASKS.
 */
export const ViewPage = z.object({
  items: z.array(Task),
  truncated: z.boolean(),
});
export type ViewPage = z.infer<typeof ViewPage>;

/** A page of the All view holds at most this many tasks (`limit`). */
export const ALL_VIEW_MAX_LIMIT = 100;

/**
 * The All view's query: every task the person can read (their Inbox and every list
 * they are in), open ones unless `includeDone=true`, paged by an opaque `cursor`.
 */
export const AllViewQuery = z.strictObject({
  includeDone: IncludeDone,
  q: z.optional(SearchText),
  tag: z.optional(Tag),
  limit: z._default(
    z.coerce.number().check(z.int(), z.minimum(1), z.maximum(ALL_VIEW_MAX_LIMIT)),
    25,
  ),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
});
export type AllViewQuery = z.input<typeof AllViewQuery>;
