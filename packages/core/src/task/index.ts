/**
 * The Task domain: every read and write of a person's tasks. Knows nothing of
 * HTTP or Lambda; callers hand over unchecked input, which is parsed here with the
 * shared zod schemas.
 */
import { monotonicFactory } from "ulid";
import { checkCursor, invalidCursor } from "../cursor";
import { hasCause, isConditionFailure, parseInput, VisibleError } from "../error";
import { keyFields } from "../table";
import { TaskEntity, type TaskItem, UNDATED } from "./entity";
import {
  CreateTaskInput,
  ListTasksQuery,
  type Task,
  type TaskPage,
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
  };
}

export async function create(userId: string, input: unknown): Promise<Task> {
  const { dueDate, ...fields } = parseInput(CreateTaskInput, input);
  const now = new Date().toISOString();
  const result = await TaskEntity.create({
    ...fields,
    ...(dueDate ? { dueDate } : {}),
    dueSort: dueDate ?? UNDATED,
    userId,
    taskId: newTaskId(),
    createdAt: now,
    updatedAt: now,
    version: 1,
  }).go();
  return toTask(result.data);
}

export async function get(userId: string, taskId: string): Promise<Task> {
  const result = await TaskEntity.get({ userId, taskId }).go();
  if (!result.data) throw notFound();
  return toTask(result.data);
}

export async function list(userId: string, input: unknown = {}): Promise<TaskPage> {
  const { status, sort, limit, cursor: rawCursor } = parseInput(ListTasksQuery, input);
  const cursor = rawCursor ? checkCursor(rawCursor, Object.keys(keyFields)) : undefined;
  const byDue = sort === "due";
  const query = status
    ? byDue
      ? TaskEntity.query.byStatusDue({ userId, status })
      : TaskEntity.query.byStatusCreated({ userId, status })
    : byDue
      ? TaskEntity.query.byDue({ userId })
      : TaskEntity.query.byCreated({ userId });
  try {
    // Newest first for "created" (ULIDs sort by time); soonest due first otherwise.
    const page = await query.go({ cursor, limit, order: byDue ? "asc" : "desc" });
    return { items: page.data.map(toTask), cursor: page.cursor ?? null };
  } catch (error) {
    if (cursor && isRejectedCursor(error)) throw invalidCursor();
    throw error;
  }
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
