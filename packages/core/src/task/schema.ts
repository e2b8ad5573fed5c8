/**
 * The task's schemas: the one source of types and validation for core, the API
 * handlers and the web client. Pure zod, so the browser bundle can import it.
 */
import { ListId } from "../list/schema";
import { Recurrence } from "../recurrence/schema";
import { Reminder, Reminders } from "../reminder/schema";
import { DueTime } from "../time/schema";
import * as z from "../zod";

export const TASK_STATUSES = ["todo", "in_progress", "done"] as const;
export const TASK_PRIORITIES = ["low", "medium", "high"] as const;
export const TASK_SORTS = ["created", "due"] as const;

export const TaskStatus = z.enum(TASK_STATUSES);
export const TaskPriority = z.enum(TASK_PRIORITIES);
export const TaskSort = z.enum(TASK_SORTS);

/** A ULID: 26 Crockford base-32 characters, unique and sortable by creation time. */
export const TaskId = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "must be a task id"));

function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  // setUTCFullYear, not Date.UTC: the latter reads years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

export const DueDate = z
  .string()
  .check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD"),
    z.refine(isCalendarDate, "must be a real calendar date"),
  );

export const Title = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, "must not be empty"),
    z.maxLength(200, "must be at most 200 characters"),
  );
export const Description = z.string().check(z.maxLength(5000, "must be at most 5000 characters"));
export const Tag = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, "must not be empty"),
    z.maxLength(32, "must be at most 32 characters"),
  );
/**
 * How tags and search compare text: compatibility forms (NFKD), accents dropped (the
 * combining marks U+0300-U+036F), lower case. "Work" and "work" are one tag; "cafe"
 * finds "Café". Stored search copies are folded with it (task/search.ts).
 */
export const foldText = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLocaleLowerCase("en")
    .normalize("NFC");

export const Tags = z.array(Tag).check(
  z.maxLength(10, "at most 10 tags"),
  z.refine(
    (tags) => new Set(tags.map(foldText)).size === tags.length,
    "tags must be unique (ignoring case and accents)",
  ),
);

export const CreateTaskInput = z.strictObject({
  title: Title,
  /** A time of day on the due date (HH:MM, in the person's time zone); means nothing without one. */
  dueTime: z.optional(DueTime),
  /** Repeats: completing it marks this occurrence done and creates the next. */
  recurrence: z.optional(Recurrence),
  /** At a moment, or minutes before it is due; emailed and shown in the app. */
  reminders: z.optional(Reminders),
  description: z._default(Description, ""),
  status: z._default(TaskStatus, "todo"),
  priority: z._default(TaskPriority, "medium"),
  dueDate: z.pipe(
    z.nullish(DueDate),
    z.transform((value: string | null | undefined) => value ?? null),
  ),
  tags: z._default(Tags, []),
  /** The list it goes in (the caller must be an editor of it); without one, the caller's Inbox. */
  listId: z.optional(ListId),
});
export type CreateTaskInput = z.input<typeof CreateTaskInput>;

/** A partial update: `version` is the one the caller read; `dueDate: null` clears it. */
export const UpdateTaskInput = z
  .strictObject({
    version: z.int().check(z.minimum(1)),
    title: z.optional(Title),
    description: z.optional(Description),
    status: z.optional(TaskStatus),
    priority: z.optional(TaskPriority),
    dueDate: z.optional(z.nullable(DueDate)),
    tags: z.optional(Tags),
    /** `null` clears it. */
    dueTime: z.optional(z.nullable(DueTime)),
    /** `null` stops repeating; a changed rule applies from the next occurrence on. */
    recurrence: z.optional(z.nullable(Recurrence)),
    /** The whole list (`[]` removes every reminder). */
    reminders: z.optional(Reminders),
    /** Moves it to another list (an editor of both); `null` moves it to its creator's Inbox. */
    listId: z.optional(z.nullable(ListId)),
  })
  .check(
    z.refine((input) => Object.keys(input).length > 1, "nothing to update besides the version"),
  );
export type UpdateTaskInput = z.input<typeof UpdateTaskInput>;

/** What a search looks for, in title, description and tags (ignoring case and accents). */
export const SearchText = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, "must not be empty"),
    z.maxLength(100, "must be at most 100 characters"),
  );

/**
 * What a list or an export may be narrowed to and how it is ordered: one schema, so
 * both parse and fold `q` and `tag` the same way.
 */
/** "true" or "false" in a query string; a boolean from core's own callers. */
export const QueryBoolean = z.union([
  z.boolean(),
  z.pipe(
    z.enum(["true", "false"]),
    z.transform((value: "true" | "false") => value === "true"),
  ),
]);

export const TaskPagesQuery = z.strictObject({
  status: z.optional(TaskStatus),
  /** Only tasks whose title, description or a tag contains this text, ignoring case and accents. */
  q: z.optional(SearchText),
  /** Only tasks carrying this tag, ignoring case and accents ("work" finds "Work"). */
  tag: z.optional(Tag),
  sort: z._default(TaskSort, "created"),
  /** One list's tasks (the caller must be a member); without it, the caller's Inbox. */
  listId: z.optional(ListId),
  /**
   * `false` leaves done tasks out, as the views do (with `status=done` nothing is left).
   * Absent or `true`: every status, as before the flag existed.
   */
  includeDone: z.optional(QueryBoolean),
});
export type TaskPagesQuery = z.input<typeof TaskPagesQuery>;

/** The list's query: the filters and order, then its paging. */
export const ListTasksQuery = z.extend(TaskPagesQuery, {
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
});
export type ListTasksQuery = z.input<typeof ListTasksQuery>;

export const EXPORT_FORMATS = ["csv", "ndjson"] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** What an export covers without `listId`: the Inbox, or every list one can read too. */
export const EXPORT_SCOPES = ["inbox", "all"] as const;

/**
 * The export's query string: a format, then the same filters as the list; `scope=all`
 * for the Inbox and every list the caller is in (not with `listId`).
 */
export const ExportTasksQuery = z.extend(TaskPagesQuery, {
  format: z._default(ExportFormat, "csv"),
  scope: z.optional(z.enum(EXPORT_SCOPES)),
});
export type ExportTasksQuery = z.input<typeof ExportTasksQuery>;

export const Task = z.object({
  taskId: TaskId,
  userId: z.string(),
  title: z.string(),
  description: z.string(),
  status: TaskStatus,
  priority: TaskPriority,
  dueDate: z.nullable(z.string()),
  tags: z.array(z.string()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** HH:MM in the person's time zone; absent when due all day (or not due). */
  dueTime: z.optional(z.string()),
  recurrence: z.optional(Recurrence),
  /** `recurrence` as RFC 5545 RRULE text. */
  recurrenceRule: z.optional(z.string()),
  reminders: z.optional(z.array(Reminder)),
  /** On a completed occurrence of a repeating task: the occurrence its completion created. */
  nextTaskId: z.optional(z.string()),
  version: z.int(),
  /** How many attachments the task has (any status); older records have none. */
  attachmentCount: z._default(z.int().check(z.minimum(0)), 0),
  /** The list it is in; absent when it is in its creator's Inbox (and for older clients' tasks). */
  listId: z.optional(ListId),
  /** Who last created or changed it (their email); absent on tasks written before lists. */
  updatedBy: z.optional(z.string()),
});
export type Task = z.infer<typeof Task>;

export const TaskPage = z.object({
  items: z.array(Task),
  cursor: z.nullable(z.string()),
});
export type TaskPage = z.infer<typeof TaskPage>;
