/**
 * The All view over HTTP: every task the caller can read (their Inbox, their lists,
 * lists shared with them, never another's), by due date then creation, paged by an
 * opaque cursor with no task skipped or given twice, also when the Inbox's Query
 * passes over many listed tasks; done tasks only with includeDone; q and tag.
 */
import { TaskPage } from "@taskmanager/core/task/schema";
import { expect, test } from "vitest";
import { api, expectError, newPerson, type Person } from "../helpers/api";
import { createList, join } from "../helpers/lists";

const post = async (person: Person, body: object) => {
  const response = await api("/tasks", { method: "POST", token: person.token, body });
  expect(response.status, response.text).toBe(201);
  return (response.json as { taskId: string }).taskId;
};

/** Every page of the view at `limit`, as the pages' titles. */
async function pages(person: Person, limit: number, query = "") {
  const seen: string[][] = [];
  let cursor: string | null = null;
  do {
    const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const response = await api(`/views/all?limit=${limit}${query}${after}`, {
      token: person.token,
    });
    expect(response.status, response.text).toBe(200);
    const page = TaskPage.parse(response.json);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(page.items.map((task) => task.title));
    cursor = page.cursor;
    expect(seen.length, "the pages end").toBeLessThan(100);
  } while (cursor);
  return seen;
}

test("All: the Inbox and every list the person is in, by due date then creation, at any page size", async () => {
  const ann = await newPerson("all-ann");
  const bob = await newPerson("all-bob");
  const own = await createList(ann, "Ann's");
  const shared = await createList(bob, "Bob's, shared");
  const notHers = await createList(bob, "Bob's alone");
  await join(bob, shared, ann, "viewer");
  await post(ann, { title: "undated inbox", tags: ["home"] });
  await post(ann, { title: "b 03-10 inbox", dueDate: "2031-03-10" });
  await post(bob, { title: "a 03-01 shared", dueDate: "2031-03-01", listId: shared });
  await post(ann, { title: "c 03-10 list", dueDate: "2031-03-10", listId: own, tags: ["home"] });
  await post(bob, { title: "never: not her list", dueDate: "2031-03-02", listId: notHers });
  await post(ann, { title: "d done", dueDate: "2031-03-11", status: "done" });
  await post(ann, { title: "e in progress", dueDate: "2031-03-12", status: "in_progress" });
  await post(bob, { title: "undated shared", listId: shared });
  // Many tasks of hers in her list: the Inbox's own Query reads past them (they are in
  // her partition too), so its pages stop short and the cursor must resume right.
  for (let i = 0; i < 12; i++) {
    await post(ann, { title: `f 04-${10 + i} list`, dueDate: `2031-04-${10 + i}`, listId: own });
  }
  const inOrder = [
    "a 03-01 shared",
    "b 03-10 inbox",
    "c 03-10 list",
    "e in progress",
    ...Array.from({ length: 12 }, (_, i) => `f 04-${10 + i} list`),
    "undated inbox",
    "undated shared",
  ];
  for (const limit of [1, 2, 5, 100]) {
    const seen = await pages(ann, limit);
    expect(seen.flat(), `limit ${limit}`).toEqual(inOrder);
  }
  const withDone = (await pages(ann, 3, "&includeDone=true")).flat();
  expect(withDone).toEqual([...inOrder.slice(0, 3), "d done", ...inOrder.slice(3)]);
  expect((await pages(ann, 2, "&tag=HOME")).flat()).toEqual(["c 03-10 list", "undated inbox"]);
  expect((await pages(ann, 2, "&q=shared")).flat()).toEqual(["a 03-01 shared", "undated shared"]);
  // Bob sees his two lists, not Ann's.
  expect((await pages(bob, 50)).flat()).toEqual([
    "a 03-01 shared",
    "never: not her list",
    "undated shared",
  ]);
});

test("All refuses a cursor it did not make, and a page size out of range", async () => {
  const ann = await newPerson("all-cursor");
  for (let i = 0; i < 3; i++) await post(ann, { title: `task ${i}` });
  const fromTasks = await api("/tasks?limit=1", { token: ann.token });
  const tasksCursor = (fromTasks.json as { cursor: string }).cursor;
  const forged = Buffer.from(JSON.stringify({ due: "2031-01-01", taskId: "x" })).toString(
    "base64url",
  );
  for (const cursor of [tasksCursor, forged, "not-base64-json"]) {
    const response = await api(`/views/all?cursor=${encodeURIComponent(cursor)}`, {
      token: ann.token,
    });
    expectError(response, 400, "validation_failed");
  }
  expectError(await api("/views/all?limit=101", { token: ann.token }), 400, "validation_failed");
  expectError(await api("/views/all?limit=0", { token: ann.token }), 400, "validation_failed");
});
