import * as Membership from "@taskmanager/core/membership";
import { authedRoute } from "../http/handler";
import { listRoutes } from "../routes/lists";

export const handler = authedRoute(listRoutes.removeMember, async ({ params, grant }) => {
  await Membership.remove(grant.listId, params.memberId);
  return { status: 204 };
});
