import * as Task from "@taskmanager/core/task";
import { authedRoute } from "../http/handler";
import { countTaskCreated } from "../metrics";
import { taskRoutes } from "../routes/tasks";

export const handler = authedRoute(taskRoutes.create, async ({ body, user }) => {
  const task = await Task.create(user.userId, body);
  countTaskCreated();
  return { status: 201, body: task };
});
