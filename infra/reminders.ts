import { reminderJob } from "../packages/functions/src/reminders/job";
import { accessArgs } from "./access";
import { mailTargets } from "./auth";
import { REMINDER_JOB_TIMEOUT_SECONDS } from "./constants";
import { table, tasksLink } from "./table";

/**
 * The one-minute reminder job (docs/decisions.md: a Cron over a minute-bucketed
 * index, not a schedule per reminder): EventBridge Scheduler runs the same handler
 * the local stack runs each minute, with exactly the grants `reminderJob.access`
 * names: the table's items (no index), and mail from the issuer's own sender.
 * Runs may overlap or be retried: each reminder is claimed with a condition.
 */
export const reminderCron = new sst.aws.CronV2("Reminders", {
  schedule: reminderJob.schedule,
  retries: 2,
  function: {
    handler: reminderJob.handler,
    timeout: `${REMINDER_JOB_TIMEOUT_SECONDS} seconds`,
    ...accessArgs(reminderJob.access, {
      Tasks: { link: tasksLink, arns: { resource: [table.arn] } },
      ...mailTargets,
    }),
  },
});
