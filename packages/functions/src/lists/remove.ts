import * as List from "@taskmanager/core/list";
import { authedRoute } from "../http/handler";
import { listRoutes } from "../routes/lists";

export const handler = authedRoute(listRoutes.remove, async ({ query, grant }) => {
  await List.remove(grant.listId, query);
  return { status: 204 };
});
