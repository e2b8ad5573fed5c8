import * as Membership from "@taskmanager/core/membership";
import { authedRoute } from "../http/handler";
import { listRoutes } from "../routes/lists";

export const handler = authedRoute(listRoutes.members, async ({ grant }) => ({
  status: 200,
  body: { items: (await Membership.ofList(grant.listId)).map(Membership.toMember) },
}));
