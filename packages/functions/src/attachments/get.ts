import * as Attachment from "@taskmanager/core/attachment";
import { authedRoute } from "../http/handler";
import { attachmentRoutes } from "../routes/attachments";

export const handler = authedRoute(attachmentRoutes.get, async ({ params, user }) => ({
  status: 200,
  body: await Attachment.get(user.userId, params.taskId, params.attachmentId),
}));
