import * as Attachment from "@taskmanager/core/attachment";
import { authedRoute } from "../http/handler";
import { taskIdParam } from "../http/request";
import { attachmentIdParam } from "./params";

export const handler = authedRoute(async ({ event, user }) => ({
  status: 200,
  body: await Attachment.complete(user.userId, taskIdParam(event), attachmentIdParam(event)),
}));
