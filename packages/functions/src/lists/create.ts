import * as List from "@taskmanager/core/list";
import { authedRoute } from "../http/handler";
import { listRoutes } from "../routes/lists";

export const handler = authedRoute(listRoutes.create, async ({ body, user }) => ({
  status: 201,
  body: await List.create(user, body),
}));
