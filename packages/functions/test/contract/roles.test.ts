/**
 * The role matrix, generated from the route table and the export's Function URL:
 * every route, for an owner, an editor, a viewer, a removed member and a stranger
 * of a shared list, gets exactly the status its `role` documents.
 * - about a list, a task in one, or a target list (`listId` in the body or query):
 *   the route's success at or above its role, else 403; a removed member and a
 *   stranger 404, with the very answer a list or task that does not exist gets;
 * - `"self"`: each caller's own things, the success; a removed member and a stranger
 *   find nothing of the shared list in it;
 * - `"anyone"`: the success.
 * No refusal names the list, its tasks or its members, in its body or its headers.
 * A route whose role this file does not know fails here (`expectationOf`).
 */
import type { Role } from "@taskmanager/core/list/schema";
import { roleAtLeast } from "@taskmanager/core/list/schema";
import { joinUrl } from "@taskmanager/core/url/schema";
import { ulid } from "ulid";
import { beforeAll, describe, expect, test } from "vitest";
import { exportFunction, type RouteDefinition, routes } from "../../src/routes";
import { api, expectError, newPerson, type Person, stack } from "../helpers/api";
import { createList, join } from "../helpers/lists";
import { absentIds, callRoute, label, ownedIds, type PathIds, pathOf } from "./route-cases";

type Caller = "owner" | "editor" | "viewer" | "removed" | "stranger";
/**
 * In this order, so that a route that ends the list or a membership (delete,
 * leave) is refused to the others before the owner's call succeeds.
 */
const CALLERS: Caller[] = ["stranger", "removed", "viewer", "editor", "owner"];

/** The export's Function URL as a route of the matrix: `GET /` with its own role. */
const EXPORT_LABEL = "GET <export url>/";
const exportRoute: RouteDefinition = {
  method: "GET",
  path: "/",
  handler: exportFunction.handler,
  access: exportFunction.access,
  role: exportFunction.role,
  summary: exportFunction.summary,
  query: exportFunction.query,
  response: { status: 200, description: "the file" },
};
const matrix: Array<[string, RouteDefinition]> = [
  ...routes.map((route) => [label(route), route] as [string, RouteDefinition]),
  [EXPORT_LABEL, exportRoute],
];

/** Routes that end the list or the caller's membership get a team of their own. */
const endsTheTeam = (route: RouteDefinition) =>
  route.method === "DELETE" && (route.path === "/lists/{listId}" || route.path.endsWith("/me"));

type Expectation = "member" | "target" | "self" | "anyone";
/** What a route's role documents; a role this matrix does not know fails the run. */
function expectationOf(route: RouteDefinition): Expectation {
  const role = route.role;
  if (role === "anyone" || role === "self") return role;
  if (role.of === "list" || role.of === "task") return "member";
  if (role.of === "target") return "target";
  throw new Error(`${label(route)}: no case for role ${JSON.stringify(role)}`);
}

interface Team {
  people: Record<Caller, Person>;
  listId: string;
  /** What nobody outside the list may read anywhere: its id, name, a task, the members. */
  secrets: string[];
  /** The secret task's title (overdue in every zone, so Today and All show it). */
  title: string;
}

/**
 * A list owned by `owner` with an editor, a viewer and a member who was removed,
 * and (unless it is to be deleted or left: an empty list) a task.
 */
async function team(withTask = true): Promise<Team> {
  const [stranger, removed, viewer, editor, owner] = await Promise.all(
    CALLERS.map((caller) => newPerson(`roles-${caller}`)),
  );
  const people = { owner, editor, viewer, removed, stranger } as Record<Caller, Person>;
  const name = `roles-secret-list-${ulid()}`;
  const title = `roles-secret-task-${ulid()}`;
  const listId = await createList(people.owner, name);
  await join(people.owner, listId, people.editor, "editor");
  await join(people.owner, listId, people.viewer, "viewer");
  const removedId = await join(people.owner, listId, people.removed, "editor");
  if (withTask) {
    const task = await api("/tasks", {
      method: "POST",
      token: people.owner.token,
      body: { title, listId, dueDate: "2020-01-06" },
    });
    expect(task.status, task.text).toBe(201);
  }
  const removal = await api(`/lists/${listId}/members/${removedId}`, {
    method: "DELETE",
    token: people.owner.token,
  });
  expect(removal.status, removal.text).toBe(204);
  const emails = [people.owner, people.editor, people.viewer].map((p) => p.email.toLowerCase());
  return { people, listId, secrets: [listId, name, title, ...emails], title };
}

