/**
 * The Task domain: every read and write of a person's tasks. Knows nothing of
 * HTTP or Lambda; callers hand over unchecked input, which is parsed here with the
 * shared zod schemas.
 */
import { monotonicFactory } from "ulid";
import { checkCursor, decodeCursor, encodeCursor, invalidCursor } from "../cursor";
import { hasCause, isConditionFailure, parseInput, VisibleError } from "../error";
import { keyFields } from "../table";
import { foldCase, TaskEntity, type TaskItem, taskConversions, UNDATED } from "./entity";

/** A list's filter: the same attributes and operations on every index. */
type TaskFilter = Parameters<ReturnType<typeof TaskEntity.query.byCreated>["where"]>[0];

import {
  CreateTaskInput,
  ListTasksQuery,
  type TASK_SORTS,
  type Task,
  type TaskPage,
  TaskPagesQuery,
  UpdateTaskInput,
} from "./schema";

const newTaskId = monotonicFactory();

const notFound = () => new VisibleError("not_found", "Task not found");

function toTask(item: TaskItem): Task {
  return {
    taskId: item.taskId,
    userId: item.userId,
    title: item.title,
    description: item.description,
    status: item.status,
    priority: item.priority,
    dueDate: item.dueDate ?? null,
    tags: item.tags,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
    attachmentCount: sizeOf(item.attachmentIds),
  };
}

/** ElectroDB formats a set attribute as an array; a raw item (the list's) holds a Set. */
function sizeOf(ids: readonly string[] | ReadonlySet<string> | undefined): number {
  if (ids instanceof Set) return ids.size;
  return Array.isArray(ids) ? ids.length : 0;
}

export async function create(userId: string, input: unknown): Promise<Task> {
  const { dueDate, ...fields } = parseInput(CreateTaskInput, input);
  const now = new Date().toISOString();
  const taskId = newTaskId();
  try {
    const result = await TaskEntity.create({
      ...fields,
      ...(dueDate ? { dueDate } : {}),
      dueSort: dueDate ?? UNDATED,
      userId,
      taskId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    }).go();
    return toTask(result.data);
  } catch (error) {
    // The id is new, so the item can only exist if this very call wrote it: the SDK
    // retried a put whose answer was lost (a timeout) after it had been stored.
    if (!isConditionFailure(error)) throw error;
    return get(userId, taskId);
  }
}

