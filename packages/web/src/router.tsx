/**
 * The app's routes (TanStack Router). The shell and this table are the entry chunk;
 * each screen loads on first use, with the API client, zod and TanStack Query.
 */
import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
} from "@tanstack/react-router";
import { NotFound } from "./screens/NotFound";
import { Shell } from "./screens/Shell";
import { parseSearch, shapeListSearch, shapeViewSearch, stringifySearch } from "./search";

const rootRoute = createRootRoute({ component: Shell, notFoundComponent: () => <NotFound /> });

export const listRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  validateSearch: shapeListSearch,
  component: lazyRouteComponent(() => import("./screens/TaskList"), "TaskListScreen"),
});

const todayRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/today",
  validateSearch: shapeViewSearch,
  component: lazyRouteComponent(() => import("./screens/Views"), "TodayScreen"),
});

const upcomingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/upcoming",
  validateSearch: shapeViewSearch,
  component: lazyRouteComponent(() => import("./screens/Views"), "UpcomingScreen"),
});

const allRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/all",
  validateSearch: shapeViewSearch,
  component: lazyRouteComponent(() => import("./screens/Views"), "AllScreen"),
});

const listOfTasksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/lists/$listId",
  validateSearch: shapeViewSearch,
  component: lazyRouteComponent(() => import("./screens/Views"), "ListScreen"),
});

const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/invitations/$token",
  component: lazyRouteComponent(() => import("./screens/Invitation"), "InvitationScreen"),
});

const newTaskRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/new",
  component: lazyRouteComponent(() => import("./screens/NewTask"), "NewTaskScreen"),
});

const taskRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/tasks/$taskId",
  component: lazyRouteComponent(() => import("./screens/TaskDetail"), "TaskDetailScreen"),
});

const settingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/settings",
  component: lazyRouteComponent(() => import("./screens/Settings"), "SettingsScreen"),
});

const callbackRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/callback",
  component: lazyRouteComponent(() => import("./screens/Callback"), "Callback"),
});

export const routeTree = rootRoute.addChildren([
  listRoute,
  todayRoute,
  upcomingRoute,
  allRoute,
  listOfTasksRoute,
  invitationRoute,
  newTaskRoute,
  taskRoute,
  settingsRoute,
  callbackRoute,
]);

export function makeRouter(
  options: { history?: Parameters<typeof createRouter>[0]["history"] } = {},
) {
  return createRouter({
    routeTree,
    parseSearch,
    stringifySearch,
    // Screens are few and small: fetch a screen's code when its link is pointed at.
    defaultPreload: "intent",
    ...options,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof makeRouter>;
  }
}
