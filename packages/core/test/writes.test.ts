/** Writes: version +1 on every write, optimistic concurrency, and per-owner isolation. */
import * as Task from "@taskmanager/core/task";
import {
  type CreateTaskInput,
  Task as TaskRecord,
  type UpdateTaskInput,
} from "@taskmanager/core/task/schema";
import { ulid } from "ulid";
import { describe, expect, test } from "vitest";
import { conflict, invalidInput, newUserId, notFound } from "./helpers";

describe("create", () => {
  test("fills defaults, starts at version 1 and is readable back", async () => {
    const userId = newUserId();
    const task = await Task.create(userId, { title: "  Buy milk  " });
    expect(TaskRecord.parse(task)).toEqual(task);
    expect(task).toMatchObject({
      userId,
      title: "Buy milk",
      description: "",
      status: "todo",
      priority: "medium",
      dueDate: null,
      tags: [],
      version: 1,
    });
    expect(task.createdAt).toBe(task.updatedAt);
    expect(await Task.get(userId, task.taskId)).toEqual(task);
  });

  test("keeps every given field", async () => {
    const userId = newUserId();
    const input: CreateTaskInput = {
      title: "Report",
      description: "Quarterly",
      status: "in_progress",
      priority: "high",
      dueDate: "2030-02-28",
      tags: ["work", "q1"],
    };
    const task = await Task.create(userId, input);
    expect(task).toMatchObject(input);
    expect(await Task.get(userId, task.taskId)).toEqual(task);
  });
});

describe("update", () => {
  test("version goes up by one on every write and updatedAt moves", async () => {
    const userId = newUserId();
    let task = await Task.create(userId, { title: "v" });
    const fields: Array<Omit<UpdateTaskInput, "version">> = [
      { title: "v2" },
      { status: "done" },
      { priority: "low" },
      { dueDate: "2030-01-01" },
      { dueDate: null },
      { tags: ["x"] },
      { description: "d" },
    ];
    for (const [i, change] of fields.entries()) {
      const next = await Task.update(userId, task.taskId, { version: task.version, ...change });
      expect(next.version).toBe(i + 2);
      expect(next.updatedAt >= task.updatedAt).toBe(true);
      expect(next.createdAt).toBe(task.createdAt);
      task = next;
    }
    expect(await Task.get(userId, task.taskId)).toEqual(task);
    expect(task).toMatchObject({
      title: "v2",
      status: "done",
      priority: "low",
      dueDate: null,
      tags: ["x"],
      description: "d",
      version: 8,
    });
  });

  test("a partial update leaves the other fields alone", async () => {
    const userId = newUserId();
    const task = await Task.create(userId, {
      title: "keep",
      description: "desc",
      dueDate: "2030-03-03",
      tags: ["a"],
    });
    const updated = await Task.update(userId, task.taskId, { version: 1, priority: "high" });
    expect(updated).toEqual({
      ...task,
      priority: "high",
      version: 2,
      updatedAt: updated.updatedAt,
    });
  });

  test("a stale version is a conflict and the newer write is kept", async () => {
    const userId = newUserId();
    const task = await Task.create(userId, { title: "original" });
    const first = await Task.update(userId, task.taskId, { version: 1, title: "first write" });
    await expect(
      Task.update(userId, task.taskId, { version: 1, title: "stale write" }),
    ).rejects.toMatchObject(conflict);
    await expect(
      Task.update(userId, task.taskId, { version: 5, title: "future version" }),
    ).rejects.toMatchObject(conflict);
    expect(await Task.get(userId, task.taskId)).toEqual(first);
  });

  test("two concurrent updates with the same version: exactly one wins", async () => {
    const userId = newUserId();
    const task = await Task.create(userId, { title: "race" });
    const results = await Promise.allSettled(
      ["left", "right", "third"].map((title) =>
        Task.update(userId, task.taskId, { version: 1, title }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(2);
    for (const r of lost) expect(r.reason).toMatchObject(conflict);
    const winner = (won[0] as PromiseFulfilledResult<TaskRecord>).value;
    expect(winner.version).toBe(2);
    expect(await Task.get(userId, task.taskId)).toEqual(winner);
  });

  test("updating a missing task is not found, not a conflict, and creates nothing", async () => {
    const userId = newUserId();
    const taskId = ulid();
    await expect(Task.update(userId, taskId, { version: 1, title: "x" })).rejects.toMatchObject(
      notFound,
    );
    await expect(Task.get(userId, taskId)).rejects.toMatchObject(notFound);
    expect((await Task.list(userId)).items).toEqual([]);
  });

  test("only the version is not an update", async () => {
    const userId = newUserId();
    const task = await Task.create(userId, { title: "x" });
    await expect(Task.update(userId, task.taskId, { version: 1 })).rejects.toMatchObject(
      invalidInput,
    );
    expect((await Task.get(userId, task.taskId)).version).toBe(1);
  });
});

describe("remove", () => {
  test("removes the task; a second remove is not found", async () => {
    const userId = newUserId();
    const task = await Task.create(userId, { title: "gone" });
    await Task.remove(userId, task.taskId);
    await expect(Task.get(userId, task.taskId)).rejects.toMatchObject(notFound);
    await expect(Task.remove(userId, task.taskId)).rejects.toMatchObject(notFound);
    expect((await Task.list(userId)).items).toEqual([]);
    expect((await Task.list(userId, { sort: "due" })).items).toEqual([]);
  });
});

describe("another person's task", () => {
  test("get, update and remove are all not found and change nothing", async () => {
    const owner = newUserId("owner");
    const other = newUserId("other");
    const task = await Task.create(owner, { title: "mine", dueDate: "2030-01-01" });
    await expect(Task.get(other, task.taskId)).rejects.toMatchObject(notFound);
    await expect(
      Task.update(other, task.taskId, { version: 1, title: "hijacked" }),
    ).rejects.toMatchObject(notFound);
    await expect(Task.remove(other, task.taskId)).rejects.toMatchObject(notFound);
    expect(await Task.get(owner, task.taskId)).toEqual(task);
    for (const sort of ["created", "due"] as const) {
      expect((await Task.list(other, { sort })).items).toEqual([]);
      expect((await Task.list(other, { sort, status: "todo" })).items).toEqual([]);
    }
  });
});
