import * as User from "@taskmanager/core/user";
import { authedRoute } from "../http/handler";
import { scheduleRoutes } from "../routes/schedule";

export const handler = authedRoute(scheduleRoutes.getSettings, async ({ user }) => ({
  status: 200,
  body: await User.settings(user.email),
}));
