/**
 * The views across lists (Today, Upcoming): what they take and give. Pure zod, so
 * the browser bundle can import it.
 */
import { DueDate, SearchText, Tag, Task } from "../task/schema";
import * as z from "../zod";

/** How many days Upcoming covers, today included. */
export const UPCOMING_DAYS = 7;
/** A view returns at most this many tasks (`truncated` says when there were more). */
export const VIEW_MAX_TASKS = 500;

/**
 * A view's query. `today` is the caller's own date (their time zone decides when a
 * day starts, not the server's); done tasks are left out unless `includeDone=true`.
 */
export const ViewQuery = z.strictObject({
  today: DueDate,
  // "true" or "false" in a query string; a boolean from core's own callers.
  includeDone: z._default(
    z.union([
      z.boolean(),
      z.pipe(
        z.enum(["true", "false"]),
        z.transform((value: "true" | "false") => value === "true"),
      ),
    ]),
    false,
  ),
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
