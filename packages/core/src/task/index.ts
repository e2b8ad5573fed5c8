/**
 * The Task domain: every read and write of a person's tasks. Knows nothing of
 * HTTP or Lambda; inputs are validated here with the shared zod schemas.
 */
import { monotonicFactory } from "ulid";
import { checkCursor } from "../cursor";
import {
  ConflictError,
  hasCause,
  InvalidCursorError,
  isConditionFailure,
  NotFoundError,
} from "../errors";
import { keyFields } from "../table";
import {
  CreateTaskInput,
  ListTasksQuery,
  type Task,
  type TaskPage,
  UpdateTaskInput,
} from "../task-schema";
import { TaskEntity, UNDATED } from "./entity";

export * from "../task-schema";

const newTaskId = monotonicFactory();

type TaskItem = NonNullable<Awaited<ReturnType<ReturnType<typeof TaskEntity.get>["go"]>>["data"]>;

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

export async function create(userId: string, input: CreateTaskInput): Promise<Task> {
  const fields = CreateTaskInput.parse(input);
  const now = new Date().toISOString();
  const { dueDate, ...rest } = fields;
  const result = await TaskEntity.create({
    ...rest,
    ...(dueDate ? { dueDate } : {}),
    dueSort: dueDate ?? UNDATED,
    userId,
    taskId: newTaskId(),
    createdAt: now,
    updatedAt: now,
    version: 1,
  }).go();
  return toTask(result.data as TaskItem);
}

export async function get(userId: string, taskId: string): Promise<Task> {
  const result = await TaskEntity.get({ userId, taskId }).go();
  if (!result.data) throw new NotFoundError("Task not found");
  return toTask(result.data);
}

export async function list(userId: string, query: ListTasksQuery = {}): Promise<TaskPage> {
  const { status, sort, limit } = ListTasksQuery.parse(query);
  const cursor = query.cursor ? checkCursor(query.cursor, Object.keys(keyFields)) : undefined;
  const byDue = sort === "due";
  const q = status
    ? byDue
      ? TaskEntity.query.byStatusDue({ userId, status })
      : TaskEntity.query.byStatusCreated({ userId, status })
    : byDue
      ? TaskEntity.query.byDue({ userId })
      : TaskEntity.query.byCreated({ userId });
  try {
    // Newest first for "created" (ULIDs sort by time); soonest due first otherwise.
    const page = await q.go({ cursor, limit, order: byDue ? "asc" : "desc" });
    return { items: page.data.map(toTask), cursor: page.cursor ?? null };
  } catch (error) {
    if (cursor && isRejectedCursor(error)) throw new InvalidCursorError();
    throw error;
  }
}

export async function update(
  userId: string,
  taskId: string,
  input: UpdateTaskInput,
): Promise<Task> {
  const { version, dueDate, ...changes } = UpdateTaskInput.parse(input);
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
    return toTask(result.data as TaskItem);
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    // Either the task is gone (or never was this user's) or someone wrote first.
    const current = await TaskEntity.get({ userId, taskId }).go();
    if (!current.data) throw new NotFoundError("Task not found");
    throw new ConflictError(
      `The task was changed since version ${version} (now version ${current.data.version}); reload it and try again.`,
    );
  }
}

export async function remove(userId: string, taskId: string): Promise<void> {
  try {
    await TaskEntity.remove({ userId, taskId }).go();
  } catch (error) {
    if (isConditionFailure(error)) throw new NotFoundError("Task not found");
    throw error;
  }
}

function isRejectedCursor(error: unknown): boolean {
  return (
    hasCause(error, ["ValidationException"]) ||
    /Unable to parse cursor/.test(String((error as Error | undefined)?.message))
  );
}
