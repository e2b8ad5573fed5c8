import * as Attachment from "@taskmanager/core/attachment";
import { authedRoute } from "../http/handler";
import { taskIdParam } from "../http/request";
import { attachmentIdParam } from "./params";

export const handler = authedRoute(async ({ event, user }) => {
  await Attachment.remove(user.userId, taskIdParam(event), attachmentIdParam(event));
  return { status: 204 };
});
