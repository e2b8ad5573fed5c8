/** Paging through 250 tasks: no duplicates, no gaps, order preserved, for every page size. */
import * as Task from "@taskmanager/core/task";
import {
  type CreateTaskInput,
  TASK_STATUSES,
  type Task as TaskRecord,
} from "@taskmanager/core/task/schema";
import { beforeAll, describe, expect, test } from "vitest";
import { byDueThenId, newestFirst, newUserId, pageThrough } from "./helpers";

const userId = newUserId("pager");
const all: TaskRecord[] = [];

beforeAll(async () => {
  const statuses = TASK_STATUSES;
  const inputs: CreateTaskInput[] = Array.from({ length: 250 }, (_, i) => ({
    title: `task ${i}`,
    status: statuses[i % 3],
    // Many ties on the due date and a share of undated tasks.
    dueDate: i % 4 === 0 ? null : `2030-0${(i % 9) + 1}-1${i % 7}`,
  }));
  for (let i = 0; i < inputs.length; i += 25) {
    all.push(...(await Promise.all(inputs.slice(i, i + 25).map((t) => Task.create(userId, t)))));
  }
});

describe.each([100, 25, 7])("limit %i", (limit) => {
  test.each([
    ["created", {}, newestFirst],
    ["due", { sort: "due" }, byDueThenId],
    ["status + created", { status: "in_progress" }, newestFirst],
    ["status + due", { status: "done", sort: "due" }, byDueThenId],
  ] as const)("%s", async (_, query, order) => {
    const expected = all
      .filter((t) => !("status" in query) || t.status === query.status)
      .sort(order)
      .map((t) => t.taskId);
    const { ids, pages } = await pageThrough(userId, query, limit);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expected);
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(expected.length / limit));
  });
});

test("all 250 exist and the default page is 25", async () => {
  expect(all).toHaveLength(250);
  const page = await Task.list(userId);
  expect(page.items).toHaveLength(25);
  expect(page.cursor).toEqual(expect.any(String));
});
