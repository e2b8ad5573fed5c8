import * as Invitation from "@taskmanager/core/invitation";
import { authedRoute } from "../http/handler";
import { listRoutes } from "../routes/lists";

export const handler = authedRoute(listRoutes.revoke, async ({ params, grant }) => {
  await Invitation.revoke(grant.listId, params.invitationId);
  return { status: 204 };
});
