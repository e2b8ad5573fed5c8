/**
 * The Task domain: every read and write of a person's tasks. Knows nothing of
 * HTTP or Lambda; callers hand over unchecked input, which is parsed here with the
 * shared zod schemas.
 */
import {
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { monotonicFactory } from "ulid";
import { checkCursor, decodeCursor, encodeCursor, invalidCursor } from "../cursor";
import { entityConfig } from "../electrodb";
import { hasCause, isConditionFailure, parseInput, VisibleError } from "../error";
import { keyFields } from "../table";
import {
  deleteTask,
  getTask,
  indexKeyOf,
  isStoredTask,
  putTask,
  queryTasks,
  type StoredItem,
  type TaskMatch,
  type TaskRecord,
  UNDATED,
  updateTask,
} from "./record";
import {
  CreateTaskInput,
  ListTasksQuery,
  type Task,
  type TaskPage,
  TaskPagesQuery,
  UpdateTaskInput,
} from "./schema";

const { client, table } = entityConfig;
const newTaskId = monotonicFactory();

const notFound = () => new VisibleError("not_found", "Task not found");

function toTask(item: TaskRecord): Task {
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
    attachmentCount: item.attachmentIds?.size ?? 0,
  };
}

/** The task a stored item holds, or undefined if the item is not a task of this version. */
function storedTask(item: StoredItem | undefined): Task | undefined {
  if (!item) return undefined;
  const record = unmarshall(item);
  return isStoredTask(record) ? toTask(record) : undefined;
}

export async function create(userId: string, input: unknown): Promise<Task> {
  const { dueDate, ...fields } = parseInput(CreateTaskInput, input);
  const now = new Date().toISOString();
  const record = {
    ...fields,
    ...(dueDate ? { dueDate } : {}),
    dueSort: dueDate ?? UNDATED,
    userId,
    taskId: newTaskId(),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  try {
    await client.send(new PutItemCommand(putTask(table, record)));
    return toTask(record);
  } catch (error) {
    // The id is new, so the item can only exist if this very call wrote it: the SDK
    // retried a put whose answer was lost (a timeout) after it had been stored. Read
    // strongly consistent: the write is a moment old.
    if (!isConditionFailure(error)) throw error;
    return read(userId, record.taskId, true);
  }
}

export function get(userId: string, taskId: string): Promise<Task> {
  return read(userId, taskId, false);
}

async function read(userId: string, taskId: string, consistent: boolean): Promise<Task> {
  const { Item } = await client.send(
    new GetItemCommand(getTask(table, userId, taskId, consistent)),
  );
  const task = storedTask(Item);
  if (!task) throw notFound();
  return task;
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

interface ListPage {
  tasks: Task[];
  /** Where the next Query resumes: DynamoDB's LastEvaluatedKey, if there is more. */
  next?: Record<string, unknown>;
}

/** One Query on the index for status x sort. */
async function queryPage(page: Parameters<typeof queryTasks>[1]): Promise<ListPage> {
  const { Items = [], LastEvaluatedKey } = await client.send(
    new QueryCommand(queryTasks(table, page)),
  );
  const tasks: Task[] = [];
  for (const item of Items) {
    const task = storedTask(item);
    if (task) tasks.push(task);
  }
  return { tasks, ...(LastEvaluatedKey ? { next: unmarshall(LastEvaluatedKey) } : {}) };
}

export async function list(userId: string, input: unknown = {}): Promise<TaskPage> {
  const { status, sort, limit, cursor: rawCursor, q, tag } = parseInput(ListTasksQuery, input);
  const cursor = rawCursor ? checkCursor(rawCursor, Object.keys(keyFields)) : undefined;
  const index = { userId, ...(status ? { status } : {}), sort };
  try {
    if (q === undefined && tag === undefined) {
      const page = await queryPage({
        ...index,
        limit,
        ...(cursor ? { startKey: decodeCursor(cursor) } : {}),
      });
      return { items: page.tasks, cursor: page.next ? encodeCursor(page.next) : null };
    }
    const match: TaskMatch = {
      ...(q !== undefined ? { q } : {}),
      ...(tag !== undefined ? { tag } : {}),
    };
    const found: Task[] = [];
    let next: Record<string, unknown> | undefined = cursor ? decodeCursor(cursor) : undefined;
    for (let request = 0; request < FILTERED_MAX_REQUESTS; request++) {
      const page = await queryPage({
        ...index,
        limit: FILTERED_READ_BATCH,
        match,
        ...(next ? { startKey: next } : {}),
      });
      found.push(...page.tasks);
      next = page.next;
      if (found.length >= limit || next === undefined) break;
    }
    if (found.length > limit) {
      // The last batch held more matches than the page needs: resume right after
      // the last one returned, not after the last one read.
      found.length = limit;
      const last = found[limit - 1] as Task;
      next = indexKeyOf({ ...last, dueSort: last.dueDate ?? UNDATED }, status, sort);
    }
    return { items: found, cursor: next ? encodeCursor(next) : null };
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
  const limit = options.pageSize ?? EXPORT_PAGE_SIZE;
  const fetchPage = (startKey: Record<string, unknown> | undefined, pageLimit = limit) =>
    queryPage({
      userId,
      ...(status ? { status } : {}),
      sort,
      limit: pageLimit,
      ...(startKey ? { startKey } : {}),
    });
  let next = fetchPage(undefined, options.firstPageSize ?? Math.min(EXPORT_FIRST_PAGE_SIZE, limit));
  while (true) {
    const page = await next;
    if (page.next) {
      next = fetchPage(page.next);
      // Read ahead; if the caller stops early, nobody awaits it, and that is fine.
      next.catch(() => {});
    }
    yield page.tasks;
    if (!page.next) return;
  }
}

export async function update(userId: string, taskId: string, input: unknown): Promise<Task> {
  const { version, ...changes } = parseInput(UpdateTaskInput, input);
  try {
    const { Attributes } = await client.send(
      new UpdateItemCommand(
        updateTask(table, { userId, taskId }, changes, version, new Date().toISOString()),
      ),
    );
    const task = storedTask(Attributes);
    if (!task) throw new Error("DynamoDB returned no task after an update");
    return task;
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
    await client.send(new DeleteItemCommand(deleteTask(table, userId, taskId)));
  } catch (error) {
    if (isConditionFailure(error)) throw notFound();
    throw error;
  }
}
