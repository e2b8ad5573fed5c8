import * as Attachment from "@taskmanager/core/attachment";
import { authedRoute } from "../http/handler";
import { jsonBody, taskIdParam } from "../http/request";

export const handler = authedRoute(async ({ event, user }) => ({
  status: 201,
  body: await Attachment.create(user.userId, taskIdParam(event), jsonBody(event)),
}));
