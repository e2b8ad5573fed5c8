import * as Task from "@taskmanager/core/task";
import { authedRoute } from "../http/handler";
import { taskRoutes } from "../routes/tasks";

// The edge found the task to decide access: that read is the answer.
export const handler = authedRoute(taskRoutes.get, async ({ grant }) => ({
  status: 200,
  body: Task.toTask(grant.task),
}));
