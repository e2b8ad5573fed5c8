import * as Attachment from "@taskmanager/core/attachment";
import { authedRoute } from "../http/handler";
import { attachmentRoutes } from "../routes/attachments";

export const handler = authedRoute(attachmentRoutes.list, async ({ params, grant }) => ({
  status: 200,
  body: await Attachment.list(grant.task.userId, params.taskId),
}));
