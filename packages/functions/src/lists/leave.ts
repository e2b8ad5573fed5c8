import * as List from "@taskmanager/core/list";
import { authedRoute } from "../http/handler";
import { listRoutes } from "../routes/lists";

export const handler = authedRoute(listRoutes.leave, async ({ user, grant }) => {
  await List.leave(grant.listId, user.userId);
  return { status: 204 };
});
