import * as Task from "@taskmanager/core/task";
import { authedRoute } from "../http/handler";
import { jsonBody, taskIdParam } from "../http/request";

export const handler = authedRoute(async ({ event, user }) => ({
  status: 200,
  body: await Task.update(user.userId, taskIdParam(event), jsonBody(event)),
}));
