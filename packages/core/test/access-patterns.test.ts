/** Each list access pattern returns the owner's tasks in the documented order. */
import * as Task from "@taskmanager/core/task";
import type { CreateTaskInput, Task as TaskRecord } from "@taskmanager/core/task/schema";
import { describe, expect, test } from "vitest";
import { byDueThenId, newestFirst, newUserId } from "./helpers";

async function seed(userId: string) {
  const specs: CreateTaskInput[] = [
    { title: "a", status: "todo", dueDate: "2030-05-01" },
    { title: "b", status: "done", dueDate: "2029-01-01" },
    { title: "c", status: "todo" },
    { title: "d", status: "in_progress", dueDate: "2030-05-01" },
    { title: "e", status: "todo", dueDate: "2028-12-31" },
    { title: "f", status: "done" },
    { title: "g", status: "todo", dueDate: "2030-05-01" },
  ];
  const created: TaskRecord[] = [];
  for (const spec of specs) created.push(await Task.create(userId, spec));
  return created;
}

describe("list access patterns", () => {
  test("all tasks, newest first (the default)", async () => {
    const userId = newUserId();
    const created = await seed(userId);
    const page = await Task.list(userId);
    expect(page.items.map((t) => t.title)).toEqual(["g", "f", "e", "d", "c", "b", "a"]);
    expect(page.items).toEqual([...created].sort(newestFirst));
    expect(page.cursor).toBeNull();
    expect(await Task.list(userId, { sort: "created" })).toEqual(page);
  });

  test("one status by due date, undated last", async () => {
    const userId = newUserId();
    await seed(userId);
    const page = await Task.list(userId, { status: "todo", sort: "due" });
    // e (2028) < a, g (2030-05-01, ties by creation) < c (undated)
    expect(page.items.map((t) => t.title)).toEqual(["e", "a", "g", "c"]);
    expect(page.items.every((t) => t.status === "todo")).toBe(true);
    const done = await Task.list(userId, { status: "done", sort: "due" });
    expect(done.items.map((t) => t.title)).toEqual(["b", "f"]);
  });

  test("all tasks by due date, undated last", async () => {
    const userId = newUserId();
    const created = await seed(userId);
    const page = await Task.list(userId, { sort: "due" });
    expect(page.items.map((t) => t.title)).toEqual(["e", "b", "a", "d", "g", "c", "f"]);
    expect(page.items).toEqual([...created].sort(byDueThenId));
  });

  test("one status, newest first", async () => {
    const userId = newUserId();
    await seed(userId);
    const page = await Task.list(userId, { status: "todo" });
    expect(page.items.map((t) => t.title)).toEqual(["g", "e", "c", "a"]);
    const inProgress = await Task.list(userId, { status: "in_progress", sort: "created" });
    expect(inProgress.items.map((t) => t.title)).toEqual(["d"]);
  });

  test("a person with no tasks gets an empty page", async () => {
    const page = await Task.list(newUserId());
    expect(page).toEqual({ items: [], cursor: null });
  });

  test("a status change moves the task between the status indexes", async () => {
    const userId = newUserId();
    const task = await Task.create(userId, { title: "moves", dueDate: "2031-01-01" });
    await Task.update(userId, task.taskId, { version: 1, status: "done" });
    expect((await Task.list(userId, { status: "todo" })).items).toEqual([]);
    expect((await Task.list(userId, { status: "todo", sort: "due" })).items).toEqual([]);
    const done = await Task.list(userId, { status: "done", sort: "due" });
    expect(done.items.map((t) => [t.taskId, t.status, t.version])).toEqual([
      [task.taskId, "done", 2],
    ]);
  });

  test("clearing the due date moves the task to the undated end", async () => {
    const userId = newUserId();
    const first = await Task.create(userId, { title: "first", dueDate: "2030-01-01" });
    const undated = await Task.create(userId, { title: "undated" });
    const later = await Task.create(userId, { title: "later", dueDate: "2030-06-01" });
    expect((await Task.list(userId, { sort: "due" })).items.map((t) => t.title)).toEqual([
      "first",
      "later",
      "undated",
    ]);

    const cleared = await Task.update(userId, first.taskId, { version: 1, dueDate: null });
    expect(cleared.dueDate).toBeNull();
    expect((await Task.get(userId, first.taskId)).dueDate).toBeNull();
    const order = (await Task.list(userId, { sort: "due" })).items.map((t) => t.taskId);
    // Undated tasks tie on the due key and fall back to creation order.
    expect(order).toEqual([later.taskId, first.taskId, undated.taskId]);
    const todo = (await Task.list(userId, { status: "todo", sort: "due" })).items;
    expect(todo.map((t) => t.taskId)).toEqual([later.taskId, first.taskId, undated.taskId]);

    // Setting it again brings it back among the dated ones.
    await Task.update(userId, first.taskId, { version: 2, dueDate: "2029-01-01" });
    const again = (await Task.list(userId, { sort: "due" })).items.map((t) => t.taskId);
    expect(again).toEqual([first.taskId, later.taskId, undated.taskId]);
  });
});
