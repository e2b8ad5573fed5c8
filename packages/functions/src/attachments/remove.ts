import * as Attachment from "@taskmanager/core/attachment";
import { authedRoute } from "../http/handler";
import { attachmentIdParam, taskIdParam } from "../http/request";

export const handler = authedRoute(async ({ event, user }) => {
  await Attachment.remove(user.userId, taskIdParam(event), attachmentIdParam(event));
  return { status: 204 };
});
