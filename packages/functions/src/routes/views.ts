/** The views across a person's lists: see `tasks.ts` for what an entry is. */
import { TaskPage } from "@taskmanager/core/task/schema";
import { AllViewQuery, ViewPage, ViewQuery } from "@taskmanager/core/view/schema";
import { Auth, Tasks } from "../access";
import { handler, type RouteDefinition } from "./definition";

// The person's zone when no `today` is sent (GetItem of their User item), the
// memberships (gsi9), then per list and status one Query on a due-order index.
const viewAccess = [Auth.verifyTokens, Tasks.getItem, Tasks.query];

export const viewRoutes = {
  today: {
    method: "GET",
    path: "/views/today",
    handler: handler("views/today"),
    access: viewAccess,
    role: "self",
    summary:
      "Today across the caller's Inbox and lists: open tasks due `today` (else today in their zone) or overdue",
    query: ViewQuery,
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
    summary:
      "Upcoming across the caller's Inbox and lists: tasks due from `today` (else today in their zone) for 7 days",
    query: ViewQuery,
    response: {
      status: 200,
      schema: ViewPage,
      description: "The tasks, by due date (a day's tasks together) then creation.",
    },
  },
  all: {
    method: "GET",
    path: "/views/all",
    handler: handler("views/all"),
    // The memberships (gsi9), then per list (at most 50) and open status one Query on
    // a due-order index (one per list with `includeDone`).
    access: [Auth.verifyTokens, Tasks.query],
    role: "self",
    summary: "All across the caller's Inbox and lists, by due date then creation, paged",
    query: AllViewQuery,
    response: {
      status: 200,
      schema: TaskPage,
      description: "A page and the next one's cursor.",
    },
  },
} as const satisfies Record<string, RouteDefinition>;
