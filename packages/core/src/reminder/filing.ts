/**
 * Which reminder items a write of a task files: one under the UTC minute each of its
 * reminders fires in, for the person who will get it. Pure and small, so a task's
 * write can put them in the same transaction as the task itself (task/index.ts):
 * a task is never stored without the reminders it asks for, nor the reverse.
 */
import { instantOf } from "../time/schema";
import { type Reminder, reminderKey, UNTIMED_DUE_TIME } from "./schema";

const MINUTE = 60_000;
/** Reminder and notice items expire (TTL) this long after their time. */
export const KEEP_MS = 8 * 24 * 60 * MINUTE;

/** The UTC minute of an instant, "YYYY-MM-DDTHH:MM": a reminder's partition. */
export const minuteOf = (instant: number) => new Date(instant).toISOString().slice(0, 16);

/** Who a reminder is for. */
export interface Recipient {
  userId: string;
  email: string;
}

/** What a task's reminders are computed from (a stored task or the API's). */
export interface Scheduled {
  dueDate?: string | null | undefined;
  dueTime?: string | undefined;
  status: string;
  reminders?: Array<{ before?: number; at?: string }> | undefined;
}

/** When each of a task's reminders fires (whole minutes, epoch ms), its due time read in `zone`. */
export function firings(task: Scheduled, zone: string): Array<{ key: string; fireAt: number }> {
  const result: Array<{ key: string; fireAt: number }> = [];
  for (const stored of task.reminders ?? []) {
    const reminder = stored as Reminder;
    if ("before" in reminder) {
      // Relative to the due moment; an undated task has none, so it never fires.
      if (!task.dueDate) continue;
      const due = instantOf({ date: task.dueDate, time: task.dueTime ?? UNTIMED_DUE_TIME }, zone);
      result.push({ key: reminderKey(reminder), fireAt: due - reminder.before * MINUTE });
    } else {
      const at = Date.parse(reminder.at);
      result.push({ key: reminderKey(reminder), fireAt: at - (at % MINUTE) });
    }
  }
  return result;
}

/** A reminder item as filed (ReminderEntity's attributes). */
export interface ReminderFiling {
  minute: string;
  ownerId: string;
  taskId: string;
  key: string;
  recipientId: string;
  recipientEmail: string;
  expiresAt: number;
}

/**
 * The items for a task's reminders still to come (from a minute ago on: the job
 * reads the minute before its own again); none for a done task.
 */
export function filings(
  task: Scheduled & { userId: string; taskId: string },
  recipient: Recipient,
  zone: string,
  now: number = Date.now(),
): ReminderFiling[] {
  if (task.status === "done") return [];
  return firings(task, zone)
    .filter(({ fireAt }) => fireAt >= now - MINUTE)
    .map(({ key, fireAt }) => ({
      minute: minuteOf(fireAt),
      ownerId: task.userId,
      taskId: task.taskId,
      key,
      recipientId: recipient.userId,
      recipientEmail: recipient.email,
      expiresAt: Math.floor((fireAt + KEEP_MS) / 1000),
    }));
}
