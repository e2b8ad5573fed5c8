import * as Attachment from "@taskmanager/core/attachment";
import { authedRoute } from "../http/handler";
import { attachmentRoutes } from "../routes/attachments";

export const handler = authedRoute(attachmentRoutes.create, async ({ params, body, user }) => ({
  status: 201,
  body: await Attachment.create(user.userId, params.taskId, body),
}));
