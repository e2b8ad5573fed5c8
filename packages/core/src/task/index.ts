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
import { keyFields } from "../table";
import { splitCleared } from "./cleared";
import { TaskEntity, type TaskItem, UNDATED } from "./entity";
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
export const LISTED_ATTRIBUTES = [...STORED_FIELDS, "dueDate", "dueSort", "attachmentIds"] as const;

/**
 * The API's task from the stored one: the fields the API's schema declares, so a new
 * field needs no line here; an absent due date is null, and the attachment id set is
 * given as a count. (Copied field by field into a fresh object: a list maps 100 of
 * these a page, and this is twice as fast as spreading ElectroDB's item.)
 */
function toTask(item: TaskItem): Task {
  const task: Record<string, unknown> = {};
  for (const field of STORED_FIELDS) if (item[field] !== undefined) task[field] = item[field];
  task.dueDate = item.dueDate ?? null;
  task.attachmentCount = item.attachmentIds?.length ?? 0;
  return task as Task;
}

export async function create(userId: string, input: CreateTaskInput): Promise<Task> {
  const { dueDate, ...fields } = parseInput(CreateTaskInput, input);
  const now = new Date().toISOString();
  const taskId = newTaskId();
  try {
    const { data } = await TaskEntity.create({
      ...fields,
      ...(dueDate ? { dueDate } : {}),
      userId,
      taskId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    }).go();
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
  // ElectroDB reads only items of this entity and version: anything else under the key is no task.
  const { data } = await TaskEntity.get({ userId, taskId }).go({ consistent });
  if (!data) throw notFound();
  return toTask(data);
}

/** What a list may be narrowed to: text in title, description or tags, and an exact tag. */
interface TaskMatch {
  q?: string;
  tag?: string;
}

/**
 * The access pattern (and so the index) for a status x sort combination: always
 * one Query in the owner's partition.
 */
function listPattern(status: Task["status"] | undefined, sort: (typeof TASK_SORTS)[number]) {
  if (status) return sort === "due" ? "byStatusDue" : "byStatusCreated";
  return sort === "due" ? "byDue" : "byCreated";
}

/** Cursors for a page cut short of the last item read: ElectroDB builds them from an item. */
const conversions = createConversions(TaskEntity);

/**
 * One Query on the index for status x sort: newest first for "created" (ULIDs sort
 * by time), soonest due first otherwise. A search or tag is a filter, which DynamoDB
 * applies after Limit.
 */
function queryPage(page: {
  userId: string;
  status?: Task["status"];
  sort: (typeof TASK_SORTS)[number];
  limit: number;
  cursor?: string | null;
  match?: TaskMatch;
}) {
  const { userId, status, sort, limit, cursor, match = {} } = page;
  const { query } = TaskEntity;
  const chain = status
    ? sort === "due"
      ? query.byStatusDue({ userId, status })
      : query.byStatusCreated({ userId, status })
    : sort === "due"
      ? query.byDue({ userId })
      : query.byCreated({ userId });
  const { q, tag } = match;
  const filtered =
    q === undefined && tag === undefined
      ? chain
      : chain.where(({ titleSearch, descriptionSearch, tagsSearch, tags }, { contains }) => {
          const copies = { titleSearch, descriptionSearch, tagsSearch };
          return searchConditions(
            { q, tag },
            (copy, text) => contains(copies[copy], text),
            (exact) => contains(tags, exact),
          ).join(" AND ");
        });
  return filtered.go({
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

export async function list(userId: string, input: ListTasksQuery = {}): Promise<TaskPage> {
  const { status, sort, limit, cursor: rawCursor, q, tag } = parseInput(ListTasksQuery, input);
  const cursor = rawCursor ? checkCursor(rawCursor, Object.keys(keyFields)) : undefined;
  const index = { userId, ...(status ? { status } : {}), sort };
  try {
    const match = matchOf(q, tag);
    if (!match) {
      const page = await queryPage({ ...index, limit, cursor });
      return { items: page.data.map(toTask), cursor: page.cursor };
    }
    const found: TaskItem[] = [];
    let next: string | null | undefined = cursor;
    for (let request = 0; request < FILTERED_MAX_REQUESTS; request++) {
      const page = await queryPage({ ...index, limit: FILTERED_READ_BATCH, match, cursor: next });
      found.push(...page.data);
      next = page.cursor;
      if (found.length >= limit || next === null) break;
    }
    if (found.length > limit) {
      // The last batch held more matches than the page needs: resume right after
      // the last one returned, not after the last one read.
      found.length = limit;
      const last = found[limit - 1] as TaskItem;
      next = conversions.byAccessPattern[listPattern(status, sort)].fromComposite.toCursor(last);
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
 * Every one of a person's tasks (optionally one status, a search and a tag, parsed
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
  const { status, sort, q, tag } = parseInput(TaskPagesQuery, input);
  const match = matchOf(q, tag);
  const limit = options.pageSize ?? EXPORT_PAGE_SIZE;
  const fetchPage = (cursor: string | null, pageLimit = limit) =>
    queryPage({
      userId,
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

export async function update(
  userId: string,
  taskId: string,
  input: UpdateTaskInput,
): Promise<Task> {
  const { version, dueDate, ...given } = parseInput(UpdateTaskInput, input);
  const { fields, cleared } = splitCleared(given);
  const removed = [...(dueDate === null ? (["dueDate"] as const) : []), ...cleared];
  const updatedAt = new Date().toISOString();
  try {
    const patch = TaskEntity.patch({ userId, taskId })
      .set({ ...fields, ...(dueDate ? { dueDate } : {}), updatedAt })
      .add({ version: 1 });
    const { data } = await (removed.length > 0
      ? patch.remove(removed).set(dueDate === null ? { dueSort: UNDATED } : {})
      : patch
    )
      .where((stored, { eq }) => eq(stored.version, version))
      .go({ response: "all_new" });
    return toTask(data);
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    // Either the task is gone (or never was this user's) or someone wrote first. A
    // strongly consistent read, so the version that won is the one reported.
    const current = await read(userId, taskId, true);
    throw new VisibleError(
      "conflict",
      `The task was changed since version ${version} (now version ${current.version}); reload it and try again.`,
    );
  }
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
