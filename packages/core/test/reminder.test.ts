/** Reminder times in a person's zone, and filing them: create-only, so a rewrite never re-arms one. */
import * as Reminder from "@taskmanager/core/reminder";
import { Reminders } from "@taskmanager/core/reminder/schema";
import * as Task from "@taskmanager/core/task";
import { expect, test } from "vitest";
import { ReminderEntity } from "../src/reminder/entity";
import { newUserId } from "./helpers";

test("a reminder fires at its moment, or its minutes before the due time read in the zone", () => {
  const task = {
    status: "todo",
    dueDate: "2026-03-29",
    dueTime: "09:00",
    reminders: [{ before: 60 }, { before: 0 }, { at: "2026-03-28T18:30:45+01:00" }],
  };
  // Paris changes to summer time that morning: 09:00 is 07:00 UTC, not 08:00.
  expect(
    Reminder.firings(task, "Europe/Paris").map((f) => [f.key, new Date(f.fireAt).toISOString()]),
  ).toEqual([
    ["before:60", "2026-03-29T06:00:00.000Z"],
    ["before:0", "2026-03-29T07:00:00.000Z"],
    ["at:2026-03-28T17:30", "2026-03-28T17:30:00.000Z"],
  ]);
  // Untimed: counted from 09:00; undated: a relative reminder never fires.
  expect(
    Reminder.firings({ ...task, dueTime: undefined, reminders: [{ before: 30 }] }, "UTC"),
  ).toEqual([{ key: "before:30", fireAt: Date.parse("2026-03-29T08:30:00Z") }]);
  expect(Reminder.firings({ ...task, dueDate: null, reminders: [{ before: 30 }] }, "UTC")).toEqual(
    [],
  );
});

test("the reminder list refuses duplicates and more than five", () => {
  expect(Reminders.safeParse([{ before: 60 }, { before: 60 }]).success).toBe(false);
  expect(
    Reminders.safeParse([{ at: "2026-01-01T10:00:00Z" }, { at: "2026-01-01T11:00:00+01:00" }])
      .success,
  ).toBe(false);
  expect(Reminders.safeParse([0, 1, 2, 3, 4, 5].map((before) => ({ before }))).success).toBe(false);
  expect(Reminders.safeParse([{ before: -1 }]).success).toBe(false);
});

test("filing is create-only and skips past reminders: a sent reminder is never re-armed by a rewrite", async () => {
  const userId = newUserId("remind");
  const now = Date.parse("2030-05-01T10:00:20Z");
  const task = await Task.create(userId, {
    title: "x",
    dueDate: "2030-05-01",
    dueTime: "12:00",
    reminders: [{ before: 60 }, { before: 120 }],
  });
  const recipient = { userId, email: "x@example.com" };
  // 10:00 (120 min before) is 20 s ago: still filed; 11:00 is ahead.
  expect(await Reminder.schedule(task, recipient, "UTC", now)).toBe(2);
  expect(await Reminder.schedule(task, recipient, "UTC", now)).toBe(0);
  const key = {
    minute: "2030-05-01T11:00",
    ownerId: userId,
    taskId: task.taskId,
    key: "before:60",
  };
  await ReminderEntity.patch(key).set({ sentAt: "2030-05-01T11:00:01.000Z", outcome: "sent" }).go();
  await Reminder.schedule(task, recipient, "UTC", now);
  expect((await ReminderEntity.get(key).go()).data?.sentAt).toBe("2030-05-01T11:00:01.000Z");
  // Two minutes later the 10:00 one is past and not filed again.
  expect(
    await Reminder.schedule({ ...task, taskId: `${task.taskId}` }, recipient, "UTC", now + 120_000),
  ).toBe(0);
});
