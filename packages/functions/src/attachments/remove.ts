import * as Attachment from "@taskmanager/core/attachment";
import { authedRoute } from "../http/handler";
import { attachmentRoutes } from "../routes/attachments";

export const handler = authedRoute(attachmentRoutes.remove, async ({ params, grant }) => {
  await Attachment.remove(grant.task.userId, params.taskId, params.attachmentId);
  return { status: 204 };
});
