import * as List from "@taskmanager/core/list";
import { authedRoute } from "../http/handler";
import { listRoutes } from "../routes/lists";

export const handler = authedRoute(listRoutes.list, async ({ user }) => ({
  status: 200,
  body: await List.ofPerson(user.userId),
}));
