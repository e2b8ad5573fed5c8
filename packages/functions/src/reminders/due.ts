import * as Reminder from "@taskmanager/core/reminder";
import { authedRoute } from "../http/handler";
import { scheduleRoutes } from "../routes/schedule";

export const handler = authedRoute(scheduleRoutes.dueReminders, async ({ query, user }) => ({
  status: 200,
  body: { items: await Reminder.notices(user.userId, query) },
}));
