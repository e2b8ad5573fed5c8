import * as List from "@taskmanager/core/list";
import { authedRoute } from "../http/handler";
import { listRoutes } from "../routes/lists";

export const handler = authedRoute(listRoutes.get, async ({ user, grant }) => ({
  status: 200,
  body: await List.get(grant.listId, user.userId),
}));
