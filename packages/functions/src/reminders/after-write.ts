/**
 * After a handler writes a task: file its reminders (core/reminder `schedule`) for
 * the person who wrote it, in their time zone. Only a task with reminders costs the
 * zone's read and the puts; a write of any other task costs nothing here.
 */

import type { UserSubject } from "@taskmanager/core/auth/schema";
import * as Reminder from "@taskmanager/core/reminder";
import type { Task } from "@taskmanager/core/task/schema";
import * as User from "@taskmanager/core/user";

export async function scheduleReminders(task: Task, user: UserSubject, zone?: string) {
  if (!task.reminders?.length || task.status === "done") return;
  await Reminder.schedule(
    task,
    { userId: user.userId, email: user.email },
    zone ?? (await User.timeZoneOf(user.email)),
  );
}
