import { VisibleError } from "@taskmanager/core/error";
import * as Task from "@taskmanager/core/task";
import { requireMember } from "../http/grant";
import { authedRoute } from "../http/handler";
import { taskRoutes } from "../routes/tasks";
import { completeOccurrence, isOccurrenceCompletion } from "./complete-occurrence";

export const handler = authedRoute(taskRoutes.update, async ({ params, body, user, grant }) => {
  const { task } = grant;
  if (body.listId === null && task.listId && task.userId !== user.userId) {
    // An Inbox is its owner's alone: a listed task goes back to its creator's only by them.
    throw new VisibleError("forbidden", "Only the task's creator can move it to their Inbox.");
  }
  // A move into another list: the caller must be able to write there too.
  if (body.listId && body.listId !== task.listId) await requireMember(body.listId, user, "editor");
  if (isOccurrenceCompletion(task, body)) {
    return { status: 200, body: await completeOccurrence(task, body, user) };
  }
  const updated = await Task.update(task.userId, params.taskId, body, {
    current: task,
    updatedBy: user.email,
  });
  // A changed due date, time or reminder list files the reminders anew (that code
  // loads on first use: infra/function-bundle.ts, onDemandHandlers).
  if (updated.reminders?.length) {
    const { scheduleReminders } = await import("../reminders/after-write");
    await scheduleReminders(updated, user);
  }
  return { status: 200, body: updated };
});
