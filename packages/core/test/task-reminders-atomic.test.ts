/**
 * A task and its reminders are written together or not at all: when filing the
 * reminders fails, the task is not stored (or not changed) either, so the caller's
 * retry makes exactly one task, or applies at the same version, and the reminder
 * is filed. Filing again on a later write never re-arms one already sent.
 */
import * as Task from "@taskmanager/core/task";
import { afterEach, expect, test } from "vitest";
import { ReminderEntity } from "../src/reminder/entity";
import { entityAttribute } from "../src/table";
import { dynamoClient } from "../src/table/client";
import { TaskEntity } from "../src/task/entity";
import { conflict, newUserId } from "./helpers";

const FAULT = "refuse-reminder-writes";
/** An item of the reminder entity, as ElectroDB marks it, marshalled or not. */
const carriesReminder = new RegExp(`"${entityAttribute}":(\\{"S":)?"reminder"`);
/** Any write that carries a reminder item fails, as DynamoDB failing mid-request. */
function refuseReminderWrites() {
  dynamoClient.middlewareStack.add(
    (next) => (args) => {
      if (carriesReminder.test(JSON.stringify(args.input))) {
        throw Object.assign(new Error("Service unavailable"), { name: "ServiceUnavailable" });
      }
      return next(args);
    },
    { step: "initialize", name: FAULT },
  );
}
afterEach(() => {
  dynamoClient.middlewareStack.remove(FAULT);
});

const NOW = Date.parse("2030-05-01T10:00:00Z");
const context = (userId: string) => ({
  reminders: { recipient: { userId, email: "r@example.com" }, zone: "UTC", now: NOW },
});
const input = { title: "Call the bank", dueDate: "2030-05-01", dueTime: "12:00" };
const filedAt = async (minute: string, userId: string) =>
  (await ReminderEntity.query.byMinute({ minute }).go()).data.filter((r) => r.ownerId === userId);
const tasksOf = async (userId: string) =>
  (await TaskEntity.query.byCreated({ userId }).go()).data.map((t) => t.taskId);

test("a create whose reminders cannot be filed stores nothing; the retry stores one task and its reminder", async () => {
  const userId = newUserId("atomic");
  refuseReminderWrites();
  await expect(
    Task.create(userId, { ...input, reminders: [{ before: 60 }] }, context(userId)),
  ).rejects.toThrow();
  expect(await tasksOf(userId)).toEqual([]);
  dynamoClient.middlewareStack.remove(FAULT);

  const task = await Task.create(
    userId,
    { ...input, reminders: [{ before: 60 }] },
    context(userId),
  );
  expect(await tasksOf(userId)).toEqual([task.taskId]);
  expect(task.reminders).toEqual([{ before: 60 }]);
  expect((await filedAt("2030-05-01T11:00", userId)).map((r) => r.taskId)).toEqual([task.taskId]);
});

test("an update adding a reminder that cannot be filed changes nothing; the same version then applies", async () => {
  const userId = newUserId("atomic");
  const task = await Task.create(userId, input, context(userId));
  refuseReminderWrites();
  const change = {
    version: task.version,
    title: "Call the bank today",
    reminders: [{ before: 30 }],
  };
  await expect(Task.update(userId, task.taskId, change, context(userId))).rejects.toThrow();
  expect(await Task.get(userId, task.taskId)).toMatchObject({ title: input.title, version: 1 });
  dynamoClient.middlewareStack.remove(FAULT);

  const updated = await Task.update(userId, task.taskId, change, context(userId));
  expect(updated).toMatchObject({ title: "Call the bank today", version: 2 });
  expect((await filedAt("2030-05-01T11:30", userId)).map((r) => r.taskId)).toEqual([task.taskId]);
});

test("a later write files what is new and leaves a sent reminder as it is", async () => {
  const userId = newUserId("atomic");
  const task = await Task.create(
    userId,
    { ...input, reminders: [{ before: 60 }] },
    context(userId),
  );
  const key = {
    minute: "2030-05-01T11:00",
    ownerId: userId,
    taskId: task.taskId,
    key: "before:60",
  };
  await ReminderEntity.patch(key).set({ sentAt: "2030-05-01T11:00:02.000Z", outcome: "sent" }).go();

  const updated = await Task.update(
    userId,
    task.taskId,
    { version: task.version, reminders: [{ before: 60 }, { before: 0 }] },
    context(userId),
  );
  expect(updated.version).toBe(2);
  expect((await ReminderEntity.get(key).go()).data?.sentAt).toBe("2030-05-01T11:00:02.000Z");
  expect((await filedAt("2030-05-01T12:00", userId)).map((r) => r.key)).toEqual(["before:0"]);
  // A stale version is still a conflict, with or without reminders to file.
  await expect(
    Task.update(userId, task.taskId, { version: 1, title: "late" }, context(userId)),
  ).rejects.toMatchObject(conflict);
});
