/**
 * Today and Upcoming over HTTP, across the caller's Inbox, their own lists and lists
 * shared with them, in the caller's own date: done tasks hidden unless asked for,
 * search and tag within the view, lists one is not in never shown.
 */
import { ViewPage } from "@taskmanager/core/view/schema";
import { expect, test } from "vitest";
import { api, newPerson, type Person } from "../helpers/api";
import { createList, join } from "../helpers/lists";

const TODAY = "2031-03-10";

const post = async (person: Person, body: object) => {
  const response = await api("/tasks", { method: "POST", token: person.token, body });
  expect(response.status, response.text).toBe(201);
};

test("Today and Upcoming read every list the person is in, and nothing else", async () => {
  const ann = await newPerson("views-ann");
  const bob = await newPerson("views-bob");
  const own = await createList(ann, "Ann's");
  const shared = await createList(bob, "Bob's, shared");
  const notHers = await createList(bob, "Bob's alone");
  await join(bob, shared, ann, "viewer");
  await post(ann, { title: "overdue in the inbox", dueDate: "2031-03-01", tags: ["home"] });
  await post(ann, { title: "today in her list", dueDate: TODAY, listId: own });
  await post(bob, { title: "today in the shared list", dueDate: TODAY, listId: shared });
  await post(bob, { title: "today in a list she is not in", dueDate: TODAY, listId: notHers });
  await post(ann, { title: "done today", dueDate: TODAY, status: "done" });
  await post(ann, { title: "in three days", dueDate: "2031-03-13", listId: own, tags: ["home"] });
  await post(bob, { title: "in six days, shared", dueDate: "2031-03-16", listId: shared });
  await post(ann, { title: "in seven days", dueDate: "2031-03-17" });
  await post(ann, { title: "undated" });

  const view = async (name: string, query = "") => {
    const response = await api(`/views/${name}?today=${TODAY}${query}`, { token: ann.token });
    expect(response.status, response.text).toBe(200);
    return ViewPage.parse(response.json).items.map((t) => t.title);
  };
  expect(await view("today")).toEqual([
    "overdue in the inbox",
    "today in her list",
    "today in the shared list",
  ]);
  expect(await view("today", "&includeDone=true")).toEqual([
    "overdue in the inbox",
    "today in her list",
    "today in the shared list",
    "done today",
  ]);
  expect(await view("upcoming")).toEqual([
    "today in her list",
    "today in the shared list",
    "in three days",
    "in six days, shared",
  ]);
  expect(await view("upcoming", "&tag=home")).toEqual(["in three days"]);
  expect(await view("today", "&q=SHARED")).toEqual(["today in the shared list"]);
  // The caller's date decides: a day later, today's tasks are overdue and Upcoming moves on.
  const response = await api("/views/upcoming?today=2031-03-11", { token: ann.token });
  expect(ViewPage.parse(response.json).items.map((t) => t.title)).toEqual([
    "in three days",
    "in six days, shared",
    "in seven days",
  ]);
});