export async function get(userId: string, taskId: string): Promise<Task> {
  const result = await TaskEntity.get({ userId, taskId }).go();
  if (!result.data) throw notFound();
  return toTask(result.data);
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

export async function list(userId: string, input: unknown = {}): Promise<TaskPage> {
  const { status, sort, limit, cursor: rawCursor, q, tag } = parseInput(ListTasksQuery, input);
  const cursor = rawCursor ? checkCursor(rawCursor, Object.keys(keyFields)) : undefined;
  const byDue = sort === "due";
  // Newest first for "created" (ULIDs sort by time); soonest due first otherwise.
  const order = byDue ? "asc" : "desc";
  const matching: TaskFilter = (
    { titleSearch, descriptionSearch, tagsSearch, tags },
    { contains },
  ) => {
    const conditions: string[] = [];
    if (q !== undefined) {
      const needle = foldCase(q);
      conditions.push(
        `(${contains(titleSearch, needle)} OR ${contains(descriptionSearch, needle)} OR ${contains(tagsSearch, needle)})`,
      );
    }
    // On a list attribute, contains is element equality: the exact tag.
    if (tag !== undefined) conditions.push(contains(tags, tag));
    return conditions.join(" AND ");
  };
  const accessPattern = status
    ? byDue
      ? "byStatusDue"
      : "byStatusCreated"
    : byDue
      ? "byDue"
      : "byCreated";
  const query = status
    ? byDue
      ? TaskEntity.query.byStatusDue({ userId, status }).where(matching)
      : TaskEntity.query.byStatusCreated({ userId, status }).where(matching)
    : byDue
      ? TaskEntity.query.byDue({ userId }).where(matching)
      : TaskEntity.query.byCreated({ userId }).where(matching);
  try {
    if (q === undefined && tag === undefined) {
      // Raw items, mapped by toTask: ElectroDB's own formatting of a page was most of
      // the list's CPU beyond the Query (docs/performance.md). Keys, ownership and the
      // cursor's format stay ElectroDB's.
      const page = await query.go({
        // In raw mode ElectroDB takes the start key itself (its types only know strings).
        cursor: (cursor ? decodeCursor(cursor) : undefined) as string | undefined,
        limit,
        order,
        data: "raw",
      });
      const { Items = [], LastEvaluatedKey } = page.data as QueryOutput;
      return {
        items: Items.filter(isStoredTask).map(toTask),
        cursor: LastEvaluatedKey ? encodeCursor(LastEvaluatedKey) : null,
      };
    }
    const found: TaskItem[] = [];
    let next = cursor ?? null;
    for (let request = 0; request < FILTERED_MAX_REQUESTS; request++) {
      const page = await query.go({ cursor: next, limit: FILTERED_READ_BATCH, order });
      found.push(...page.data);
      next = page.cursor ?? null;
      if (found.length >= limit || next === null) break;
    }
    if (found.length > limit) {
      // The last batch held more matches than the page needs: resume right after
      // the last one returned, not after the last one read.
      found.length = limit;
      const last = found[limit - 1] as TaskItem;
      next = taskConversions.byAccessPattern[accessPattern].fromComposite.toCursor({
        ...last,
        dueSort: last.dueDate ?? UNDATED,
      });
    }
    return { items: found.map(toTask), cursor: next };
  } catch (error) {
    if (cursor && isRejectedCursor(error)) throw invalidCursor();
    throw error;
  }
}

/** The index that serves a status x sort combination: always one Query in the owner's partition. */
function indexQuery(
  userId: string,
  status: Task["status"] | undefined,
  sort: (typeof TASK_SORTS)[number],
) {
  const byDue = sort === "due";
  const query = status
    ? byDue
      ? TaskEntity.query.byStatusDue({ userId, status })
      : TaskEntity.query.byStatusCreated({ userId, status })
    : byDue
      ? TaskEntity.query.byDue({ userId })
      : TaskEntity.query.byCreated({ userId });
  // Newest first for "created" (ULIDs sort by time); soonest due first otherwise.
  return { query, order: byDue ? ("asc" as const) : ("desc" as const) };
}

/**
 * Export pages: a small first one, so the first bytes leave as soon as a short
 * Query answers whatever the total, then pages large enough that round trips do
 * not dominate.
 */
export const EXPORT_FIRST_PAGE_SIZE = 100;
export const EXPORT_PAGE_SIZE = 1000;

/**
 * Every one of a person's tasks (optionally one status), a page at a time, in the
 * list's order: for exports, which must not hold everything in memory. The next
 * page is requested while the caller handles this one, so paging and writing
 * overlap; at most two pages are held at once.
 */
export async function* pages(
  userId: string,
  input: unknown = {},
  options: { firstPageSize?: number; pageSize?: number } = {},
): AsyncGenerator<Task[], void, undefined> {
  const { status, sort } = parseInput(TaskPagesQuery, input);
  const { query, order } = indexQuery(userId, status, sort);
  const limit = options.pageSize ?? EXPORT_PAGE_SIZE;
  const fetchPage = (cursor: string | null, pageLimit = limit) =>
    query.go({ cursor, limit: pageLimit, order });
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

interface QueryOutput {
  Items?: Record<string, unknown>[];
  LastEvaluatedKey?: Record<string, unknown>;
}

/**
 * A stored item that is a task of this entity version (ElectroDB's ownership check).
 * The entity renames no attribute and has no getters, so a stored task's attributes
 * are the item's own: toTask reads them as they are.
 */
function isStoredTask(item: Record<string, unknown>): item is TaskItem {
  return item.__edb_e__ === "task" && item.__edb_v__ === "1";
}

export async function update(userId: string, taskId: string, input: unknown): Promise<Task> {
  const { version, dueDate, ...changes } = parseInput(UpdateTaskInput, input);
  let patch = TaskEntity.patch({ userId, taskId })
    .set({
      ...changes,
      ...(dueDate ? { dueDate } : {}),
      ...(dueDate !== undefined ? { dueSort: dueDate ?? UNDATED } : {}),
      updatedAt: new Date().toISOString(),
    })
    .add({ version: 1 });
  if (dueDate === null) patch = patch.remove(["dueDate"]);
  try {
    const result = await patch
      .where(({ version: current }, { eq }) => eq(current, version))
      .go({ response: "all_new" });
    return toTask(result.data);
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    // Either the task is gone (or never was this user's) or someone wrote first.
    const current = await TaskEntity.get({ userId, taskId }).go();
    if (!current.data) throw notFound();
    throw new VisibleError(
      "conflict",
      `The task was changed since version ${version} (now version ${current.data.version}); reload it and try again.`,
    );
  }
}

export async function remove(userId: string, taskId: string): Promise<void> {
  try {
    await TaskEntity.remove({ userId, taskId }).go();
  } catch (error) {
    if (isConditionFailure(error)) throw notFound();
    throw error;
  }
}

function isRejectedCursor(error: unknown): boolean {
  return (
    hasCause(error, ["ValidationException"]) ||
    /Unable to parse cursor/.test(String((error as Error | undefined)?.message))
  );
}
