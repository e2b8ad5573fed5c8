import * as User from "@taskmanager/core/user";
import { authedRoute } from "../http/handler";
import { scheduleRoutes } from "../routes/schedule";

export const handler = authedRoute(scheduleRoutes.skip, async ({ body, user, grant }) => {
  // Loaded on first use (infra/function-bundle.ts: onDemandHandlers): rrule is 46 KiB.
  const Recurrence = await import("@taskmanager/core/recurrence");
  const zone = await User.timeZoneOf(user.email);
  // The moved task's reminders are filed in the same transaction as the move.
  const task = await Recurrence.skip(grant.task, body, {
    zone,
    updatedBy: user.email,
    recipient: user,
  });
  return { status: 200, body: task };
});
