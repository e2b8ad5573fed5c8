import * as Membership from "@taskmanager/core/membership";
import { authedRoute } from "../http/handler";
import { listRoutes } from "../routes/lists";

export const handler = authedRoute(listRoutes.setRole, async ({ params, body, grant }) => ({
  status: 200,
  body: await Membership.setRole(grant.listId, params.memberId, body),
}));
