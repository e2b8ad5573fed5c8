import * as Task from "@taskmanager/core/task";
import { authedRoute } from "../http/handler";
import { queryParams } from "../http/request";

export const handler = authedRoute(async ({ event, user }) => ({
  status: 200,
  body: await Task.list(user.userId, queryParams(event)),
}));
