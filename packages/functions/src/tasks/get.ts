import * as Task from "@taskmanager/core/task";
import { authedRoute } from "../http/handler";
import { taskRoutes } from "../routes/tasks";

export const handler = authedRoute(taskRoutes.get, async ({ params, user }) => ({
  status: 200,
  body: await Task.get(user.userId, params.taskId),
}));
