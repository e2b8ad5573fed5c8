import * as Invitation from "@taskmanager/core/invitation";
import { authedRoute } from "../http/handler";
import { listRoutes } from "../routes/lists";

export const handler = authedRoute(listRoutes.invitations, async ({ grant }) => ({
  status: 200,
  body: { items: await Invitation.pending(grant.listId) },
}));
