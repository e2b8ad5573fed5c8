/** The export of one list (`listId`), under the API's rule: its members only. */
import { joinUrl } from "@taskmanager/core/url/schema";
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
