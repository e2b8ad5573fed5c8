import * as List from "@taskmanager/core/list";
import { authedRoute } from "../http/handler";
import { listRoutes } from "../routes/lists";

export const handler = authedRoute(listRoutes.update, async ({ body, user, grant }) => ({
  status: 200,
  body: await List.rename(grant.listId, body, user.userId),
}));
