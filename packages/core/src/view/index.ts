/**
 * The views across a person's lists (Today, Upcoming) and the open-task counts of
 * the sidebar. Each reads a bounded number of Queries: per container (the Inbox,
 * then each list the person is in, at most MAX_LISTS_PER_PERSON) one Query per
 * status shown, on the due-order index, bounded by dates. docs/data-model.md has
 * the costs.
 */
import { FAN_OUT, mapLimit } from "../concurrency";
import { parseInput } from "../error";
import { OPEN_COUNT_CAP } from "../list/schema";
import * as Membership from "../membership";
import { LISTED_ATTRIBUTES, matchFilter, type TaskContainer, toTask } from "../task";
import { TaskEntity, type TaskItem } from "../task/entity";
import type { Task, TaskPage } from "../task/schema";
import { todayIn } from "../time/schema";
import { timeZoneOf } from "../user";
import { allPage } from "./all";
import {
  type AllViewQuery,
  UPCOMING_DAYS,
  VIEW_MAX_TASKS,
  type ViewPage,
  ViewQuery,
} from "./schema";

export type { AllViewQuery as AllQuery } from "./schema";

/** A view's query with the day it is read on settled. */
export type DatedViewQuery = ViewQuery & { today: string };

/**
 * The query with its `today`: the caller's own when they sent one (a client that
 * knows its clock), else today in the time zone the person set (one GetItem of
 * their User item), so Today follows the zone chosen in the settings.
 */
export async function dated(
  person: { email: string },
  input: ViewQuery,
  now: number = Date.now(),
): Promise<DatedViewQuery> {
  if (input.today) return { ...input, today: input.today };
  return { ...input, today: todayIn(await timeZoneOf(person.email), now) };
}

type Status = Task["status"];
const OPEN: readonly Status[] = ["todo", "in_progress"];

/** YYYY-MM-DD `days` after `date` (calendar arithmetic, in UTC so no day is 23 hours). */
export function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** The Inbox and every list the person is in: where their views read. */
export async function containersOf(userId: string): Promise<TaskContainer[]> {
  const memberships = await Membership.ofPerson(userId);
  return [{ userId }, ...memberships.map(({ listId }) => ({ listId }))];
}

/** A date window on the due-order index of a container and status: [from, before). */
function dueWindow(
  container: TaskContainer,
  status: Status,
  window: { from?: string; before: string },
) {
  const { query } = TaskEntity;
  if ("listId" in container) {
    const chain = query.byListStatusDue({ listId: container.listId, listStatus: status });
    return window.from
      ? chain.between({ listDue: window.from }, { listDue: window.before })
      : chain.lt({ listDue: window.before });
  }
  const chain = query.byStatusDue({ userId: container.userId, status });
  return window.from
    ? chain.between({ dueSort: window.from }, { dueSort: window.before })
    : chain.lt({ dueSort: window.before });
}

interface Window {
  status: Status;
  from?: string;
  before: string;
}

/** Every task of the windows in every container, filtered, by due date then creation. */
async function readView(
  userId: string,
  windows: Window[],
  match: { q?: string; tag?: string },
): Promise<ViewPage> {
  const containers = await containersOf(userId);
  const queries = containers.flatMap((container) =>
    windows.map((window) => ({ container, ...window })),
  );
  const reads = mapLimit(queries, FAN_OUT, async ({ container, status, from, before }) => {
    const chain = dueWindow(container, status, { ...(from ? { from } : {}), before });
    // `between` is inclusive: its upper bound is the first day not shown, which
    // sorts before that day's keys (they go on with the task id), so it is left out.
    const where = matchFilter(match, "userId" in container);
    const { data } = await (where ? chain.where(where) : chain).go({
      // One more than a view shows, so a cut is known; ElectroDB reads on until then.
      count: VIEW_MAX_TASKS + 1,
      pages: "all",
      attributes: LISTED_ATTRIBUTES,
    });
    return data as TaskItem[];
  });
  const seen = new Set<string>();
  const items = (await reads)
    .flat()
    .filter((item) => !seen.has(item.taskId) && seen.add(item.taskId))
    .sort(
      (a, b) =>
        (a.dueSort ?? "~").localeCompare(b.dueSort ?? "~") || a.taskId.localeCompare(b.taskId),
    );
  return {
    items: items.slice(0, VIEW_MAX_TASKS).map(toTask),
    truncated: items.length > VIEW_MAX_TASKS,
  };
}

/**
 * Today: open tasks due today or before (overdue), and with `includeDone`, the
 * tasks done that were due today (not every done task of the past).
 */
export function today(userId: string, input: DatedViewQuery): Promise<ViewPage> {
  const { includeDone, q, tag } = parseInput(ViewQuery, input);
  const day = input.today;
  const before = addDays(day, 1);
  const windows: Window[] = OPEN.map((status) => ({ status, before }));
  if (includeDone) windows.push({ status: "done", from: day, before });
  return readView(userId, windows, { ...(q ? { q } : {}), ...(tag ? { tag } : {}) });
}

/** Upcoming: tasks due today and the next six days (open ones, and done with `includeDone`). */
export function upcoming(userId: string, input: DatedViewQuery): Promise<ViewPage> {
  const { includeDone, q, tag } = parseInput(ViewQuery, input);
  const day = input.today;
  const before = addDays(day, UPCOMING_DAYS);
  const statuses: Status[] = includeDone ? [...OPEN, "done"] : [...OPEN];
  const windows = statuses.map((status) => ({ status, from: day, before }));
  return readView(userId, windows, { ...(q ? { q } : {}), ...(tag ? { tag } : {}) });
}

/**
 * All: every task of the person's Inbox and lists (open ones unless
 * `includeDone`), by due date then creation, a page at a time (see `all.ts`).
 */
export async function all(userId: string, input: AllViewQuery): Promise<TaskPage> {
  return allPage(await containersOf(userId), input);
}

/**
 * How many open tasks a container has, up to OPEN_COUNT_CAP: per open status, one
 * Query on the status index reading keys, paged until the cap.
 */
export async function countOpen(
  container: TaskContainer,
): Promise<{ openTasks: number; openTasksCapped: boolean }> {
  const { query } = TaskEntity;
  const counts = await Promise.all(
    OPEN.map(async (status) => {
      const chain =
        "listId" in container
          ? query.byListStatusCreated({ listId: container.listId, listStatus: status })
          : query.byStatusCreated({ userId: container.userId, status });
      const where = matchFilter({}, "userId" in container);
      const { data } = await (where ? chain.where(where) : chain).go({
        count: OPEN_COUNT_CAP + 1,
        pages: "all",
        attributes: ["taskId"],
      });
      return data.length;
    }),
  );
  const total = counts.reduce((sum, count) => sum + count, 0);
  return { openTasks: Math.min(total, OPEN_COUNT_CAP), openTasksCapped: total > OPEN_COUNT_CAP };
}
