import * as Task from "@taskmanager/core/task";
import { authedRoute } from "../http/handler";
import { jsonBody } from "../http/request";

export const handler = authedRoute(async ({ event, user }) => ({
  status: 201,
  body: await Task.create(user.userId, jsonBody(event)),
}));
