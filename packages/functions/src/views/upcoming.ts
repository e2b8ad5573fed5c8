import * as View from "@taskmanager/core/view";
import { authedRoute } from "../http/handler";
import { viewRoutes } from "../routes/views";

export const handler = authedRoute(viewRoutes.upcoming, async ({ query, user }) => ({
  status: 200,
  body: await View.upcoming(user.userId, await View.dated(user, query)),
}));
