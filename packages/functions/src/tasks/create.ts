import * as Task from "@taskmanager/core/task";
import * as User from "@taskmanager/core/user";
import { authedRoute } from "../http/handler";
import { countTaskCreated } from "../metrics";
import { taskRoutes } from "../routes/tasks";

// In the caller's partition whatever its list: the edge has checked they may write there.
export const handler = authedRoute(taskRoutes.create, async ({ body, user }) => {
  // A task with reminders is stored with them, for its writer, in their zone (one read).
  const reminders = body.reminders?.length
    ? { recipient: user, zone: await User.timeZoneOf(user.email) }
    : undefined;
  const task = await Task.create(user.userId, body, {
    updatedBy: user.email,
    ...(reminders ? { reminders } : {}),
  });
  countTaskCreated();
  return { status: 201, body: task };
});
