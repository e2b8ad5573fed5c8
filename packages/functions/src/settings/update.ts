import * as User from "@taskmanager/core/user";
import { authedRoute } from "../http/handler";
import { scheduleRoutes } from "../routes/schedule";

export const handler = authedRoute(scheduleRoutes.updateSettings, async ({ body, user }) => ({
  status: 200,
  body: await User.updateSettings(user.email, body),
}));
