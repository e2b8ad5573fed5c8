/**
 * Completing and skipping an occurrence of a repeating task. Completion marks this
 * occurrence done and creates the next in one DynamoDB transaction, conditioned on
 * the version the caller read: of 20 simultaneous completions one wins and the
 * rest are conflicts, and a retried completion (same version) is answered with
 * what the first one did, never a second occurrence.
 */
import { monotonicFactory } from "ulid";
import { hasCause, parseInput, VisibleError } from "../error";
import { filings, type Recipient } from "../reminder/filing";
import { service } from "../service";
import { type TaskItem, UNDATED } from "../task/entity";
import { update, type WriteContext } from "../task/index";
import { Task, type UpdateTaskInput } from "../task/schema";
import { todayIn } from "../time/schema";
import { nextDueDate } from "./next";

export { nextDueDate, toRRule } from "./next";

import { OccurrenceInput, Recurrence } from "./schema";

const newTaskId = monotonicFactory();

/**
 * A listed task's list-index composites, as `listPlacement` in task/entity.ts makes
 * them (a write to a listed task rewrites all of them from the task as it will be);
 * nothing for a task in its creator's Inbox. Typed loosely, read off the stored item.
 */
function placementOf(
  current: TaskItem,
  task: { taskId: string; status: TaskItem["status"]; dueSort: string },
): object {
  const { listId } = current as TaskItem & { listId?: string };
  if (!listId) return {};
  return { listId, listStatus: task.status, listDue: task.dueSort, listedTaskId: task.taskId };
}
/** Tries of a completion whose transaction lost to another still undecided one. */
const MAX_ATTEMPTS = 5;

export interface OccurrenceContext {
  /** The person's time zone: "today" for the next date is theirs. */
  zone: string;
  /** Who the next occurrence's reminders are for: filed in the same transaction. */
  recipient?: Recipient;
  /** The writer's email, recorded as `updatedBy`. */
  updatedBy?: string;
  now?: number;
}

const conflict = (version: number, now: number) =>
  new VisibleError(
    "conflict",
    `The task was changed since version ${version} (now version ${now}); reload it and try again.`,
  );

const notRepeating = () =>
  new VisibleError("validation_failed", "The task does not repeat.", [
    { path: "recurrence", message: "the task has no repeat rule" },
  ]);

/** The API's task from a stored one: the shared schema keeps the fields it declares. */
const toTask = (item: TaskItem): Task =>
  Task.parse({
    ...item,
    dueDate: item.dueDate ?? null,
    attachmentCount: item.attachmentIds?.length ?? 0,
  });

const noNextDate = () =>
  new VisibleError("validation_failed", "The repeat rule has no next date.", [
    {
      path: "recurrence",
      message: "has no date after this one: change the rule or stop repeating",
    },
  ]);

/** The rule as stored, parsed (defaults filled, enums checked). */
function ruleOf(task: TaskItem): Recurrence | undefined {
  return task.recurrence ? parseInput(Recurrence, task.recurrence) : undefined;
}

export const isRepeating = (task: TaskItem) => task.recurrence !== undefined;

/** What a completion returns: the occurrence now done, and the next one. */
export interface Completion {
  task: Task;
  next: Task;
}

/**
 * Completes an occurrence of a repeating task (`current`, as the edge read it) at
 * `version`: in one transaction, this one becomes done (its rule moves on to the
 * next, and it records `nextTaskId`) and the next is created, due on the rule's
 * next date, with the same fields, time of day and relative reminders.
 */
