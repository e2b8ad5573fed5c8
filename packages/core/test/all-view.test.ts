/**
 * The All view's cost and order in core: a fixed number of Queries a page (the
 * memberships, then one per list and open status, or one per list with
 * includeDone), whatever the tasks; and paging at any size gives every readable task
 * once, by due date then creation, with filters that make sources stop short.
 */
import * as List from "@taskmanager/core/list";
import * as Task from "@taskmanager/core/task";
import type { Task as TaskRecord } from "@taskmanager/core/task/schema";
import * as View from "@taskmanager/core/view";
import { ulid } from "ulid";
import { expect, test } from "vitest";
import { countRequests } from "./helpers";

const LISTS = 3;

async function personWithLists() {
  const me = { userId: ulid(), email: `all-view-${ulid()}@example.com` };
  const lists: string[] = [];
  for (let i = 0; i < LISTS; i++) lists.push((await List.create(me, { name: `L${i}` })).listId);
  return { me, lists };
}

async function everyPage(userId: string, query: View.AllQuery) {
  const seen: TaskRecord[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 500; page++) {
    const result: { items: TaskRecord[]; cursor: string | null } = await View.all(userId, {
      ...query,
      ...(cursor ? { cursor } : {}),
    });
    seen.push(...result.items);
    cursor = result.cursor;
    if (!cursor) return seen;
  }
  throw new Error("the pages did not end");
}

test("a page of All is 1 + 2 x (lists + 1) Queries, 1 + (lists + 1) with includeDone, however many tasks", async () => {
  const { me, lists } = await personWithLists();
  for (let i = 0; i < 30; i++) {
    await Task.create(me.userId, {
      title: `t${i}`,
      ...(i % 2 ? { listId: lists[i % LISTS] } : {}),
    });
  }
  for (const limit of [1, 25, 100]) {
    expect((await countRequests(() => View.all(me.userId, { limit }))).requests).toBe(
      1 + 2 * (LISTS + 1),
    );
    expect(
      (await countRequests(() => View.all(me.userId, { limit, includeDone: true }))).requests,
    ).toBe(1 + (LISTS + 1));
    expect((await countRequests(() => View.all(me.userId, { limit, q: "t1" }))).requests).toBe(
      1 + 2 * (LISTS + 1),
    );
  }
});

test("paging All at any size gives every task once, by due date then creation", async () => {
  const { me, lists } = await personWithLists();
  // A fixed pseudo-random mix: containers, statuses, dates (some shared, some none), tags.
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  const created: TaskRecord[] = [];
  for (let i = 0; i < 80; i++) {
    const where = next(LISTS + 1);
    const day = next(6);
    created.push(
      await Task.create(me.userId, {
        title: `task ${i}`,
        status: (["todo", "in_progress", "done"] as const)[next(3)],
        ...(day ? { dueDate: `2031-05-0${day}` } : {}),
        ...(next(3) === 0 ? { tags: ["pick"] } : {}),
        ...(where < LISTS ? { listId: lists[where] } : {}),
      }),
    );
  }
  // Code-unit order, as DynamoDB's keys sort (localeCompare would put "~" first).
  const key = (task: TaskRecord) => `${task.dueDate ?? "~"}#${task.taskId}`;
  const order = (tasks: TaskRecord[]) =>
    [...tasks].sort((a, b) => (key(a) < key(b) ? -1 : 1)).map((task) => task.taskId);
  const open = created.filter((task) => task.status !== "done");
  for (const limit of [1, 3, 7, 100]) {
    expect(
      (await everyPage(me.userId, { limit })).map((t) => t.taskId),
      `${limit}`,
    ).toEqual(order(open));
    expect((await everyPage(me.userId, { limit, includeDone: true })).map((t) => t.taskId)).toEqual(
      order(created),
    );
    expect((await everyPage(me.userId, { limit, tag: "pick" })).map((t) => t.taskId)).toEqual(
      order(open.filter((task) => task.tags.includes("pick"))),
    );
  }
});
