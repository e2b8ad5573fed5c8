import { digestJob } from "../packages/functions/src/digests/job";
import { accessArgs } from "./access";
import { mailTargets } from "./auth";
import { DIGEST_JOB_TIMEOUT_SECONDS } from "./constants";
import { table, tasksLink } from "./table";

/**
 * The daily digest's one-minute job (docs/decisions.md: a Cron of its own beside
 * the reminders', so a slow digest run never delays a reminder): EventBridge
 * Scheduler runs the same handler the local stack runs each minute, with exactly
 * the grants `digestJob.access` names: the table's items and indexes (the Today
 * view), and mail from the issuer's own sender. Runs may overlap or be retried:
 * each person's day is claimed with a condition.
 */
export const digestCron = new sst.aws.CronV2("Digests", {
  schedule: digestJob.schedule,
  retries: 2,
  function: {
    handler: digestJob.handler,
    timeout: `${DIGEST_JOB_TIMEOUT_SECONDS} seconds`,
    ...accessArgs(digestJob.access, {
      Tasks: {
        link: tasksLink,
        arns: { resource: [table.arn], indexes: [$interpolate`${table.arn}/index/*`] },
      },
      ...mailTargets,
    }),
  },
});
