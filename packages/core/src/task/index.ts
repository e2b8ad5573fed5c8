/**
 * The Task domain: every read and write of a person's tasks, through the task
 * entity. Knows nothing of HTTP or Lambda. The API's edge hands over input its route
 * has already parsed; it is parsed again here with the same shared schemas, for the
 * callers that have no edge (the seed, tests, jobs), at a cost of microseconds.
 */
import { createConversions } from "electrodb";
import { monotonicFactory } from "ulid";
import { checkCursor, invalidCursor } from "../cursor";
import { hasCause, isConditionFailure, parseInput, VisibleError } from "../error";
import { filings, type Recipient, type ReminderFiling } from "../reminder/filing";
import { service } from "../service";
import { keyFields } from "../table";
import { type ClearedAttribute, splitCleared } from "./cleared";
import {
  LIST_PLACEMENT_ATTRIBUTES,
  listPlacement,
  TaskEntity,
  type TaskItem,
  UNDATED,
} from "./entity";
import {
  CreateTaskInput,
  ListTasksQuery,
  type TASK_SORTS,
  Task,
  type TaskPage,
  TaskPagesQuery,
  UpdateTaskInput,
} from "./schema";
import { searchConditions } from "./search";

export type { TaskItem } from "./entity";

const newTaskId = monotonicFactory();

const notFound = () => new VisibleError("not_found", "Task not found");

/** The stored fields the API's task shows as they are: those its schema declares. */
const STORED_FIELDS = Object.keys(Task.shape).filter(
  (field) => field !== "dueDate" && field !== "attachmentCount",
) as Array<keyof TaskItem & keyof Task>;

/**
 * What a list reads of each task (ElectroDB's projection, to which it adds its
 * identifiers and the keys a cursor needs): the API's fields and what they are made
 * from, not the search copies or the other indexes' keys. A page of 50 is about half
 * the bytes to receive, unmarshall and format.
 */
export const LISTED_ATTRIBUTES = [
  ...STORED_FIELDS,
  "dueDate",
  "dueSort",
  "attachmentIds",
  // A list's page makes its cursor from these (its indexes' composites).
  "listStatus",
  "listDue",
  "listedTaskId",
] as const;

/**
 * The API's task from the stored one: the fields the API's schema declares, so a new
 * field needs no line here; an absent due date is null, and the attachment id set is
 * given as a count. (Copied field by field into a fresh object: a list maps 100 of
 * these a page, and this is twice as fast as spreading ElectroDB's item.)
 */
export function toTask(item: TaskItem): Task {
  const task: Record<string, unknown> = {};
  for (const field of STORED_FIELDS) if (item[field] !== undefined) task[field] = item[field];
  task.dueDate = item.dueDate ?? null;
  task.attachmentCount = item.attachmentIds?.length ?? 0;
  return task as Task;
}

/**
 * A new task in `userId`'s partition: in the list `input.listId` names (the edge has
 * decided the caller may write there), else in their Inbox.
 */
