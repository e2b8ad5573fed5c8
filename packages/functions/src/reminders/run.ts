/**
 * The one-minute job (reminders/job.ts): sends the reminders that are due, each
 * once. A run that could not send some throws after the rest are done, so Lambda
 * counts an error (the function's error alarm) and the next run retries them.
 */
import { Logger } from "@aws-lambda-powertools/logger";
import { roleOf } from "@taskmanager/core/membership";
import * as Reminder from "@taskmanager/core/reminder";
import type { TaskItem } from "@taskmanager/core/task";
import * as User from "@taskmanager/core/user";
import { sendReminder } from "./email";

const logger = new Logger({ serviceName: "taskmanager-reminders" });

/** The recipient may still see the task: its creator (Inbox), or a member of its list. */
export async function reach(task: TaskItem, recipientId: string): Promise<boolean> {
  if (!task.listId) return task.userId === recipientId;
  return (await roleOf(task.listId, recipientId)) !== undefined;
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

/** One run with the job's own mail, reach and zones; `now` for tests that choose the moment. */
export function runOnce(now?: number): Promise<Reminder.RunReport> {
  return Reminder.runDue({
    ...(now === undefined ? {} : { now }),
    send: sendReminder,
    reach,
    zoneOf: User.timeZoneOf,
    onError: (error, { minute, taskId, key }) =>
      logger.warn("reminder not sent", { minute, taskId, key, error }),
  });
}

export async function handler(): Promise<Reminder.RunReport> {
  const report = await runOnce();
  const { lateness, ...counts } = report;
  // A quiet minute is a debug line: `pnpm start` runs this every minute too.
  const log = report.read > 0 || report.failed > 0 ? logger.info : logger.debug;
  log.call(logger, "reminders", {
    ...counts,
    latenessP50Ms: percentile(lateness, 50),
    latenessP99Ms: percentile(lateness, 99),
  });
  if (report.failed > 0) throw new Error(`${report.failed} reminder(s) failed; retried next run`);
  return report;
}
