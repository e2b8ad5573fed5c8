import * as View from "@taskmanager/core/view";
import { authedRoute } from "../http/handler";
import { viewRoutes } from "../routes/views";

export const handler = authedRoute(viewRoutes.all, async ({ query, user }) => ({
  status: 200,
  body: await View.all(user.userId, query),
}));
