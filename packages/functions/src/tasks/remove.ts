import * as Task from "@taskmanager/core/task";
import { authedRoute } from "../http/handler";
import { taskIdParam } from "../http/request";

export const handler = authedRoute(async ({ event, user }) => {
  await Task.remove(user.userId, taskIdParam(event));
  return { status: 204 };
});
