/** `Task.pages`: every task of one person, page by page, in the list's orders, by Query. */
import * as Task from "@taskmanager/core/task";
import {
  TASK_STATUSES,
  type TaskPagesQuery,
  type Task as TaskRecord,
} from "@taskmanager/core/task/schema";
import { beforeAll, describe, expect, test } from "vitest";
import { byDueThenId, invalidInput, newestFirst, newUserId } from "./helpers";

const userId = newUserId("pages");
const all: TaskRecord[] = [];

beforeAll(async () => {
  // Ten at a time: DynamoDB Local serialises writes, and a busy machine stalls a burst.
  for (let i = 0; i < 90; i += 10) {
    const batch = Array.from({ length: 10 }, (_, j) =>
      Task.create(userId, {
        title: `task ${i + j}`,
        status: TASK_STATUSES[(i + j) % 3],
        dueDate: (i + j) % 4 === 0 ? null : `2031-0${((i + j) % 9) + 1}-15`,
      }),
    );
    all.push(...(await Promise.all(batch)));
  }
  // Someone else's tasks share the table and the indexes.
  await Task.create(newUserId("other"), { title: "not mine", status: "todo" });
});

async function collect(input: TaskPagesQuery, pageSize: number, owner = userId) {
  const sizes: number[] = [];
  const tasks: TaskRecord[] = [];
  for await (const page of Task.pages(owner, input, { pageSize })) {
    sizes.push(page.length);
    tasks.push(...page);
  }
  return { sizes, tasks };
}

describe("Task.pages", () => {
  test("yields every task once, newest first, in pages of the size asked for", async () => {
    const { sizes, tasks } = await collect({}, 40);
    expect(sizes).toEqual([40, 40, 10]);
    expect(tasks.map((t) => t.taskId)).toEqual([...all].sort(newestFirst).map((t) => t.taskId));
    expect(tasks).toEqual([...all].sort(newestFirst));
  });

  test.each(TASK_STATUSES)("limited to status %s, in due-date order", async (status) => {
    const { tasks } = await collect({ status, sort: "due" }, 7);
    const expected = all.filter((t) => t.status === status).sort(byDueThenId);
    expect(tasks.map((t) => t.taskId)).toEqual(expected.map((t) => t.taskId));
  });

  test("by due date over every status", async () => {
    const { tasks } = await collect({ sort: "due" }, 25);
    expect(tasks.map((t) => t.taskId)).toEqual([...all].sort(byDueThenId).map((t) => t.taskId));
  });

  test("starts with a small page, so the first bytes do not wait for a large one", async () => {
    const sizes: number[] = [];
    for await (const page of Task.pages(userId, {}, { firstPageSize: 5, pageSize: 50 })) {
      sizes.push(page.length);
    }
    expect(sizes).toEqual([5, 50, 35]);
    // By default the first page is EXPORT_FIRST_PAGE_SIZE (100): all 90 here.
    const defaults: number[] = [];
    for await (const page of Task.pages(userId, {})) defaults.push(page.length);
    expect(defaults).toEqual([90]);
  });

  test("a person with no tasks gets one empty page", async () => {
    const pages = [];
    for await (const page of Task.pages(newUserId("empty"), {})) pages.push(page);
    expect(pages).toEqual([[]]);
  });

  test("refuses filters the list does not know", async () => {
    await expect(collect({ status: "someday" } as never, 10)).rejects.toMatchObject(invalidInput);
    await expect(collect({ format: "csv" } as never, 10)).rejects.toMatchObject(invalidInput);
  });

  test("refuses a search or tag the list would refuse", async () => {
    await expect(collect({ q: "   " }, 10)).rejects.toMatchObject(invalidInput);
    await expect(collect({ tag: "x".repeat(33) }, 10)).rejects.toMatchObject(invalidInput);
  });

  test("stopping early is clean (the page read ahead is dropped)", async () => {
    let seen = 0;
    for await (const page of Task.pages(userId, {}, { pageSize: 10 })) {
      seen += page.length;
      if (seen >= 20) break;
    }
    expect(seen).toBe(20);
  });
});

describe("Task.pages with the list's search and tag", () => {
  const searcher = newUserId("pages-search");
  const mine: TaskRecord[] = [];

  beforeAll(async () => {
    // 30 tasks: every fifth mentions the café (in some case), every third is tagged work.
    for (let i = 0; i < 30; i++) {
      mine.push(
        await Task.create(searcher, {
          title: i % 5 === 0 ? `Meet at the ${i % 2 ? "CAFÉ" : "Café"} ${i}` : `task ${i}`,
          description: i === 7 ? "bring the café receipts" : "",
          tags: i % 3 === 0 ? ["work"] : ["home"],
          status: i % 2 ? "done" : "todo",
          dueDate: `2031-01-${String((i % 28) + 1).padStart(2, "0")}`,
        }),
      );
    }
  });

  /** What the list returns for the same query, every page of it. */
  async function listed(query: TaskPagesQuery) {
    const tasks: TaskRecord[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof Task.list>> = await Task.list(searcher, {
        ...query,
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      tasks.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    return tasks;
  }

  test.each<TaskPagesQuery>([
    { q: "cafe\u0301" },
    { q: "  café " },
    { q: "CAFÉ", sort: "due" },
    { tag: "work" },
    { tag: " work ", status: "done" },
    { q: "café", tag: "work", sort: "due" },
  ])("%o: exactly the list's tasks, in its order, read on through the partition", async (query) => {
    const pageSize = 4;
    const { sizes, tasks } = await collect(query, pageSize, searcher);
    const expected = await listed(query);
    expect(expected.length).toBeGreaterThan(0);
    expect(tasks).toEqual(expected);
    // Each request reads at most a page of items: memory stays a page, however few match,
    // and the paging goes on to the end of the partition (30 tasks in pages of 4).
    expect(sizes.every((size) => size <= pageSize)).toBe(true);
    const read = query.status ? 15 : 30;
    expect(sizes).toHaveLength(Math.ceil(read / pageSize) + (read % pageSize === 0 ? 1 : 0));
  });

  test("the search folds case and accents' composition as the list does", async () => {
    const { tasks } = await collect({ q: "CAFÉ" }, 100, searcher);
    expect(tasks.map((t) => t.title).sort()).toEqual(
      mine
        .filter((t) => /café/i.test(t.title) || t.description.includes("café"))
        .map((t) => t.title)
        .sort(),
    );
  });
});
