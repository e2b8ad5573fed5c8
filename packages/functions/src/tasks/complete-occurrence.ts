/**
 * Marking a repeating task done (PATCH status "done"): the occurrence is completed
 * and the next one created, with its reminders, in one transaction
 * (core/recurrence). A retried request is answered with what the first did.
 */
import type { UserSubject } from "@taskmanager/core/auth/schema";
import { VisibleError } from "@taskmanager/core/error";
import type * as RecurrenceModule from "@taskmanager/core/recurrence";
import type { Task } from "@taskmanager/core/task/schema";
import * as User from "@taskmanager/core/user";

/** The task as stored (what the edge read). */
type TaskItem = Parameters<typeof RecurrenceModule.complete>[0];

/**
 * Whether a PATCH is the completion of a repeating task's occurrence (or a retry
 * of one: the task is done and records the occurrence its completion made).
 */
export function isOccurrenceCompletion(task: TaskItem, body: { status?: string | undefined }) {
  return (
    body.status === "done" &&
    (task.recurrence !== undefined || (task.status === "done" && task.nextTaskId !== undefined))
  );
}

export async function completeOccurrence(
  task: TaskItem,
  body: { version: number } & Record<string, unknown>,
  user: UserSubject,
): Promise<Task> {
  const others = Object.keys(body).filter((field) => field !== "version" && field !== "status");
  if (others.length > 0) {
    throw new VisibleError(
      "validation_failed",
      "Completing a repeating task takes only its version and status: change other fields in a request of their own.",
      others.map((path) => ({ path, message: "not allowed when completing a repeating task" })),
    );
  }
  // Loaded on first use (infra/function-bundle.ts: onDemandHandlers): rrule is 46 KiB.
  const Recurrence = await import("@taskmanager/core/recurrence");
  const zone = await User.timeZoneOf(user.email);
  // The next occurrence's reminders are filed in the completion's transaction.
  const { task: done } = await Recurrence.complete(
    task,
    { version: body.version },
    { zone, updatedBy: user.email, recipient: user },
  );
  return done;
}
