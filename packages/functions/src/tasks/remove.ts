import * as Task from "@taskmanager/core/task";
import { authedRoute } from "../http/handler";
import { taskRoutes } from "../routes/tasks";

export const handler = authedRoute(taskRoutes.remove, async ({ params, user }) => {
  await Task.remove(user.userId, params.taskId);
  return { status: 204 };
});
