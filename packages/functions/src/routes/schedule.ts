/**
 * Time zone, repeating tasks and reminders (issue 20): the person's settings, "skip
 * this one", and the in-app notices the web app polls. Completing a repeating task
 * is the ordinary PATCH of its status (routes/tasks.ts); stopping it is a PATCH of
 * `recurrence: null`.
 */
import { OccurrenceInput } from "@taskmanager/core/recurrence/schema";
import { DueRemindersQuery, ReminderNotices } from "@taskmanager/core/reminder/schema";
import { Task } from "@taskmanager/core/task/schema";
import { UpdateSettingsInput, UserSettings } from "@taskmanager/core/user/schema";
import { Auth, Tasks } from "../access";
import { handler, type RouteDefinition } from "./definition";
import { grantAccess, taskParams } from "./params";

export const scheduleRoutes = {
  getSettings: {
    method: "GET",
    path: "/me/settings",
    handler: handler("settings/get"),
    access: [Auth.verifyTokens, Tasks.getItem],
    role: "self",
    summary: "The caller's settings (time zone, quick add's locale, daily digest hour)",
    response: { status: 200, schema: UserSettings, description: "The settings." },
  },
  updateSettings: {
    method: "PATCH",
    path: "/me/settings",
    handler: handler("settings/update"),
    // The settings, then the next digest at a new hour or zone (create-only PutItem).
    access: [Auth.verifyTokens, Tasks.updateItem, Tasks.putItem],
    role: "self",
    summary:
      "Set any of the caller's settings: the time zone (an IANA name) that Today, Overdue, due times and reminders follow, the locale quick add reads dates in, and the digest hour (null: no digest)",
    body: { schema: UpdateSettingsInput, example: { timeZone: "Europe/Paris", digestHour: 8 } },
    response: { status: 200, schema: UserSettings, description: "The settings as now stored." },
  },
  skip: {
    method: "POST",
    path: "/tasks/{taskId}/skip",
    handler: handler("tasks/skip"),
    // The task (the edge), the person's zone, the write, the reminders of the new date.
    access: [Auth.verifyTokens, ...grantAccess.task, Tasks.updateItem, Tasks.putItem],
    role: { member: "editor", of: "task" },
    summary:
      "Skip this occurrence of a repeating task: it moves to the rule's next date, nothing is completed",
    params: taskParams,
    body: { schema: OccurrenceInput, example: { version: 1 } },
    response: { status: 200, schema: Task, description: "The task, due on its next date." },
    errors: ["not_found", "forbidden", "conflict"],
  },
  dueReminders: {
    method: "GET",
    path: "/reminders/due",
    handler: handler("reminders/due"),
    access: [Auth.verifyTokens, Tasks.queryCollection],
    role: "self",
    summary: "The caller's reminders delivered since `since` (default: the last day), newest first",
    query: DueRemindersQuery,
    response: {
      status: 200,
      schema: ReminderNotices,
      description: "At most 50 notices, for the web app to show.",
    },
  },
} as const satisfies Record<string, RouteDefinition>;