function expected(route: RouteDefinition, caller: Caller): number {
  const expectation = expectationOf(route);
  if (expectation === "self" || expectation === "anyone") return route.response.status;
  if (caller === "removed" || caller === "stranger") return 404;
  const needed = (route.role as { member: Role }).member;
  return roleAtLeast(caller, needed) ? route.response.status : 403;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/** The route as `person`, with `ids` in its path and, for a target route, `listId`. */
async function call(
  route: RouteDefinition,
  person: Person,
  ids: PathIds,
  listId?: string,
): Promise<Answer> {
  if (route === exportRoute) {
    const query = new URLSearchParams({ format: "ndjson", ...(listId ? { listId } : {}) });
    const response = await fetch(joinUrl(stack().export, `?${query}`), {
      headers: { authorization: `Bearer ${person.token}` },
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }
  if (listId === undefined) return callRoute(route, ids, { token: person.token });
  if (route.body) {
    const body = { ...(route.body.example as object), listId };
    return callRoute(route, ids, { token: person.token, body });
  }
  const path = pathOf(route, ids);
  return api(`${path}${path.includes("?") ? "&" : "?"}listId=${listId}`, {
    method: route.method,
    token: person.token,
  });
}

/** The response without what differs between two requests for different ids. */
const stripped = (response: Answer) => ({
  status: response.status,
  headers: [...response.headers.keys()].filter((name) => name !== "date").sort(),
  body: response.text,
});

/** Asserts that no secret is in the body or in any header's value. */
function expectNothingOf(team: Team, response: Answer, who: string) {
  const headerValues = [...response.headers.values()].join("\n");
  for (const secret of team.secrets) {
    expect(response.text, `${who}: body names ${secret}`).not.toContain(secret);
    expect(headerValues, `${who}: a header names ${secret}`).not.toContain(secret);
  }
}

let shared: Team;
beforeAll(async () => {
  shared = await team();
}, 120_000);

test("every route of the table and the export is in the matrix, with a known role", () => {
  const labels = matrix.map(([name]) => name);
  expect(labels).toEqual([...routes.map(label), EXPORT_LABEL]);
  for (const [, route] of matrix) expect(() => expectationOf(route)).not.toThrow();
  // The kinds of routes the issue names are all here.
  for (const name of [
    "POST /tasks/{taskId}/attachments",
    "GET /tasks/{taskId}/attachments",
    "GET /tasks/{taskId}/attachments/{attachmentId}",
    "DELETE /tasks/{taskId}/attachments/{attachmentId}",
    "GET /views/today",
    "GET /me/settings",
    "PATCH /me/settings",
    "GET /reminders/due",
    EXPORT_LABEL,
  ]) {
    expect(labels).toContain(name);
  }
});

test("the secrets the refusals are searched for are there for a member", async () => {
  const { people, title, secrets } = shared;
  const lists = await api("/lists", { token: people.viewer.token });
  expect(lists.text).toContain(secrets[1]);
  const today = await api("/views/today?today=2026-12-24", { token: people.viewer.token });
  expect(today.text).toContain(title);
  const exported = await call(exportRoute, people.viewer, {}, shared.listId);
  expect(exported.text).toContain(title);
});

describe.each(matrix)("%s", (_, route) => {
  let mine: Team | undefined;
  beforeAll(async () => {
    if (endsTheTeam(route)) mine = await team(false);
  }, 120_000);

  test.each(CALLERS)("%s gets the documented status", async (caller) => {
    const current = mine ?? shared;
    const { people, listId } = current;
    const expectation = expectationOf(route);
    const status = expected(route, caller);
    const person = people[caller];
    if (expectation === "self" || expectation === "anyone") {
      // The caller's own things (an invitation sent to them, their settings).
      const ids = await ownedIds(route, person);
      const response = await call(route, person, ids);
      expect(response.status, `${caller}: ${response.text}`).toBe(status);
      if (caller === "removed" || caller === "stranger") {
        expectNothingOf(current, response, caller);
      }
      return;
    }
    // Fresh resources in the shared list for every call: a success may consume them.
    // (A member's route acts on another member, never on the owner themselves.)
    const target = expectation === "target" ? listId : undefined;
    const ids: PathIds =
      expectation === "target" ? {} : await ownedIds(route, people.owner, { listId });
    const response = await call(route, person, ids, target);
    expect(response.status, `${caller}: ${response.text}`).toBe(status);
    if (status === 404) {
      // Exactly what an id that names nothing gets: the list's existence does not leak.
      const absent =
        expectation === "target"
          ? await call(route, person, {}, ulid())
          : await call(route, person, { ...absentIds(route), ...pickAbsent(route, ids) });
      expect(stripped(response)).toEqual(stripped(absent));
    }
    if (status === 403)
      expectError({ ...response, json: JSON.parse(response.text) }, 403, "forbidden");
    if (status >= 400) expectNothingOf(current, response, caller);
  });
});

/**
 * The export of every list one can read (`scope=all`) follows the same rule: each
 * caller gets their own file; the shared list's task is in a member's only.
 */
test.each(CALLERS)("GET <export url>/?scope=all: %s gets the lists they are in", async (caller) => {
  const { people, title } = shared;
  const response = await fetch(joinUrl(stack().export, "?format=ndjson&scope=all"), {
    headers: { authorization: `Bearer ${people[caller].token}` },
  });
  const answer = {
    status: response.status,
    headers: response.headers,
    text: await response.text(),
  };
  expect(answer.status, answer.text).toBe(200);
  if (caller === "removed" || caller === "stranger") expectNothingOf(shared, answer, caller);
  else expect(answer.text).toContain(title);
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
