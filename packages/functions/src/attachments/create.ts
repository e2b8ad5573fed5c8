import * as Attachment from "@taskmanager/core/attachment";
import { authedRoute } from "../http/handler";
import { attachmentRoutes } from "../routes/attachments";

export const handler = authedRoute(attachmentRoutes.create, async ({ params, body, grant }) => ({
  status: 201,
  body: await Attachment.create(grant.task.userId, params.taskId, body),
}));
