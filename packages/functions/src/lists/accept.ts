import * as Invitation from "@taskmanager/core/invitation";
import { authedRoute } from "../http/handler";
import { listRoutes } from "../routes/lists";

export const handler = authedRoute(listRoutes.accept, async ({ params, user }) => ({
  status: 200,
  body: await Invitation.accept(params.token, user),
}));
