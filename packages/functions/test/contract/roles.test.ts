/**
 * The role matrix, generated from the route table: for every route about a list or
 * a task in one, each kind of caller gets exactly the status its `role` documents.
 * - owner, editor, viewer: the route's success at or above its role, else 403;
 * - a removed member and a stranger: 404, with the very body a list or task that
 *   does not exist gets, so nothing tells them it exists.
 * Every refusal is the plain envelope: no resource in the body, no extra header.
 */
import type { Role } from "@taskmanager/core/list/schema";
import { roleAtLeast } from "@taskmanager/core/list/schema";
import { beforeAll, describe, expect, test } from "vitest";
import type { RouteDefinition } from "../../src/routes";
import { routes } from "../../src/routes";
import { type ApiResponse, api, expectError, newPerson, type Person } from "../helpers/api";
import { createList, join } from "../helpers/lists";
import { absentIds, callRoute, label, ownedIds, type PathIds } from "./route-cases";

type Caller = "owner" | "editor" | "viewer" | "removed" | "stranger";
/**
 * In this order, so that a route that ends the list or a membership (delete,
 * leave) is refused to the others before the owner's call succeeds.
 */
const CALLERS: Caller[] = ["stranger", "removed", "viewer", "editor", "owner"];

/** Routes that end the list or the caller's membership get a team of their own. */
const endsTheTeam = (route: RouteDefinition) =>
  route.method === "DELETE" && (route.path === "/lists/{listId}" || route.path.endsWith("/me"));

/** Routes whose role is a membership of the path's list, or of the list of the path's task. */
const memberRoutes = routes.filter(
  (route) => typeof route.role === "object" && route.role.of !== "target",
);

interface Team {
  people: Record<Caller, Person>;
  listId: string;
}

/** A list owned by `owner` with an editor, a viewer and a member who was removed. */
async function team(): Promise<Team> {
  const [owner, editor, viewer, removed, stranger] = await Promise.all(
    CALLERS.map((caller) => newPerson(`roles-${caller}`)),
  );
  const people = { owner, editor, viewer, removed, stranger } as Record<Caller, Person>;
  const listId = await createList(people.owner, "shared");
  await join(people.owner, listId, people.editor, "editor");
  await join(people.owner, listId, people.viewer, "viewer");
  const removedId = await join(people.owner, listId, people.removed, "editor");
  const removal = await api(`/lists/${listId}/members/${removedId}`, {
    method: "DELETE",
    token: people.owner.token,
  });
  expect(removal.status, removal.text).toBe(204);
  return { people, listId };
}

function expected(route: RouteDefinition, caller: Caller): number {
  if (caller === "removed" || caller === "stranger") return 404;
  const needed = (route.role as { member: Role }).member;
  return roleAtLeast(caller, needed) ? route.response.status : 403;
}

/** The response without what differs between two requests for different ids. */
const stripped = (response: ApiResponse) => ({
  status: response.status,
  headers: [...response.headers.keys()].filter((name) => name !== "date").sort(),
  body: response.json,
});

let shared: Team;
beforeAll(async () => {
  shared = await team();
}, 120_000);

describe.each(memberRoutes.map((route) => [label(route), route] as const))("%s", (_, route) => {
  let mine: Team | undefined;
  beforeAll(async () => {
    if (endsTheTeam(route)) mine = await team();
  }, 120_000);

  test.each(CALLERS)("%s gets the documented status", async (caller) => {
    const { people, listId } = mine ?? shared;
    // Fresh resources in the shared list for every call: a success may consume them.
    // (A member's route acts on another member, never on the owner themselves.)
    const ids: PathIds = await ownedIds(route, people.owner, { listId });
    const response = await callRoute(route, ids, { token: people[caller].token });
    const status = expected(route, caller);
    expect(response.status, `${caller}: ${response.text}`).toBe(status);
    if (status === 404) {
      // Exactly what an id that names nothing gets: the list's existence does not leak.
      const absent = await callRoute(
        route,
        { ...absentIds(route), ...pickAbsent(route, ids) },
        {
          token: people[caller].token,
        },
      );
      expect(stripped(response)).toEqual(stripped(absent));
    }
    if (status === 403) {
      const error = expectError(response, 403, "forbidden");
      expect(JSON.stringify(error)).not.toContain(listId);
    }
  });
});

/**
 * For the 404 comparison: the route's ids with the first one (the list, or the task
 * a task's route is about) replaced by one that names nothing, the others kept.
 */
function pickAbsent(route: RouteDefinition, ids: PathIds): PathIds {
  const absent = absentIds(route);
  const [first, ...rest] = Object.keys(absent);
  return Object.fromEntries([
    [first as string, absent[first as string] as string],
    ...rest.map((name) => [name, ids[name] as string]),
  ]);
}

test("a removed member's next request is refused, with no cached grant", async () => {
  const owner = await newPerson("roles-now-owner");
  const member = await newPerson("roles-now-member");
  const listId = await createList(owner, "briefly shared");
  const memberId = await join(owner, listId, member, "editor");
  const created = await api("/tasks", {
    method: "POST",
    token: owner.token,
    body: { title: "shared", listId },
  });
  const { taskId } = created.json as { taskId: string };
  expect((await api(`/tasks/${taskId}`, { token: member.token })).status).toBe(200);
  const removed = await api(`/lists/${listId}/members/${memberId}`, {
    method: "DELETE",
    token: owner.token,
  });
  expect(removed.status).toBe(204);
  expectError(await api(`/tasks/${taskId}`, { token: member.token }), 404, "not_found");
  expectError(await api(`/tasks?listId=${listId}`, { token: member.token }), 404, "not_found");
  const lists = await api("/lists", { token: member.token });
  expect((lists.json as { items: unknown[] }).items).toEqual([]);
});

test.each(CALLERS)(
  "routes about a target list: %s creating a task in it and reading its page",
  async (caller) => {
    const { people, listId } = shared;
    const token = people[caller].token;
    const writes = { owner: 201, editor: 201, viewer: 403, removed: 404, stranger: 404 };
    const reads = { owner: 200, editor: 200, viewer: 200, removed: 404, stranger: 404 };
    const created = await api("/tasks", {
      method: "POST",
      token,
      body: { title: "by a caller", listId },
    });
    expect(created.status, created.text).toBe(writes[caller]);
    const page = await api(`/tasks?listId=${listId}`, { token });
    expect(page.status, page.text).toBe(reads[caller]);
    if (reads[caller] === 404) expect(page.text).not.toContain("by a caller");
  },
);
