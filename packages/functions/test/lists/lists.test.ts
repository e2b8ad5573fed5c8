/**
 * Lists over HTTP: create, rename, reorder, delete (asked for when it has tasks, its
 * tasks purged after), tasks created in and moved between lists and the Inbox, the
 * Inbox as old clients see it, and the sidebar's counts.
 */
import { List, ListsOfPerson } from "@taskmanager/core/list/schema";
import { locate } from "@taskmanager/core/task";
import { Task, TaskPage } from "@taskmanager/core/task/schema";
import { expect, test } from "vitest";
import { api, expectError, newPerson, type Person } from "../helpers/api";
import { createList, join } from "../helpers/lists";

const post = (person: Person, body: object) =>
  api("/tasks", { method: "POST", token: person.token, body });

test("tasks go in a list or the Inbox; the Inbox (GET /tasks) shows only its own", async () => {
  const ann = await newPerson("lists-ann");
  const listId = await createList(ann, "Work");
  const inbox = Task.parse((await post(ann, { title: "inbox" })).json);
  const listed = Task.parse((await post(ann, { title: "listed", listId })).json);
  expect(inbox.listId).toBeUndefined();
  expect(listed.listId).toBe(listId);
  const page = TaskPage.parse((await api("/tasks", { token: ann.token })).json);
  expect(page.items.map((t) => t.title)).toEqual(["inbox"]);
  const inList = TaskPage.parse((await api(`/tasks?listId=${listId}`, { token: ann.token })).json);
  expect(inList.items.map((t) => t.title)).toEqual(["listed"]);
  // Both read by id, whatever their place.
  expect((await api(`/tasks/${listed.taskId}`, { token: ann.token })).status).toBe(200);
});

test("a move changes the list a task is in, and back to the Inbox", async () => {
  const ann = await newPerson("lists-move");
  const [a, b] = [await createList(ann, "A"), await createList(ann, "B")];
  let task = Task.parse(
    (await post(ann, { title: "moving", listId: a, dueDate: "2030-01-01" })).json,
  );
  const move = async (listId: string | null) => {
    const response = await api(`/tasks/${task.taskId}`, {
      method: "PATCH",
      token: ann.token,
      body: { version: task.version, listId },
    });
    expect(response.status, response.text).toBe(200);
    task = Task.parse(response.json);
  };
  const titles = async (query: string) =>
    TaskPage.parse((await api(`/tasks?${query}`, { token: ann.token })).json).items.map(
      (t) => t.title,
    );
  await move(b);
  expect(await titles(`listId=${a}`)).toEqual([]);
  expect(await titles(`listId=${b}&sort=due&status=todo`)).toEqual(["moving"]);
  await move(null);
  expect(task.listId).toBeUndefined();
  expect(await titles(`listId=${b}`)).toEqual([]);
  expect(await titles("sort=due")).toEqual(["moving"]);
  // A status change of a listed task moves it between the list's status indexes too.
  await move(a);
  const done = await api(`/tasks/${task.taskId}`, {
    method: "PATCH",
    token: ann.token,
    body: { version: task.version, status: "done" },
  });
  expect(done.status).toBe(200);
  expect(await titles(`listId=${a}&status=todo`)).toEqual([]);
  expect(await titles(`listId=${a}&status=done&sort=due`)).toEqual(["moving"]);
});

test("moving into a list needs to be an editor there; only the creator moves a task to their Inbox", async () => {
  const ann = await newPerson("lists-ann2");
  const bob = await newPerson("lists-bob2");
  const annsList = await createList(ann, "Ann's");
  const bobsList = await createList(bob, "Bob's");
  await join(ann, annsList, bob, "editor");
  const task = Task.parse((await post(ann, { title: "t", listId: annsList })).json);
  // Bob may not move Ann's task to his Inbox (it would be Ann's Inbox), nor Ann into his list.
  expectError(
    await api(`/tasks/${task.taskId}`, {
      method: "PATCH",
      token: bob.token,
      body: { version: 1, listId: null },
    }),
    403,
    "forbidden",
  );
  expectError(
    await api(`/tasks/${task.taskId}`, {
      method: "PATCH",
      token: ann.token,
      body: { version: 1, listId: bobsList },
    }),
    404,
    "not_found",
  );
  // Bob may move it into his own list: he edits both.
  const moved = await api(`/tasks/${task.taskId}`, {
    method: "PATCH",
    token: bob.token,
    body: { version: 1, listId: bobsList },
  });
  expect(moved.status, moved.text).toBe(200);
});

