import * as User from "@taskmanager/core/user";
import { authedRoute } from "../http/handler";
import { scheduleRoutes } from "../routes/schedule";

export const handler = authedRoute(scheduleRoutes.skip, async ({ body, user, grant }) => {
  // Loaded on first use (infra/function-bundle.ts: onDemandHandlers): rrule is 46 KiB.
  const [Recurrence, { scheduleReminders }] = await Promise.all([
    import("@taskmanager/core/recurrence"),
    import("../reminders/after-write"),
  ]);
  const zone = await User.timeZoneOf(user.email);
  const task = await Recurrence.skip(grant.task, body, { zone, updatedBy: user.email });
  await scheduleReminders(task, user, zone);
  return { status: 200, body: task };
});
