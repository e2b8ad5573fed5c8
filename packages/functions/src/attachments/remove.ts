import * as Attachment from "@taskmanager/core/attachment";
import { authedRoute } from "../http/handler";
import { attachmentRoutes } from "../routes/attachments";

export const handler = authedRoute(attachmentRoutes.remove, async ({ params, user }) => {
  await Attachment.remove(user.userId, params.taskId, params.attachmentId);
  return { status: 204 };
});
