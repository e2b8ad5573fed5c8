import * as Task from "@taskmanager/core/task";
import { authedRoute } from "../http/handler";
import { taskRoutes } from "../routes/tasks";

export const handler = authedRoute(taskRoutes.remove, async ({ params, grant }) => {
  await Task.remove(grant.task.userId, params.taskId);
  return { status: 204 };
});
