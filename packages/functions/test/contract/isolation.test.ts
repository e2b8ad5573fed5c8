/** One person's tasks are invisible and untouchable to another: 404, never 403 or a leak. */
import { Task, TaskPage } from "@taskmanager/core/task/schema";
import { beforeAll, expect, test } from "vitest";
import { api, expectError, newPerson, type Person, stack } from "../helpers/api";
import { callRoute, label, ownedIds, resourceRoutes, stableBody } from "./route-cases";

let alice: Person;
let bob: Person;
const aliceTasks: Task[] = [];

beforeAll(async () => {
  [alice, bob] = await Promise.all([newPerson("iso-alice"), newPerson("iso-bob")]);
  const specs = [
    { title: "a todo", status: "todo", dueDate: "2030-01-01" },
    { title: "a doing", status: "in_progress" },
    { title: "a done", status: "done", dueDate: "2029-01-01" },
  ];
  for (const body of specs) {
    const response = await api("/tasks", { method: "POST", token: alice.token, body });
    aliceTasks.push(Task.parse(response.json));
  }
  await api("/tasks", { method: "POST", token: bob.token, body: { title: "bob's own" } });
});

test("the two people have different user ids", async () => {
  const bobs = TaskPage.parse((await api("/tasks", { token: bob.token })).json);
  expect(bobs.items).toHaveLength(1);
  expect(bobs.items[0]?.userId).not.toBe(aliceTasks[0]?.userId);
});

test.each(resourceRoutes.map((route) => [label(route), route] as const))(
  "B gets 404 on %s of C's resource, and C's resource is unchanged",
  async (_, route) => {
    const carol = await newPerson("iso-carol");
    const ids = await ownedIds(route, carol);
    const readers = resourceRoutes.filter(
      (reader) => reader.method === "GET" && reader.path === route.path,
    );
    const before = await Promise.all(
      readers.map((reader) => callRoute(reader, ids, { token: carol.token })),
    );
    expectError(await callRoute(route, ids, { token: bob.token }), 404, "not_found");
    for (const [i, reader] of readers.entries()) {
      const after = await callRoute(reader, ids, { token: carol.token });
      expect(after.status).toBe(200);
      expect(stableBody(after.json)).toEqual(stableBody(before[i]?.json));
    }
  },
);

test("A's tasks never appear in B's list, for any sort and status", async () => {
  const aliceIds = new Set(aliceTasks.map((t) => t.taskId));
  for (const sort of ["created", "due"]) {
    for (const status of [undefined, "todo", "in_progress", "done"]) {
      const qs = new URLSearchParams({ sort, limit: "100", ...(status ? { status } : {}) });
      const response = await api(`/tasks?${qs}`, { token: bob.token });
      expect(response.status).toBe(200);
      const page = TaskPage.parse(response.json);
      for (const task of page.items) {
        expect(aliceIds.has(task.taskId)).toBe(false);
        expect(task.title).toBe("bob's own");
      }
      // And A sees her own in the same query.
      const hers = TaskPage.parse((await api(`/tasks?${qs}`, { token: alice.token })).json);
      const expected = aliceTasks.filter((t) => !status || t.status === status);
      expect(hers.items.map((t) => t.taskId).sort()).toEqual(expected.map((t) => t.taskId).sort());
    }
  }
});

test("A's cursor is refused for B", async () => {
  const page = TaskPage.parse((await api("/tasks?limit=1", { token: alice.token })).json);
  expect(page.cursor).toEqual(expect.any(String));
  const response = await api(`/tasks?limit=1&cursor=${encodeURIComponent(page.cursor ?? "")}`, {
    token: bob.token,
  });
  const error = expectError(response, 400, "validation_failed");
  expect(error.issues).toEqual([{ path: "cursor", message: expect.any(String) }]);
});

test("the same person signing in with another email case sees the same tasks", async () => {
  const { randomUUID } = await import("node:crypto");
  const { signIn, signUp } = await import("@taskmanager/local/clients/sign-in");
  const email = `Case-${randomUUID()}@Example.COM`;
  const first = await signUp(stack(), email, "correct-horse-battery");
  const again = await signIn(stack(), email.toLowerCase(), "correct-horse-battery");
  const created = await api("/tasks", {
    method: "POST",
    token: first.access,
    body: { title: "c" },
  });
  expect(created.status).toBe(201);
  const task = Task.parse(created.json);
  const read = await api(`/tasks/${task.taskId}`, { token: again.access });
  expect(read.status).toBe(200);
  expect(Task.parse(read.json)).toEqual(task);
});
