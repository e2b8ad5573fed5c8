/** Every route over real HTTP: success codes, bodies that parse with the core schemas, errors. */

import { Task, TaskPage } from "@taskmanager/core/task/schema";
import { beforeAll, describe, expect, test } from "vitest";
import * as z from "zod/mini";
import { api, expectError, newPerson, type Person, stack } from "../helpers/api";

let alice: Person;
beforeAll(async () => {
  alice = await newPerson("alice");
});

const create = async (body: unknown) => {
  const response = await api("/tasks", { method: "POST", token: alice.token, body });
  expect(response.status, response.text).toBe(201);
  return Task.parse(response.json);
};

describe("success", () => {
  test("POST /tasks creates (201), GET reads it back (200)", async () => {
    const response = await api("/tasks", {
      method: "POST",
      token: alice.token,
      body: { title: "  Write tests ", dueDate: "2030-01-31", tags: ["dev"], priority: "high" },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const task = z.strictObject(Task.shape).parse(response.json);
    expect(task).toMatchObject({
      title: "Write tests",
      dueDate: "2030-01-31",
      tags: ["dev"],
      priority: "high",
      status: "todo",
      description: "",
      version: 1,
    });

    const read = await api(`/tasks/${task.taskId}`, { token: alice.token });
    expect(read.status).toBe(200);
    expect(z.strictObject(Task.shape).parse(read.json)).toEqual(task);
  });

  test("GET /tasks lists (200) with every sort and status", async () => {
    const a = await create({ title: "list a", status: "done", dueDate: "2030-02-01" });
    const b = await create({ title: "list b", status: "done" });
    const c = await create({ title: "list c", status: "done", dueDate: "2029-02-01" });
    const query = async (qs: string) => {
      const response = await api(`/tasks?${qs}`, { token: alice.token });
      expect(response.status, response.text).toBe(200);
      return z.strictObject(TaskPage.shape).parse(response.json);
    };
    const ids = (page: TaskPage) => page.items.map((t) => t.taskId);
    expect(ids(await query("status=done"))).toEqual([c.taskId, b.taskId, a.taskId]);
    expect(ids(await query("status=done&sort=created"))).toEqual([c.taskId, b.taskId, a.taskId]);
    expect(ids(await query("status=done&sort=due"))).toEqual([c.taskId, a.taskId, b.taskId]);
    const all = await query("sort=due&limit=100");
    expect(ids(all)).toEqual(expect.arrayContaining([a.taskId, b.taskId, c.taskId]));
    expect(all.items.at(-1)?.dueDate).toBeNull();
  });

  test("paging over HTTP with limit and cursor", async () => {
    const person = await newPerson("pager");
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await api("/tasks", {
        method: "POST",
        token: person.token,
        body: { title: `p${i}` },
      });
      created.push(Task.parse(response.json).taskId);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const qs = new URLSearchParams({ limit: "2", ...(cursor ? { cursor } : {}) });
      const response = await api(`/tasks?${qs}`, { token: person.token });
      expect(response.status, response.text).toBe(200);
      const page = TaskPage.parse(response.json);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((t) => t.taskId));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toEqual([...created].reverse());
  });

  test("GET /tasks?q= and ?tag= search the caller's own tasks, paged like any list", async () => {
    const person = await newPerson("searcher");
    const post = (body: object) =>
      api("/tasks", { method: "POST", token: person.token, body }).then((r) => Task.parse(r.json));
    const milk = await post({ title: "Buy MILK", tags: ["home", "shop"] });
    const bank = await post({ title: "Call bank", description: "ask about the milk bill" });
    await post({ title: "Plan trip", tags: ["travel"] });
    const plant = await post({ title: "Water plants", tags: ["home"] });
    const list = async (qs: string) => {
      const response = await api(`/tasks?${qs}`, { token: person.token });
      expect(response.status, response.text).toBe(200);
      return z.strictObject(TaskPage.shape).parse(response.json);
    };
    const ids = (page: TaskPage) => page.items.map((t) => t.taskId);
    expect(ids(await list("q=milk"))).toEqual([bank.taskId, milk.taskId]);
    expect(ids(await list(`q=${encodeURIComponent("Plan TRIP")}`)).length).toBe(1);
    expect(ids(await list("tag=home"))).toEqual([plant.taskId, milk.taskId]);
    expect(ids(await list("tag=home&q=milk&sort=due&status=todo"))).toEqual([milk.taskId]);
    const first = await list("tag=home&limit=1");
    expect(ids(first)).toEqual([plant.taskId]);
    const second = await list(`tag=home&limit=1&cursor=${first.cursor}`);
    expect(ids(second)).toEqual([milk.taskId]);
    // Another person's search never sees these.
    expect((await api("/tasks?q=milk", { token: alice.token })).json).toMatchObject({ items: [] });
  });

  test("an empty or oversized search is 400 naming the parameter", async () => {
    for (const [qs, path] of [
      ["q=", "q"],
      [`q=${"x".repeat(101)}`, "q"],
      ["tag=", "tag"],
      [`tag=${"t".repeat(33)}`, "tag"],
    ] as const) {
      const error = expectError(
        await api(`/tasks?${qs}`, { token: alice.token }),
        400,
        "validation_failed",
      );
      expect(error.issues?.map((i) => i.path)).toEqual([path]);
    }
  });

  test("PATCH /tasks/{id} updates (200) and bumps the version", async () => {
    const task = await create({ title: "patch me", dueDate: "2030-01-01" });
    const response = await api(`/tasks/${task.taskId}`, {
      method: "PATCH",
      token: alice.token,
      body: { version: 1, status: "in_progress", dueDate: null },
    });
    expect(response.status, response.text).toBe(200);
    const updated = z.strictObject(Task.shape).parse(response.json);
    expect(updated).toMatchObject({ status: "in_progress", dueDate: null, version: 2 });
    const read = await api(`/tasks/${task.taskId}`, { token: alice.token });
    expect(Task.parse(read.json)).toEqual(updated);
  });

  test("DELETE /tasks/{id} is 204 with no body, then 404", async () => {
    const task = await create({ title: "delete me" });
    const response = await api(`/tasks/${task.taskId}`, { method: "DELETE", token: alice.token });
    expect(response.status).toBe(204);
    expect(response.text).toBe("");
    expectError(await api(`/tasks/${task.taskId}`, { token: alice.token }), 404, "not_found");
    expectError(
      await api(`/tasks/${task.taskId}`, { method: "DELETE", token: alice.token }),
      404,
      "not_found",
    );
  });

  test("content type with a charset is accepted", async () => {
    const response = await api("/tasks", {
      method: "POST",
      token: alice.token,
      body: { title: "charset" },
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    expect(response.status, response.text).toBe(201);
  });
});

describe("request errors are 4xx with the envelope", () => {
  test("malformed JSON", async () => {
    for (const body of ["{", '{"title": }', "not json", "", "{'title':'x'}"]) {
      const error = expectError(
        await api("/tasks", { method: "POST", token: alice.token, body }),
        400,
        "validation_failed",
      );
      expect(error.issues).toBeUndefined();
    }
  });

  test("wrong or missing content type", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "application/jsonp"]) {
      expectError(
        await api("/tasks", {
          method: "POST",
          token: alice.token,
          body: JSON.stringify({ title: "x" }),
          headers: { "content-type": type },
        }),
        400,
        "validation_failed",
      );
    }
    const response = await fetch(`${stack().api}/tasks`, {
      method: "POST",
      headers: { authorization: `Bearer ${alice.token}` },
      body: new Blob([JSON.stringify({ title: "x" })]),
    });
    expect(response.status).toBe(400);
  });

  test("unknown fields list the issue", async () => {
    const error = expectError(
      await api("/tasks", { method: "POST", token: alice.token, body: { title: "x", owner: "b" } }),
      400,
      "validation_failed",
    );
    expect(error.issues).toEqual([expect.objectContaining({ message: expect.any(String) })]);
    const task = await create({ title: "y" });
    const patch = expectError(
      await api(`/tasks/${task.taskId}`, {
        method: "PATCH",
        token: alice.token,
        body: { version: 1, userId: "someone" },
      }),
      400,
      "validation_failed",
    );
    expect(patch.issues?.length).toBeGreaterThan(0);
  });

  test("invalid fields name their path", async () => {
    const error = expectError(
      await api("/tasks", {
        method: "POST",
        token: alice.token,
        body: { title: " ", dueDate: "2023-02-29", tags: ["a", "a"] },
      }),
      400,
      "validation_failed",
    );
    const paths = error.issues?.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["title", "dueDate", "tags"]));
  });

  test("JSON that is not an object", async () => {
    for (const body of ["null", "[]", "42", '"title"']) {
      expectError(
        await api("/tasks", { method: "POST", token: alice.token, body }),
        400,
        "validation_failed",
      );
    }
  });

  test("a body over 64 KiB is 413 payload_too_large", async () => {
    const body = JSON.stringify({ title: "big", description: "x".repeat(70 * 1024) });
    expectError(
      await api("/tasks", { method: "POST", token: alice.token, body }),
      413,
      "payload_too_large",
    );
    const task = await create({ title: "big patch" });
    expectError(
      await api(`/tasks/${task.taskId}`, {
        method: "PATCH",
        token: alice.token,
        body: { version: 1, description: "é".repeat(33 * 1024) },
      }),
      413,
      "payload_too_large",
    );
  });

  test("a stale version is 409 conflict and the newer write stays", async () => {
    const task = await create({ title: "v1" });
    const patch = (body: unknown) =>
      api(`/tasks/${task.taskId}`, { method: "PATCH", token: alice.token, body });
    expect((await patch({ version: 1, title: "v2" })).status).toBe(200);
    expectError(await patch({ version: 1, title: "stale" }), 409, "conflict");
    const read = Task.parse((await api(`/tasks/${task.taskId}`, { token: alice.token })).json);
    expect(read).toMatchObject({ title: "v2", version: 2 });
  });

  test("concurrent PATCHes with one version: one 200, the rest 409", async () => {
    const task = await create({ title: "race" });
    const responses = await Promise.all(
      ["a", "b", "c"].map((title) =>
        api(`/tasks/${task.taskId}`, {
          method: "PATCH",
          token: alice.token,
          body: { version: 1, title },
        }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409]);
  });

  test.each([
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=abc", "limit"],
    ["limit=", "limit"],
    ["status=archived", "status"],
    ["status=todo&status=done", "status"],
    ["sort=title", "sort"],
    ["page=2", ""],
  ])("list query %s is 400 naming %j", async (qs, path) => {
    const error = expectError(
      await api(`/tasks?${qs}`, { token: alice.token }),
      400,
      "validation_failed",
    );
    expect(error.issues?.map((i) => i.path)).toContain(path);
  });

  test.each([
    ["garbage", "garbage!!"],
    ["base64 text", Buffer.from("hello").toString("base64url")],
    ["unknown keys", Buffer.from(JSON.stringify({ evil: "1" })).toString("base64url")],
    [
      "wrong partition",
      Buffer.from(
        JSON.stringify({ gsi1pk: "$x#userid_1", gsi1sk: "$x", pk: "a", sk: "b" }),
      ).toString("base64url"),
    ],
  ])("a tampered cursor (%s) is 400 with a cursor issue", async (_, cursor) => {
    const error = expectError(
      await api(`/tasks?cursor=${encodeURIComponent(cursor)}`, { token: alice.token }),
      400,
      "validation_failed",
    );
    expect(error.issues).toEqual([{ path: "cursor", message: expect.any(String) }]);
  });

  test("no mutation of a real cursor yields a 500", async () => {
    for (let i = 0; i < 3; i++) await create({ title: `cursor ${i}` });
    const first = TaskPage.parse((await api("/tasks?limit=1", { token: alice.token })).json);
    const real = first.cursor as string;
    expect(real).toEqual(expect.any(String));
    const decoded = JSON.parse(Buffer.from(real, "base64url").toString()) as Record<string, string>;
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const mutations = new Set<string>();
    for (let i = 0; i < real.length; i += Math.ceil(real.length / 20)) {
      mutations.add(real.slice(0, i) || "x");
      const c = real[i] === "A" ? "B" : "A";
      mutations.add(real.slice(0, i) + c + real.slice(i + 1));
    }
    for (const key of Object.keys(decoded)) {
      const { [key]: _, ...without } = decoded;
      mutations.add(encode(without));
      mutations.add(encode({ ...decoded, [key]: `${decoded[key]}x` }));
      mutations.add(encode({ ...decoded, [key]: 1 }));
      mutations.add(encode({ ...decoded, [key]: { S: "x" } }));
    }
    mutations.add(encode({ ...decoded, extra: "x" }));
    mutations.add(`${real}=`);
    mutations.add("x".repeat(3000));
    for (const cursor of mutations) {
      const response = await api(`/tasks?limit=1&cursor=${encodeURIComponent(cursor)}`, {
        token: alice.token,
      });
      expect([200, 400], `${cursor}: ${response.text}`).toContain(response.status);
      if (response.status === 400) {
        expectError(response, 400, "validation_failed");
      } else {
        for (const task of TaskPage.parse(response.json).items) {
          expect(task.userId).toBe(first.items[0]?.userId);
        }
      }
    }
  });

  test("an unknown route or method is a 404 from the gateway, not a 500", async () => {
    expect((await api("/nope", { token: alice.token })).status).toBe(404);
    expect((await api("/tasks", { method: "DELETE", token: alice.token })).status).toBe(404);
  });
});
