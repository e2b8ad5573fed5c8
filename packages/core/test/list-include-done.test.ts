/**
 * `includeDone=false` on the list (issue 19, 2): the Inbox and a list without their
 * done tasks, page after full page, however long a run of done tasks the Query has
 * to read past (more than one request's batch here); without the flag, every status
 * as before.
 */
import * as List from "@taskmanager/core/list";
import * as Task from "@taskmanager/core/task";
import type { CreateTaskInput, Task as TaskRecord } from "@taskmanager/core/task/schema";
import { ulid } from "ulid";
import { beforeAll, describe, expect, test } from "vitest";
import { byDueThenId, newestFirst, pageThrough } from "./helpers";

const me = { userId: ulid(), email: `include-done-${ulid()}@example.com` };
let listId = "";
const inbox: TaskRecord[] = [];
const listed: TaskRecord[] = [];

/** 20 open, then 150 done (more than the 100 one request reads), then 20 open, in creation order. */
const statusAt = (i: number): TaskRecord["status"] =>
  i >= 20 && i < 170 ? "done" : i % 2 ? "in_progress" : "todo";

async function createAll(into: TaskRecord[], extra: Partial<CreateTaskInput>) {
  const inputs = Array.from({ length: 190 }, (_, i) => ({
    title: `task ${i}`,
    status: statusAt(i),
    dueDate: i % 5 === 0 ? null : `2030-01-${String((i % 28) + 1).padStart(2, "0")}`,
    ...extra,
  }));
  // Created in order (ids are monotonic), a few at a time.
  for (let i = 0; i < inputs.length; i += 10) {
    into.push(
      ...(await Promise.all(inputs.slice(i, i + 10).map((t) => Task.create(me.userId, t)))),
    );
  }
}

beforeAll(async () => {
  listId = (await List.create(me, { name: "Errands" })).listId;
  await createAll(inbox, {});
  await createAll(listed, { listId });
}, 60_000);

const ids = (tasks: TaskRecord[], order: (a: TaskRecord, b: TaskRecord) => number) =>
  [...tasks].sort(order).map((t) => t.taskId);
const open = (tasks: TaskRecord[]) => tasks.filter((t) => t.status !== "done");

describe.each([
  ["the Inbox", () => ({}), () => inbox],
  ["a list", () => ({ listId }), () => listed],
] as const)("%s", (_, where, tasks) => {
  test.each([7, 25])(
    "includeDone=false: every open task once, no done one, pages full (limit %i)",
    async (limit) => {
      for (const [sort, order] of [
        ["created", newestFirst],
        ["due", byDueThenId],
      ] as const) {
        // The API's query string form and core's boolean are the same flag.
        for (const includeDone of [false, "false"] as const) {
          const { ids: got } = await pageThrough(
            me.userId,
            { ...where(), sort, includeDone },
            limit,
          );
          expect(got).toEqual(ids(open(tasks()), order));
        }
      }
    },
  );

  test("without the flag, or with includeDone=true, done tasks are listed as before", async () => {
    const every = ids(tasks(), newestFirst);
    expect((await pageThrough(me.userId, where(), 25)).ids).toEqual(every);
    expect((await pageThrough(me.userId, { ...where(), includeDone: "true" }, 25)).ids).toEqual(
      every,
    );
  });

  test("the export's pages leave done tasks out the same way, and keep them without the flag", async () => {
    const exported = async (query: Parameters<typeof Task.pages>[1]) => {
      const got: string[] = [];
      for await (const page of Task.pages(me.userId, query, { pageSize: 30 }))
        got.push(...page.map((t) => t.taskId));
      return got;
    };
    expect(await exported({ ...where(), includeDone: false })).toEqual(
      ids(open(tasks()), newestFirst),
    );
    expect(await exported(where())).toEqual(ids(tasks(), newestFirst));
    expect(await exported({ ...where(), status: "done", includeDone: false })).toEqual([]);
  });

  test("with a status: an open one as it is, done asks for nothing", async () => {
    const todo = ids(
      tasks().filter((t) => t.status === "todo"),
      newestFirst,
    );
    expect(
      (await pageThrough(me.userId, { ...where(), status: "todo", includeDone: false }, 25)).ids,
    ).toEqual(todo);
    expect(await Task.list(me.userId, { ...where(), status: "done", includeDone: false })).toEqual({
      items: [],
      cursor: null,
    });
  });
});

test("a bad includeDone is refused with a clear error", async () => {
  await expect(
    Task.list(me.userId, { includeDone: "no" as unknown as boolean }),
  ).rejects.toMatchObject({
    code: "validation_failed",
    issues: [expect.objectContaining({ path: "includeDone" })],
  });
});