test("rename at a version, reorder, counts of open tasks, and delete (asked for when it has tasks)", async () => {
  const ann = await newPerson("lists-crud");
  const listId = await createList(ann, "Groceries");
  await createList(ann, "Errands");
  const listed = [
    Task.parse((await post(ann, { title: "milk", listId })).json),
    Task.parse((await post(ann, { title: "bread", listId, status: "in_progress" })).json),
    Task.parse((await post(ann, { title: "eggs", listId, status: "done" })).json),
  ];
  await post(ann, { title: "in the inbox" });
  const renamed = await api(`/lists/${listId}`, {
    method: "PATCH",
    token: ann.token,
    body: { version: 1, name: "Shopping" },
  });
  expect(List.parse(renamed.json)).toMatchObject({ name: "Shopping", version: 2 });
  expectError(
    await api(`/lists/${listId}`, {
      method: "PATCH",
      token: ann.token,
      body: { version: 1, name: "x" },
    }),
    409,
    "conflict",
  );
  const moved = await api(`/lists/${listId}/me`, {
    method: "PATCH",
    token: ann.token,
    body: { position: 9 },
  });
  expect(moved.status).toBe(204);
  const lists = ListsOfPerson.parse((await api("/lists", { token: ann.token })).json);
  expect(lists.inbox).toEqual({ openTasks: 1, openTasksCapped: false });
  expect(lists.items.map((l) => [l.name, l.openTasks, l.role])).toEqual([
    ["Errands", 0, "owner"],
    ["Shopping", 2, "owner"],
  ]);
  // Not empty: the caller must say so.
  expectError(
    await api(`/lists/${listId}`, { method: "DELETE", token: ann.token }),
    409,
    "conflict",
  );
  const deleted = await api(`/lists/${listId}?tasks=delete`, {
    method: "DELETE",
    token: ann.token,
  });
  expect(deleted.status).toBe(204);
  expectError(await api(`/lists/${listId}`, { token: ann.token }), 404, "not_found");
  // Its tasks go after it (the stream's subscriber), and are unreachable at once.
  const page = TaskPage.parse((await api("/tasks", { token: ann.token })).json);
  expect(page.items.map((t) => t.title)).toEqual(["in the inbox"]);
  await expect
    .poll(
      async () => {
        const found = await Promise.all(listed.map((t) => locate(t.userId, t.taskId)));
        return found.filter(Boolean).length;
      },
      { timeout: 20_000, interval: 500 },
    )
    .toBe(0);
});

test("a list always keeps an owner", async () => {
  const ann = await newPerson("lists-owner");
  const bob = await newPerson("lists-owner-bob");
  const listId = await createList(ann);
  const bobId = await join(ann, listId, bob, "owner");
  // Two owners: Ann may leave; then Bob, the last owner, may not demote himself.
  expect((await api(`/lists/${listId}/me`, { method: "DELETE", token: ann.token })).status).toBe(
    204,
  );
  expectError(
    await api(`/lists/${listId}/members/${bobId}`, {
      method: "PATCH",
      token: bob.token,
      body: { role: "editor" },
    }),
    409,
    "conflict",
  );
  expectError(
    await api(`/lists/${listId}/members/${bobId}`, { method: "DELETE", token: bob.token }),
    409,
    "conflict",
  );
});

test("two owners demoting or removing each other at once: one succeeds, the list keeps an owner", async () => {
  for (const method of ["PATCH", "DELETE"] as const) {
    const ann = await newPerson(`lists-race-${method}-ann`);
    const bob = await newPerson(`lists-race-${method}-bob`);
    const listId = await createList(ann);
    const bobId = await join(ann, listId, bob, "owner");
    const members = await api(`/lists/${listId}/members`, { token: ann.token });
    const annId = (members.json as { items: Array<{ userId: string; email: string }> }).items.find(
      (m) => m.email === ann.email.toLowerCase(),
    )?.userId;
    const change = (by: typeof ann, memberId: string | undefined) =>
      api(`/lists/${listId}/members/${memberId}`, {
        method,
        token: by.token,
        ...(method === "PATCH" ? { body: { role: "viewer" } } : {}),
      });
    const answers = await Promise.all([change(ann, bobId), change(bob, annId)]);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses, method).toEqual(method === "PATCH" ? [200, 409] : [204, 409]);
    const after = await api(`/lists/${listId}/members`, {
      token: (answers[0]?.status === 409 ? bob : ann).token,
    });
    const roles = (after.json as { items: Array<{ role: string }> }).items.map((m) => m.role);
    expect(roles, method).toContain("owner");
  }
});
