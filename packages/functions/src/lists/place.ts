import * as Membership from "@taskmanager/core/membership";
import { authedRoute } from "../http/handler";
import { listRoutes } from "../routes/lists";

export const handler = authedRoute(listRoutes.place, async ({ body, user, grant }) => {
  await Membership.place(grant.listId, user.userId, body);
  return { status: 204 };
});
