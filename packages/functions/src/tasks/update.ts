import * as Task from "@taskmanager/core/task";
import { authedRoute } from "../http/handler";
import { taskRoutes } from "../routes/tasks";

export const handler = authedRoute(taskRoutes.update, async ({ params, body, user }) => ({
  status: 200,
  body: await Task.update(user.userId, params.taskId, body),
}));
