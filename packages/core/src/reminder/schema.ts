/**
 * A task's reminders, as the API and the web give them: at a moment, or a number
 * of minutes before the task is due. Pure zod, so the web bundle imports it.
 * A reminder has no id of its own: what it says is its identity (`reminderKey`),
 * so a task cannot hold the same reminder twice and a rewrite of the list keeps
 * the reminders that did not change.
 */
import * as z from "../zod";

const MINUTE_MS = 60_000;
/** Sent later than this after its time, a reminder is marked late. */
export const LATE_AFTER_MS = MINUTE_MS;
/**
 * After an outage the job reads back at most this far: reminders up to a day late
 * are still sent (marked late); older ones are dropped and expire with their item.
 */
export const CATCH_UP_MS = 24 * 60 * MINUTE_MS;
/** How long a run's claim on a reminder holds: one that died mid-send is retried after it. */
export const CLAIM_MS = 5 * MINUTE_MS;

/** At most a week before: "1 hour before" is `{ before: 60 }`, "at due time" `{ before: 0 }`. */
export const MAX_MINUTES_BEFORE = 7 * 24 * 60;
export const MAX_REMINDERS = 5;

export const RelativeReminder = z.strictObject({
  before: z.int().check(z.minimum(0), z.maximum(MAX_MINUTES_BEFORE)),
});
/** At a moment (UTC or with an offset), to the minute: seconds are dropped when it is scheduled. */
export const AbsoluteReminder = z.strictObject({ at: z.iso.datetime({ offset: true }) });
export const Reminder = z.union([RelativeReminder, AbsoluteReminder]);
export type Reminder = z.output<typeof Reminder>;

/** What a reminder is: "before:60", or "at:" and its moment in UTC, to the minute. */
export function reminderKey(reminder: Reminder): string {
  if ("before" in reminder) return `before:${reminder.before}`;
  return `at:${new Date(reminder.at).toISOString().slice(0, 16)}`;
}

export const Reminders = z.array(Reminder).check(
  z.maxLength(MAX_REMINDERS, `at most ${MAX_REMINDERS} reminders`),
  z.refine(
    (reminders) => new Set(reminders.map(reminderKey)).size === reminders.length,
    "reminders must be different from each other",
  ),
);

/** The time of day a reminder "before" an untimed task counts from, in the person's zone. */
export const UNTIMED_DUE_TIME = "09:00";

/** An in-app notice: a reminder that has been delivered, for the web app to show. */
export const ReminderNotice = z.object({
  taskId: z.string(),
  title: z.string(),
  /** When it was due to fire (UTC, to the minute). */
  fireAt: z.iso.datetime(),
  /** When it was sent. */
  sentAt: z.iso.datetime(),
  /** Sent more than LATE_AFTER_SECONDS after its time (after an outage, say). */
  late: z.boolean(),
});
export type ReminderNotice = z.output<typeof ReminderNotice>;

export const DueRemindersQuery = z.strictObject({
  /** Only notices sent after this moment (the last poll); without it, the last 24 hours. */
  since: z.optional(z.iso.datetime({ offset: true })),
});
export type DueRemindersQuery = z.input<typeof DueRemindersQuery>;

export const ReminderNotices = z.object({ items: z.array(ReminderNotice) });
