import * as Task from "@taskmanager/core/task";
import { authedRoute } from "../http/handler";
import { jsonBody } from "../http/request";
import { countTaskCreated } from "../metrics";

export const handler = authedRoute(async ({ event, user }) => {
  const task = await Task.create(user.userId, jsonBody(event));
  countTaskCreated();
  return { status: 201, body: task };
});
