/**
 * The one-minute reminder job, as data: `infra/reminders.ts` gives it to an
 * `sst.aws.Cron` (its schedule, its grants), and the local stack runs the same
 * handler on the same schedule. docs/decisions.md says why a Cron over a
 * minute-bucketed index rather than one EventBridge schedule per reminder.
 */
import { AuthClients, AuthEmail, Tasks } from "../access";

export const reminderJob = {
  handler: "packages/functions/src/reminders/run.handler",
  /** Every minute: a reminder goes out within a minute of its time. */
  schedule: "rate(1 minute)",
  access: [
    // The clock, the minute's reminders (a Query on the table), each claim and
    // outcome, the task and the recipient's zone and membership, the notice.
    Tasks.getItem,
    Tasks.putItem,
    Tasks.updateItem,
    Tasks.queryCollection,
    AuthEmail.send,
    // The web app's origin, for the link to the task.
    AuthClients.read,
  ],
} as const;
