import * as Attachment from "@taskmanager/core/attachment";
import { authedRoute } from "../http/handler";
import { attachmentRoutes } from "../routes/attachments";

export const handler = authedRoute(attachmentRoutes.get, async ({ params, grant }) => ({
  status: 200,
  body: await Attachment.get(grant.task.userId, params.taskId, params.attachmentId),
}));
