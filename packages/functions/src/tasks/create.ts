import * as Task from "@taskmanager/core/task";
import { authedRoute } from "../http/handler";
import { countTaskCreated } from "../metrics";
import { scheduleReminders } from "../reminders/after-write";
import { taskRoutes } from "../routes/tasks";

// In the caller's partition whatever its list: the edge has checked they may write there.
export const handler = authedRoute(taskRoutes.create, async ({ body, user }) => {
  const task = await Task.create(user.userId, body, { updatedBy: user.email });
  countTaskCreated();
  await scheduleReminders(task, user);
  return { status: 201, body: task };
});
