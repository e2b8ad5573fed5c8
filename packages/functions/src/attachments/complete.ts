import * as Attachment from "@taskmanager/core/attachment";
import { authedRoute } from "../http/handler";
import { attachmentRoutes } from "../routes/attachments";

export const handler = authedRoute(attachmentRoutes.complete, async ({ params, user }) => ({
  status: 200,
  body: await Attachment.complete(user.userId, params.taskId, params.attachmentId),
}));