export async function create(
  userId: string,
  input: CreateTaskInput,
  context: Pick<WriteContext, "updatedBy" | "reminders"> = {},
): Promise<Task> {
  const { dueDate, listId, ...fields } = parseInput(CreateTaskInput, input);
  const now = new Date().toISOString();
  const taskId = newTaskId();
  const item = {
    ...fields,
    ...(dueDate ? { dueDate } : {}),
    ...(listId
      ? listPlacement(listId, { taskId, status: fields.status, dueSort: dueDate ?? UNDATED })
      : {}),
    ...(context.updatedBy ? { updatedBy: context.updatedBy } : {}),
    userId,
    taskId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const reminders = remindersOf(item, context.reminders);
  try {
    if (reminders.length > 0) {
      // The task and its reminders in one transaction: neither is stored alone.
      // "refused" too: the id is new, so only a retry of this very write stored it.
      await writeWithReminders(({ task }) => task.create(item).commit(), reminders);
      return read(userId, taskId, true);
    }
    const { data } = await TaskEntity.create(item).go();
    return toTask(data);
  } catch (error) {
    // The id is new, so the item can only exist if this very call wrote it: the SDK
    // retried a put whose answer was lost (a timeout) after it had been stored. Read
    // strongly consistent: the write is a moment old.
    if (!isConditionFailure(error)) throw error;
    return read(userId, taskId, true);
  }
}

export function get(userId: string, taskId: string): Promise<Task> {
  return read(userId, taskId, false);
}

async function read(userId: string, taskId: string, consistent: boolean): Promise<Task> {
  return toTask(await readItem(userId, taskId, consistent));
}

async function readItem(userId: string, taskId: string, consistent: boolean): Promise<TaskItem> {
  // ElectroDB reads only items of this entity and version: anything else under the key is no task.
  const { data } = await TaskEntity.get({ userId, taskId }).go({ consistent });
  if (!data) throw notFound();
  return data;
}

/**
 * What a list may be narrowed to: text in title, description or tags, an exact tag,
 * and (`open`) only tasks not done.
 */
interface TaskMatch {
  q?: string;
  tag?: string;
  open?: true;
}

/**
 * Where a list reads: a person's Inbox (their own partition: gsi1-4, which also
 * hold the tasks they created in lists, so the Inbox is those without `listId`),
 * or one list (gsi5-8, which hold only that list's tasks).
 */
export type TaskContainer = { userId: string } | { listId: string };

/**
 * The access pattern (and so the index) for a container x status x sort
 * combination: always one Query in one partition.
 */
function listPattern(
  container: TaskContainer,
  status: Task["status"] | undefined,
  sort: (typeof TASK_SORTS)[number],
) {
  if ("listId" in container) {
    if (status) return sort === "due" ? "byListStatusDue" : "byListStatusCreated";
    return sort === "due" ? "byListDue" : "byListCreated";
  }
  if (status) return sort === "due" ? "byStatusDue" : "byStatusCreated";
  return sort === "due" ? "byDue" : "byCreated";
}

/** Cursors for a page cut short of the last item read: ElectroDB builds them from an item. */
const conversions = createConversions(TaskEntity);

/** The Query for a container x status x sort, before any filter. */
function containerQuery(
  container: TaskContainer,
  status: Task["status"] | undefined,
  sort: (typeof TASK_SORTS)[number],
) {
  const { query } = TaskEntity;
  if ("listId" in container) {
    const { listId } = container;
    return status
      ? sort === "due"
        ? query.byListStatusDue({ listId, listStatus: status })
        : query.byListStatusCreated({ listId, listStatus: status })
      : sort === "due"
        ? query.byListDue({ listId })
        : query.byListCreated({ listId });
  }
  const { userId } = container;
  return status
    ? sort === "due"
      ? query.byStatusDue({ userId, status })
      : query.byStatusCreated({ userId, status })
    : sort === "due"
      ? query.byDue({ userId })
      : query.byCreated({ userId });
}

type WhereAttributes = Parameters<Parameters<ReturnType<typeof containerQuery>["where"]>[0]>[0];
type WhereOperations = Parameters<Parameters<ReturnType<typeof containerQuery>["where"]>[0]>[1];

/**
 * The filter a list, an export and the views apply: text in title, description or
 * tags (folded as the stored copies are), an exact tag, and, in a person's own
 * partition, only the Inbox's tasks (those in no list). Undefined when nothing is
 * filtered.
 */
export function matchFilter(match: TaskMatch, inboxOnly: boolean) {
  const { q, tag, open } = match;
  if (q === undefined && tag === undefined && !open && !inboxOnly) return undefined;
  return (
    { titleSearch, descriptionSearch, tagsSearch, tags, listId, status }: WhereAttributes,
    { contains, notExists, ne }: WhereOperations,
  ) => {
    const conditions: string[] = [];
    if (inboxOnly) conditions.push(notExists(listId));
    if (open) conditions.push(ne(status, "done"));
    const copies = { titleSearch, descriptionSearch, tagsSearch };
    conditions.push(
      ...searchConditions(
        { q, tag },
        (copy, text) => contains(copies[copy], text),
        (exact) => contains(tags, exact),
      ),
    );
    return conditions.join(" AND ");
  };
}

/**
 * One Query on the index for container x status x sort: newest first for "created"
 * (ULIDs sort by time), soonest due first otherwise. A search, a tag or the Inbox's
 * "in no list" is a filter, which DynamoDB applies after Limit.
 */
function queryPage(page: {
  container: TaskContainer;
  status?: Task["status"];
  sort: (typeof TASK_SORTS)[number];
  limit: number;
  cursor?: string | null;
  match?: TaskMatch;
}) {
  const { container, status, sort, limit, cursor, match = {} } = page;
  const chain = containerQuery(container, status, sort);
  const where = matchFilter(match, "userId" in container);
  return (where ? chain.where(where) : chain).go({
    limit,
    pages: 1,
    order: sort === "due" ? "asc" : "desc",
    attributes: LISTED_ATTRIBUTES,
    ...(cursor ? { cursor } : {}),
  }) as Promise<{ data: TaskItem[]; cursor: string | null }>;
}

/**
 * A search or tag filter is a FilterExpression on the same Query: DynamoDB applies
 * Limit to the items it reads, before the filter, so one request can return few or
 * no matches. The page is filled by reading on, in batches of this many items...
 */
const FILTERED_READ_BATCH = 100;
/**
 * ...for at most this many requests (1,000 items read), so one call's cost stays
 * bounded however many tasks a person has; a page cut short still carries a cursor.
 */
const FILTERED_MAX_REQUESTS = 10;

/**
 * A page of the Inbox (no `listId`) or of one list. The edge has decided that the
 * caller may read the list; core takes the container as given.
 */
export async function list(userId: string, input: ListTasksQuery = {}): Promise<TaskPage> {
  const {
    status,
    sort,
    limit,
    cursor: rawCursor,
    q,
    tag,
    listId,
    includeDone,
  } = parseInput(ListTasksQuery, input);
  const cursor = rawCursor ? checkCursor(rawCursor, Object.keys(keyFields)) : undefined;
  // Done tasks left out, yet only done ones asked for: nothing, without a read.
  if (includeDone === false && status === "done") return { items: [], cursor: null };
  const container: TaskContainer = listId ? { listId } : { userId };
  const index = { container, ...(status ? { status } : {}), sort };
  try {
    // Without a status, "not done" is one more filter on the same Query (read on like a
    // search); a status other than done is open already.
    const searched = matchOf(q, tag);
    const match =
      includeDone === false && !status ? { ...searched, open: true as const } : searched;
    if (!match && listId) {
      const page = await queryPage({ ...index, limit, cursor });
      return { items: page.data.map(toTask), cursor: page.cursor };
    }
    // Filtered: a search, a tag, or the Inbox (the person's partition less their
    // listed tasks). The Inbox alone reads `limit` first, so for a person with no
    // listed tasks the page and its cursor are the very ones of the unfiltered Query.
    const found: TaskItem[] = [];
    let next: string | null | undefined = cursor;
    for (let request = 0; request < FILTERED_MAX_REQUESTS; request++) {
      const batch = request === 0 && !match ? limit : FILTERED_READ_BATCH;
      const page = await queryPage({
        ...index,
        limit: batch,
        cursor: next,
        ...(match ? { match } : {}),
      });
      found.push(...page.data);
      next = page.cursor;
      if (found.length >= limit || next === null) break;
    }
    if (found.length > limit) {
      // The last batch held more matches than the page needs: resume right after
      // the last one returned, not after the last one read.
      found.length = limit;
      const last = found[limit - 1] as TaskItem;
      // A list's item carries its list composites (listed tasks only come from its indexes).
      const toCursor = conversions.byAccessPattern[listPattern(container, status, sort)]
        .fromComposite.toCursor as (item: TaskItem) => string | null;
      next = toCursor(last);
    }
    return { items: found.map(toTask), cursor: next ?? null };
  } catch (error) {
    if (cursor && hasCause(error, ["ValidationException"])) throw invalidCursor();
    throw error;
  }
}

/**
 * Export pages: a small first one, so the first bytes leave as soon as a short
 * Query answers whatever the total, then pages large enough that round trips do
 * not dominate.
 */
export const EXPORT_FIRST_PAGE_SIZE = 100;
export const EXPORT_PAGE_SIZE = 1000;

/** The match a search or tag asks for, or undefined when neither is given. */
function matchOf(q: string | undefined, tag: string | undefined): TaskMatch | undefined {
  if (q === undefined && tag === undefined) return undefined;
  return { ...(q !== undefined ? { q } : {}), ...(tag !== undefined ? { tag } : {}) };
}

/**
 * Every task of a person's Inbox, or of one list (`listId`: the caller has decided
 * the person may read it) (optionally one status, a search and a tag, parsed
 * and folded as the list does them), a page at a time, in the list's order: for
 * exports, which must not hold everything in memory. The next page is requested
 * while the caller handles this one, so paging and writing overlap; at most two
 * pages are held at once. A search or tag is the list's FilterExpression on the same
 * Query: each request still reads at most a page of items, keeps the matches (so a
 * page may be short or empty), and the paging reads on through the whole partition.
 * Empty pages are yielded too, so the caller's wait for each one stays one request.
 */
export async function* pages(
  userId: string,
  input: TaskPagesQuery = {},
  options: { firstPageSize?: number; pageSize?: number } = {},
): AsyncGenerator<Task[], void, undefined> {
  const { status, sort, q, tag, listId, includeDone } = parseInput(TaskPagesQuery, input);
  // Done tasks left out, yet only done ones asked for: nothing, without a read.
  if (includeDone === false && status === "done") return;
  const searched = matchOf(q, tag);
  // As the list: "not done" is one more filter on the same Query.
  const match = includeDone === false && !status ? { ...searched, open: true as const } : searched;
  const limit = options.pageSize ?? EXPORT_PAGE_SIZE;
  const fetchPage = (cursor: string | null, pageLimit = limit) =>
    queryPage({
      container: listId ? { listId } : { userId },
      ...(status ? { status } : {}),
      sort,
      limit: pageLimit,
      cursor,
      ...(match ? { match } : {}),
    });
  let next = fetchPage(null, options.firstPageSize ?? Math.min(EXPORT_FIRST_PAGE_SIZE, limit));
  while (true) {
    const page = await next;
    if (page.cursor) {
      next = fetchPage(page.cursor);
      // Read ahead; if the caller stops early, nobody awaits it, and that is fine.
      next.catch(() => {});
    }
    yield page.data.map(toTask);
    if (!page.cursor) return;
  }
}

/** Who writes, and the task as the caller's access was decided on (read if not given). */
export interface WriteContext {
  /** The writer's email, recorded as `updatedBy`. */
  updatedBy?: string;
  /**
   * Who the task's reminders are for and the zone their times are read in: given,
   * a write files the reminders still to come in the same transaction as the task.
   */
  reminders?: ReminderContext;
  /** The stored task, as `locate` read it; update reads it (consistent) when absent. */
  current?: TaskItem;
}

export interface ReminderContext {
  recipient: Recipient;
  zone: string;
  now?: number;
}

/** The reminder items a write of `task` files (none without a reminder context). */
function remindersOf(
  task: Parameters<typeof filings>[0],
  context: ReminderContext | undefined,
): ReminderFiling[] {
  return context ? filings(task, context.recipient, context.zone, context.now) : [];
}

/** The entities a transaction's callback is handed (their writes end in `commit()`). */
type TransactEntities = Parameters<Parameters<typeof service.transaction.write>[0]>[0];
type Committed = ReturnType<ReturnType<TransactEntities["reminder"]["create"]>["commit"]>;

/**
 * Writes the task (`write`, its condition included) and files `reminders` in one
 * transaction. A reminder already filed (the same one, written by an earlier write
 * of this task) is create-only, so the write goes again without it: filing never
 * resends one already sent. "refused": the task's own condition failed.
 */
async function writeWithReminders(
  write: (entities: TransactEntities) => unknown,
  reminders: ReminderFiling[],
): Promise<"written" | "refused"> {
  let pending = reminders;
  for (let attempt = 1; attempt <= reminders.length + 1; attempt++) {
    const { canceled, data } = await service.transaction
      .write((entities) => [
        write(entities) as Committed,
        ...pending.map((filing) => entities.reminder.create(filing).commit()),
      ])
      .go();
    if (!canceled) return "written";
    const refused = (index: number) => data[index]?.code === "ConditionalCheckFailed";
    if (refused(0)) return "refused";
    const filed = pending.filter((_, index) => refused(index + 1));
    if (filed.length === 0) {
      throw new VisibleError("unavailable", "The task could not be saved; try again.");
    }
    pending = pending.filter((filing) => !filed.includes(filing));
  }
  throw new VisibleError("unavailable", "The task could not be saved; try again.");
}

const conflict = (version: number, now: number) =>
  new VisibleError(
    "conflict",
    `The task was changed since version ${version} (now version ${now}); reload it and try again.`,
  );

/**
 * Changes a task in `userId`'s partition (its creator's) if it is still at the
 * version the caller read. A listed task's list composites are rewritten whole from
 * the task as it will be, so the task needs reading first (the edge has read it to
 * decide access, and passes it); a move sets them for the new list, or removes them
 * for the Inbox.
 */
export async function update(
  userId: string,
  taskId: string,
  input: UpdateTaskInput,
  context: WriteContext = {},
): Promise<Task> {
  const { version, dueDate, listId: target, ...given } = parseInput(UpdateTaskInput, input);
  const { fields, cleared } = splitCleared(given);
  const current = context.current ?? (await readItem(userId, taskId, true));
  // What the write's list composites are made from must be the version it is
  // conditioned on: a stale read is a conflict, never a stale index key.
  if (current.version !== version) throw conflict(version, current.version);
  const updatedAt = new Date().toISOString();
  const listId = target === undefined ? current.listId : (target ?? undefined);
  const dueSort = dueDate === null ? UNDATED : (dueDate ?? current.dueSort ?? UNDATED);
  const placement = listId
    ? listPlacement(listId, { taskId, status: fields.status ?? current.status, dueSort })
    : {};
  const removed: string[] = [
    ...(dueDate === null ? ["dueDate"] : []),
    ...cleared,
    ...(current.listId && !listId ? LIST_PLACEMENT_ATTRIBUTES : []),
  ];
  const write = (entity: typeof TaskEntity) => {
    const patch = entity
      .patch({ userId, taskId })
      .set({
        ...fields,
        ...(dueDate ? { dueDate } : {}),
        ...placement,
        ...(context.updatedBy ? { updatedBy: context.updatedBy } : {}),
        updatedAt,
      })
      .add({ version: 1 });
    return (
      removed.length > 0
        ? patch
            .remove(
              removed as Array<
                "dueDate" | ClearedAttribute | (typeof LIST_PLACEMENT_ATTRIBUTES)[number]
              >,
            )
            .set(dueDate === null ? { dueSort: UNDATED } : {})
        : patch
    ).where((stored, { eq }) => eq(stored.version, version));
  };
  // The reminders of the task as it will be (re-filing one already filed is skipped).
  const reminders = remindersOf(
    {
      userId,
      taskId,
      status: fields.status ?? current.status,
      dueDate: dueDate === null ? undefined : (dueDate ?? current.dueDate),
      dueTime: cleared.includes("dueTime") ? undefined : (fields.dueTime ?? current.dueTime),
      reminders: fields.reminders ?? current.reminders,
    },
    context.reminders,
  );
  try {
    if (reminders.length > 0) {
      const outcome = await writeWithReminders(
        // The same chain on the transaction's task entity, ended by commit().
        ({ task }) =>
          (
            write(task as unknown as typeof TaskEntity) as unknown as { commit(): Committed }
          ).commit(),
        reminders,
      );
      if (outcome === "written") return read(userId, taskId, true);
      throw conflict(version, (await readItem(userId, taskId, true)).version);
    }
    const { data } = await write(TaskEntity).go({ response: "all_new" });
    return toTask(data);
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    // Either the task is gone or someone wrote first. A strongly consistent read, so
    // the version that won is the one reported.
    throw conflict(version, (await readItem(userId, taskId, true)).version);
  }
}

/**
 * The task a person names by its id alone, as stored: in their own partition (their
 * Inbox, or a list task they created), else a listed task another member created
 * (gsi9). Whether they may see it is the caller's to decide (its `listId`).
 */
export async function locate(
  userId: string,
  taskId: string,
  options: { consistent?: boolean } = {},
): Promise<TaskItem | undefined> {
  const own = await TaskEntity.get({ userId, taskId }).go({
    consistent: options.consistent ?? false,
  });
  if (own.data) return own.data;
  const { data } = await TaskEntity.query.byListedId({ listedTaskId: taskId }).go({ limit: 1 });
  return data[0];
}

export async function remove(userId: string, taskId: string): Promise<void> {
  try {
    // Only a task that exists: a missing one fails the condition (a 404, not a silent 204).
    await TaskEntity.remove({ userId, taskId }).go();
  } catch (error) {
    if (isConditionFailure(error)) throw notFound();
    throw error;
  }
}
