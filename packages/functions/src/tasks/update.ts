import { VisibleError } from "@taskmanager/core/error";
import * as Task from "@taskmanager/core/task";
import * as User from "@taskmanager/core/user";
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
  // A task that will have reminders is written with them, in one transaction, for
  // the writer in their zone (one read); a task without any costs nothing more.
  const reminders = (body.reminders ?? task.reminders)?.length
    ? { recipient: user, zone: await User.timeZoneOf(user.email) }
    : undefined;
  const updated = await Task.update(task.userId, params.taskId, body, {
    current: task,
    updatedBy: user.email,
    ...(reminders ? { reminders } : {}),
  });
  return { status: 200, body: updated };
});