export async function complete(
  current: TaskItem,
  input: OccurrenceInput,
  context: OccurrenceContext,
): Promise<Completion> {
  const { version } = parseInput(OccurrenceInput, input);
  const rule = ruleOf(current);
  if (current.version !== version) return replay(current, version);
  if (!rule) throw notRepeating();
  const now = context.now ?? Date.now();
  const dueDate = nextDueDate(rule, current.dueDate ?? null, todayIn(context.zone, now));
  if (!dueDate) throw noNextDate();
  const at = new Date(now).toISOString();
  const { userId, taskId } = current;
  const nextId = newTaskId(now);
  const updatedBy = context.updatedBy ? { updatedBy: context.updatedBy } : {};
  const next = {
    userId,
    taskId: nextId,
    title: current.title,
    description: current.description,
    status: "todo" as const,
    priority: current.priority,
    tags: current.tags,
    dueDate,
    ...(current.dueTime ? { dueTime: current.dueTime } : {}),
    recurrence: rule,
    // A reminder at a fixed moment was for this occurrence; "before" ones move on.
    ...(current.reminders
      ? { reminders: current.reminders.filter((r) => r.before !== undefined) }
      : {}),
    ...placementOf(current, { taskId: nextId, status: "todo", dueSort: dueDate ?? UNDATED }),
    ...updatedBy,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  // The next one's reminders: its id is new, so none can be filed already.
  const reminders = context.recipient ? filings(next, context.recipient, context.zone, now) : [];
  const write = () =>
    service.transaction
      .write(({ task, reminder }) => [
        task
          .patch({ userId, taskId })
          .set({
            status: "done",
            nextTaskId: nextId,
            updatedAt: at,
            ...updatedBy,
            ...placementOf(current, {
              taskId,
              status: "done",
              dueSort: current.dueSort ?? UNDATED,
            }),
          })
          .remove(["recurrence", "recurrenceRule"])
          .add({ version: 1 })
          .where((stored, { eq }) => eq(stored.version, version))
          .commit(),
        task.create(next).commit(),
        ...reminders.map((filing) => reminder.create(filing).commit()),
      ])
      .go();
  for (let attempt = 1; ; attempt++) {
    let failure: unknown;
    try {
      if (!(await write()).canceled) break;
    } catch (error) {
      failure = error;
    }
    // Refused, or no answer (a timeout: it may have been written). Whether this or
    // another completion won, the task's version says.
    const stored = await readCurrent(userId, taskId).catch(() => undefined);
    if (!stored) throw failure ?? new VisibleError("unavailable", "Try again.");
    if (stored.version !== version) return replay(stored, version);
    // Transactions on one item at one moment may all be refused: none won yet, try
    // again after a short random wait. Any other failure is the caller's to retry.
    const contended =
      failure === undefined ||
      hasCause(failure, ["TransactionConflictException", "TransactionCanceledException"]);
    if (!contended || attempt >= MAX_ATTEMPTS) throw failure ?? conflict(version, stored.version);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * attempt));
  }
  // Read back strongly consistent: both are a moment old, and the derived fields
  // (the RRULE text, the search copies) are ElectroDB's to fill.
  const [done, created] = await Promise.all([
    readCurrent(userId, taskId),
    readCurrent(userId, nextId),
  ]);
  return { task: toTask(done), next: toTask(created) };
}

async function readCurrent(userId: string, taskId: string): Promise<TaskItem> {
  const { data } = await service.entities.task.get({ userId, taskId }).go({ consistent: true });
  if (!data) throw new VisibleError("not_found", "Task not found");
  return data;
}

/**
 * A completion at `version` of a task that is no longer at it: if the very next
 * version is that completion (done, with its next occurrence recorded), this is a
 * retry or a double click and gets the same answer; otherwise a conflict.
 */
async function replay(stored: TaskItem, version: number): Promise<Completion> {
  if (stored.version === version + 1 && stored.status === "done" && stored.nextTaskId) {
    return {
      task: toTask(stored),
      next: toTask(await readCurrent(stored.userId, stored.nextTaskId)),
    };
  }
  throw conflict(version, stored.version);
}

/**
 * "Skip this one": the task moves to the rule's next date, nothing is completed.
 * An ordinary update (the version checked), so it conflicts like any edit.
 */
export async function skip(
  current: TaskItem,
  input: OccurrenceInput,
  context: OccurrenceContext,
): Promise<Task> {
  const { version } = parseInput(OccurrenceInput, input);
  const rule = ruleOf(current);
  if (!rule) throw notRepeating();
  const today = todayIn(context.zone, context.now ?? Date.now());
  const dueDate = nextDueDate(rule, current.dueDate ?? null, today);
  if (!dueDate) throw noNextDate();
  // The task as the edge read it, so the update need not read it again (lists).
  const write = update as (
    userId: string,
    taskId: string,
    input: UpdateTaskInput,
    context?: WriteContext,
  ) => Promise<Task>;
  return write(
    current.userId,
    current.taskId,
    { version, dueDate },
    {
      current,
      ...(context.updatedBy ? { updatedBy: context.updatedBy } : {}),
      ...(context.recipient
        ? { reminders: { recipient: context.recipient, zone: context.zone } }
        : {}),
    },
  );
}
