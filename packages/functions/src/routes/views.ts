/** The views across a person's lists: see `tasks.ts` for what an entry is. */
import { ViewPage, ViewQuery } from "@taskmanager/core/view/schema";
import { Auth, Tasks } from "../access";
import { handler, type RouteDefinition } from "./definition";

// Memberships (gsi9), then per list and status one Query on a due-order index.
const viewAccess = [Auth.verifyTokens, Tasks.query];

export const viewRoutes = {
  today: {
    method: "GET",
    path: "/views/today",
    handler: handler("views/today"),
    access: viewAccess,
    role: "self",
    summary:
      "Today across the caller's Inbox and lists: open tasks due `today` (the caller's date) or overdue",
    query: ViewQuery,
    queryExample: { today: "2026-12-24" },
    response: {
      status: 200,
      schema: ViewPage,
      description: "The tasks, by due date then creation.",
    },
  },
  upcoming: {
    method: "GET",
    path: "/views/upcoming",
    handler: handler("views/upcoming"),
    access: viewAccess,
    role: "self",
    summary: "Upcoming across the caller's Inbox and lists: tasks due from `today` for 7 days",
    query: ViewQuery,
    queryExample: { today: "2026-12-24" },
    response: {
      status: 200,
      schema: ViewPage,
      description: "The tasks, by due date (a day's tasks together) then creation.",
    },
  },
} as const satisfies Record<string, RouteDefinition>;
