/**
 * The export of one list (`listId`) and of every list one can read (`scope=all`),
 * under the API's rule: members only; and the columns of issue 20's fields.
 */
import { joinUrl } from "@taskmanager/core/url/schema";
import { parse } from "csv-parse/sync";
import { expect, test } from "vitest";
import { api, newPerson, type Person, stack } from "../helpers/api";
import { createList, join } from "../helpers/lists";

async function download(query: string, person: Person) {
  const response = await fetch(joinUrl(stack().export, query), {
    headers: { authorization: `Bearer ${person.token}` },
  });
  return { status: response.status, text: await response.text() };
}

test("a member exports a list they are in; anyone else gets the API's 404; without listId, the Inbox", async () => {
  const ann = await newPerson("export-lists-ann");
  const bob = await newPerson("export-lists-bob");
  const eve = await newPerson("export-lists-eve");
  const listId = await createList(ann, "Shared");
  await join(ann, listId, bob, "viewer");
  for (const body of [
    { title: "shared one", listId },
    { title: "shared two", listId },
    { title: "Ann's inbox" },
  ]) {
    expect((await api("/tasks", { method: "POST", token: ann.token, body })).status).toBe(201);
  }
  await api("/tasks", { method: "POST", token: bob.token, body: { title: "Bob's inbox" } });

  const bobsList = await download(`?format=ndjson&listId=${listId}`, bob);
  expect(bobsList.status).toBe(200);
  const titles = bobsList.text
    .trim()
    .split("\n")
    .map((line) => (JSON.parse(line) as { title: string }).title);
  expect(titles.sort()).toEqual(["shared one", "shared two"]);

  const bobsInbox = await download("?format=ndjson", bob);
  expect(bobsInbox.text).toContain("Bob's inbox");
  expect(bobsInbox.text).not.toContain("shared");

  const eves = await download(`?format=csv&listId=${listId}`, eve);
  expect(eves.status).toBe(404);
  expect(JSON.parse(eves.text)).toEqual({
    error: { code: "not_found", message: "List not found" },
  });
});

const rowsOf = (text: string) =>
  text
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);

test("scope=all: the Inbox, then every list the caller is in, in their order, each row naming its list", async () => {
  const ann = await newPerson("export-all-ann");
  const bob = await newPerson("export-all-bob");
  const own = await createList(ann, "Ann's list");
  const shared = await createList(bob, "Bob's, shared");
  const notHers = await createList(bob, "Bob's alone");
  const left = await createList(bob, "Bob's, she was removed");
  await join(bob, shared, ann, "viewer");
  const annInLeft = await join(bob, left, ann, "editor");
  const post = async (person: Person, body: object) =>
    expect((await api("/tasks", { method: "POST", token: person.token, body })).status).toBe(201);
  await post(ann, { title: "inbox one", tags: ["x"] });
  await post(ann, { title: "in her list", listId: own, status: "done" });
  await post(bob, { title: "in the shared list", listId: shared, tags: ["x"] });
  await post(bob, { title: "not hers", listId: notHers });
  await post(bob, { title: "in a list she left", listId: left });
  const removal = await api(`/lists/${left}/members/${annInLeft}`, {
    method: "DELETE",
    token: bob.token,
  });
  expect(removal.status).toBe(204);

  const all = await download("?format=ndjson&scope=all", ann);
  expect(all.status, all.text).toBe(200);
  expect(rowsOf(all.text).map(({ title, list }) => [title, list])).toEqual([
    ["inbox one", "Inbox"],
    ["in her list", "Ann's list"],
    ["in the shared list", "Bob's, shared"],
  ]);
  // The list's filters apply in every list.
  const filtered = await download("?format=ndjson&scope=all&tag=X&status=todo", ann);
  expect(rowsOf(filtered.text).map(({ title }) => title)).toEqual([
    "inbox one",
    "in the shared list",
  ]);
  // CSV: the `list` column names each row's list.
  const csv = await download("?format=csv&scope=all", ann);
  const rows = parse(csv.text, { bom: true, columns: true }) as Record<string, string>[];
  expect(rows.map((row) => [row.title, row.list, row.listId])).toEqual([
    ["inbox one", "Inbox", ""],
    ["in her list", "Ann's list", own],
    ["in the shared list", "Bob's, shared", shared],
  ]);
  // One list's export names it too; the Inbox's names the Inbox.
  const one = await download(`?format=ndjson&listId=${shared}`, ann);
  expect(rowsOf(one.text).map(({ list }) => list)).toEqual(["Bob's, shared"]);
  expect(rowsOf((await download("?format=ndjson", ann)).text).map(({ list }) => list)).toEqual([
    "Inbox",
  ]);
  expect(rowsOf((await download("?format=ndjson&scope=inbox", ann)).text)).toHaveLength(1);

  for (const query of [`?scope=all&listId=${shared}`, "?scope=everything"]) {
    const refused = await download(query, ann);
    expect(refused.status, query).toBe(400);
    expect((JSON.parse(refused.text) as { error: { code: string } }).error.code).toBe(
      "validation_failed",
    );
  }
});

test("the export carries a task's time, repeat rule and reminders, in CSV and NDJSON", async () => {
  const ann = await newPerson("export-columns");
  const created = await api("/tasks", {
    method: "POST",
    token: ann.token,
    body: {
      title: "weekly review",
      dueDate: "2031-03-10",
      dueTime: "09:30",
      recurrence: { freq: "weekly", byWeekday: ["MO"] },
      reminders: [{ before: 60 }, { at: "2031-03-09T18:00:00.000Z" }],
    },
  });
  expect(created.status, created.text).toBe(201);
  await api("/tasks", { method: "POST", token: ann.token, body: { title: "plain" } });

  const [repeating, plain] = rowsOf((await download("?format=ndjson&sort=due", ann)).text);
  expect(repeating).toMatchObject({
    title: "weekly review",
    dueTime: "09:30",
    recurrence: { freq: "weekly", byWeekday: ["MO"] },
    recurrenceRule: expect.stringContaining("FREQ=WEEKLY"),
    reminders: [{ before: 60 }, { at: expect.stringMatching(/^2031-03-09T18:00/) }],
    list: "Inbox",
  });
  expect(plain).not.toHaveProperty("dueTime");

  const csv = await download("?format=csv&sort=due", ann);
  const [row, plainRow] = parse(csv.text, { bom: true, columns: true }) as Record<string, string>[];
  expect(row?.dueTime).toBe("09:30");
  expect(row?.recurrence).toBe(repeating?.recurrenceRule);
  expect(JSON.parse(row?.reminders ?? "")).toEqual(repeating?.reminders);
  expect(row?.list).toBe("Inbox");
  expect([plainRow?.dueTime, plainRow?.recurrence, plainRow?.reminders]).toEqual(["", "", ""]);
});
