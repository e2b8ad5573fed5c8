/**
 * Requests generated from the route table, so every route, including one added
 * tomorrow, is in the auth, isolation and envelope matrices without a test edit.
 * The only per-entity piece is `fixtures`: how to make a resource that a path
 * parameter names.
 */
import { ulid } from "ulid";
import { type RouteDefinition, routes } from "../../src/routes";
import { api, newPerson, type Person } from "../helpers/api";
import { sendFile, startUpload } from "../helpers/attachments";
import { createList, invite, join } from "../helpers/lists";

export type PathIds = Record<string, string>;

interface Fixture {
  /** Creates a resource owned by `person` (inside those `ids` already made) and returns its id. */
  create(person: Person, ids: PathIds): Promise<string>;
  /** A well-formed value that names nothing (a ULID unless said here). */
  absent?(): string;
}

/** One per path parameter name in the route table. */
export const fixtures: Record<string, Fixture> = {
  /** A list `person` owns. */
  listId: {
    create: (person) => createList(person, "owned by its creator"),
  },
  /** A task of `person`'s: in the list `ids.listId` when one is given, else in their Inbox. */
  taskId: {
    async create(person, { listId }) {
      const response = await api("/tasks", {
        method: "POST",
        token: person.token,
        body: {
          title: "owned by its creator",
          tags: ["fixture"],
          // Repeating, with a reminder: a task route's every path (completing an
          // occurrence, skipping one, filing reminders) runs, so its access is all seen.
          dueDate: "2030-01-07",
          recurrence: { freq: "weekly", byWeekday: ["MO"] },
          reminders: [{ before: 60 }],
          ...(listId ? { listId } : {}),
        },
      });
      if (response.status !== 201) throw new Error(`fixture task: ${response.text}`);
      return (response.json as { taskId: string }).taskId;
    },
  },
  /**
   * An attachment of the task whose file has been sent but not yet completed, so
   * every attachment route, completion included, has its full work to do.
   */
  attachmentId: {
    async create(person, { taskId }) {
      const bytes = new TextEncoder().encode("owned by its creator");
      const created = await startUpload(person, taskId as string, {
        filename: "fixture.txt",
        contentType: "text/plain",
        size: bytes.length,
      });
      const sent = await sendFile(created, bytes);
      if (sent.status !== 200) throw new Error(`fixture upload: ${sent.status}`);
      return created.attachment.attachmentId;
    },
  },
  /** Another person, an editor of `person`'s list. */
  memberId: {
    async create(person, { listId }) {
      return join(person, listId as string, await newPerson("fixture-member"), "editor");
    },
  },
  /** A pending invitation to `person`'s list. */
  invitationId: {
    async create(person, { listId }) {
      const response = await api(`/lists/${listId}/invitations`, {
        method: "POST",
        token: person.token,
        body: { email: `invitee-${ulid()}@example.com`, role: "viewer" },
      });
      if (response.status !== 201) throw new Error(`fixture invitation: ${response.text}`);
      return (response.json as { invitationId: string }).invitationId;
    },
  },
  /** An invitation sent to `person`, to someone else's list: the link's token. */
  token: {
    async create(person) {
      const inviter = await newPerson("fixture-inviter");
      return invite(inviter, await createList(inviter, "shared"), person.email, "editor");
    },
    absent: () => `${ulid()}.${ulid()}.${"A".repeat(43)}`,
  },
};

export const paramNames = (route: RouteDefinition) => Object.keys(route.params ?? {});

/** The route's path with its parameters filled in, and its example query if it has one. */
export function pathOf(route: RouteDefinition, ids: PathIds): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const id = ids[name];
    if (id === undefined) throw new Error(`${route.method} ${route.path}: no id for ${name}`);
    return encodeURIComponent(id);
  });
  if (!route.queryExample) return path;
  return `${path}${path.includes("?") ? "&" : "?"}${new URLSearchParams(route.queryExample)}`;
}

/** Well-formed ids that name nothing (ULIDs, like every id in this API). */
export const absentIds = (route: RouteDefinition): PathIds =>
  Object.fromEntries(paramNames(route).map((name) => [name, fixtures[name]?.absent?.() ?? ulid()]));

/**
 * Resources owned by `person` for each of the route's parameters, made in path
 * order; those `given` (a list to make the task in, say) are used as they are.
 */
export async function ownedIds(
  route: RouteDefinition,
  person: Person,
  given: PathIds = {},
): Promise<PathIds> {
  const ids: PathIds = { ...given };
  for (const name of paramNames(route)) {
    if (ids[name] !== undefined) continue;
    const fixture = fixtures[name];
    if (!fixture) throw new Error(`No test fixture makes a {${name}}: add one to route-cases.ts`);
    ids[name] = await fixture.create(person, ids);
  }
  return ids;
}

/**
 * A response body without what is fresh on every read: a signed URL (`url` with
 * its `expiresAt`) is signed anew each time, the resource it names being unchanged.
 */
export function stableBody(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(stableBody);
  if (typeof json !== "object" || json === null) return json;
  if ("url" in json && "expiresAt" in json) return "<signed url>";
  return Object.fromEntries(Object.entries(json).map(([key, value]) => [key, stableBody(value)]));
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
