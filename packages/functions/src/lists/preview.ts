import * as Invitation from "@taskmanager/core/invitation";
import { authedRoute } from "../http/handler";
import { listRoutes } from "../routes/lists";

export const handler = authedRoute(listRoutes.preview, async ({ params, user }) => ({
  status: 200,
  body: await Invitation.preview(params.token, user),
}));
