/**
 * Requests generated from the route table, so every route, including one added
 * tomorrow, is in the auth, isolation and envelope matrices without a test edit.
 * The only per-entity piece is `fixtures`: how to make a resource that a path
 * parameter names.
 */
import { ulid } from "ulid";
import { type RouteDefinition, routes } from "../src/routes";
import { api, type Person } from "./helpers";

export type PathIds = Record<string, string>;

interface Fixture {
  /** Creates a resource owned by `person` (inside those `ids` already made) and returns its id. */
  create(person: Person, ids: PathIds): Promise<string>;
}

/** One per path parameter name in the route table. */
export const fixtures: Record<string, Fixture> = {
  taskId: {
    async create(person) {
      const response = await api("/tasks", {
        method: "POST",
        token: person.token,
        body: { title: "owned by its creator", tags: ["fixture"] },
      });
      if (response.status !== 201) throw new Error(`fixture task: ${response.text}`);
      return (response.json as { taskId: string }).taskId;
    },
  },
};

export const paramNames = (route: RouteDefinition) => Object.keys(route.params ?? {});

/** The route's path with its parameters filled in. */
export function pathOf(route: RouteDefinition, ids: PathIds): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const id = ids[name];
    if (id === undefined) throw new Error(`${route.method} ${route.path}: no id for ${name}`);
    return encodeURIComponent(id);
  });
}

/** Well-formed ids that name nothing (ULIDs, like every id in this API). */
export const absentIds = (route: RouteDefinition): PathIds =>
  Object.fromEntries(paramNames(route).map((name) => [name, ulid()]));

/** Resources owned by `person` for each of the route's parameters, made in path order. */
export async function ownedIds(route: RouteDefinition, person: Person): Promise<PathIds> {
  const ids: PathIds = {};
  for (const name of paramNames(route)) {
    const fixture = fixtures[name];
    if (!fixture) throw new Error(`No test fixture makes a {${name}}: add one to route-cases.ts`);
    ids[name] = await fixture.create(person, ids);
  }
  return ids;
}

export const label = (route: RouteDefinition) => `${route.method} ${route.path}`;

/** The route called with `ids` and its example body, as `person` (or with `headers`). */
export function callRoute(
  route: RouteDefinition,
  ids: PathIds,
  init: { token?: string; headers?: Record<string, string>; body?: unknown } = {},
) {
  return api(pathOf(route, ids), {
    method: route.method,
    ...(init.token ? { token: init.token } : {}),
    ...(init.headers ? { headers: init.headers } : {}),
    body: "body" in init ? init.body : route.body?.example,
  });
}

export const protectedRoutes = routes.filter((route) => !route.public);
/** Routes that address one resource by its id. */
export const resourceRoutes = protectedRoutes.filter((route) => paramNames(route).length > 0);
export const routesWithBody = protectedRoutes.filter((route) => route.body);
export const routesWithQuery = protectedRoutes.filter((route) => route.query);
