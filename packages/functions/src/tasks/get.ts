import * as Task from "@taskmanager/core/task";
import { authedRoute } from "../http/handler";
import { taskIdParam } from "../http/request";

export const handler = authedRoute(async ({ event, user }) => ({
  status: 200,
  body: await Task.get(user.userId, taskIdParam(event)),
}));
