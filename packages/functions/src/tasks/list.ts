import * as Task from "@taskmanager/core/task";
import { authedRoute } from "../http/handler";
import { taskRoutes } from "../routes/tasks";

export const handler = authedRoute(taskRoutes.list, async ({ query, user }) => ({
  status: 200,
  body: await Task.list(user.userId, query),
}));
