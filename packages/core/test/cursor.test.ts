/** A cursor that was not handed out for this person's query is refused, never obeyed or a crash. */
import * as Task from "@taskmanager/core/task";
import type { ListTasksQuery, Task as TaskRecord } from "@taskmanager/core/task/schema";
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { invalidCursor, newUserId } from "./helpers";

const owner = newUserId("cursor-owner");
const other = newUserId("cursor-other");
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const decode = (cursor: string) =>
  JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Record<string, string>;

beforeAll(async () => {
  for (const user of [owner, other]) {
    for (let i = 0; i < 5; i++) {
      await Task.create(user, { title: `t${i}`, dueDate: i % 2 ? "2030-01-01" : null });
    }
  }
});

async function cursorOf(userId: string, query: ListTasksQuery = {}) {
  const page = await Task.list(userId, { ...query, limit: 2 });
  expect(page.cursor).toEqual(expect.any(String));
  return page.cursor as string;
}

describe("list cursor", () => {
  test("a real cursor continues the list", async () => {
    const cursor = await cursorOf(owner);
    const next = await Task.list(owner, { limit: 2, cursor });
    expect(next.items).toHaveLength(2);
  });

  test.each([
    ["not base64 JSON", "%%%not-a-cursor%%%"],
    ["base64 of text", Buffer.from("hello").toString("base64url")],
    ["a JSON array", b64(["pk"])],
    ["a JSON number", b64(42)],
    ["JSON null", b64(null)],
    ["an empty object", b64({})],
    ["an unknown key", b64({ pk: "x", evil: "y" })],
    ["a non-string value", b64({ pk: 1 })],
    ["an empty value", b64({ pk: "" })],
  ])("%s is refused as an invalid cursor", async (_, cursor) => {
    await expect(Task.list(owner, { cursor })).rejects.toMatchObject(invalidCursor);
  });

  test.each([
    ["created", {}],
    ["due", { sort: "due" }],
    ["status + created", { status: "todo" }],
    ["status + due", { status: "todo", sort: "due" }],
  ] as const)("another person's %s cursor is refused as an invalid cursor", async (_, query) => {
    const foreign = await cursorOf(other, query);
    await expect(Task.list(owner, { ...query, cursor: foreign })).rejects.toMatchObject(
      invalidCursor,
    );
  });

  test("a cursor keeping the owner's partition but another's item keys never leaks their tasks", async () => {
    const keys = decode(await cursorOf(owner));
    const theirs = decode(await cursorOf(other));
    const mixed = { ...theirs, gsi1pk: keys.gsi1pk as string };
    const page = await Task.list(owner, { cursor: b64(mixed) }).catch((error: unknown) => {
      expect(error).toMatchObject(invalidCursor);
      return { items: [] as TaskRecord[] };
    });
    for (const task of page.items) expect(task.userId).toBe(owner);
  });

  test("a cursor from another sort is refused as an invalid cursor", async () => {
    const dueCursor = await cursorOf(owner, { sort: "due" });
    await expect(Task.list(owner, { cursor: dueCursor })).rejects.toMatchObject(invalidCursor);
  });

  test.each([
    ["status todo", { status: "todo" }, { status: "done" }],
    ["status todo by due", { status: "todo", sort: "due" }, { status: "done", sort: "due" }],
    ["all by created", {}, { status: "todo" }],
    ["status by created", { status: "todo" }, {}],
    ["all by due", { sort: "due" }, { status: "todo", sort: "due" }],
  ] as const)("a %s cursor reused for another query is refused", async (_, from, to) => {
    const cursor = await cursorOf(owner, from);
    await expect(Task.list(owner, { ...to, cursor })).rejects.toMatchObject(invalidCursor);
  });

  test("any string as a cursor: a page or an invalid-cursor refusal, nothing else", async () => {
    const real = decode(await cursorOf(owner));
    const tampered = fc.oneof(
      fc.string({ minLength: 1, maxLength: 200 }),
      fc.base64String({ minLength: 4, maxLength: 200 }),
      fc
        .dictionary(fc.constantFrom(...Object.keys(real), "pk", "sk", "gsi2sk"), fc.string(), {
          minKeys: 1,
        })
        .map((keys) => b64({ ...real, ...keys })),
      fc.jsonValue().map(b64),
    );
    await fc.assert(
      fc.asyncProperty(tampered, async (cursor) => {
        try {
          const page = await Task.list(owner, { cursor });
          // Accepted only if it stays inside the owner's own tasks.
          for (const task of page.items) expect(task.userId).toBe(owner);
        } catch (error) {
          expect(error).toMatchObject(invalidCursor);
        }
      }),
      { numRuns: 150 },
    );
  });
});
