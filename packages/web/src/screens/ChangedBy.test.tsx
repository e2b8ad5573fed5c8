/**
 * Who last changed a task, on its row: in a shared list a person sees that someone
 * else completed or changed it ("Done by bob@…"), and nothing extra for their own changes.
 */
import type { ListsOfPerson } from "@taskmanager/core/list/schema";
import { screen, within } from "@testing-library/react";
import { beforeEach, expect, it } from "vitest";
import { makeTask, mockApi, renderApp } from "../test/helpers";

const LIST_ID = "01JABCDEFGHJKMNPQRSTVWXYZ0";
const T = "2026-01-01T00:00:00.000Z";
const lists: ListsOfPerson = {
  inbox: { openTasks: 0, openTasksCapped: false },
  items: [
    {
      listId: LIST_ID,
      name: "Groceries",
      role: "owner",
      position: 0,
      createdAt: T,
      updatedAt: T,
      version: 1,
      openTasks: 1,
      openTasksCapped: false,
    },
  ],
};

beforeEach(() => {
  // An access token whose claims name Ann (the app reads only the email from it).
  const claims = btoa(JSON.stringify({ properties: { email: "ann@example.com" } }));
  localStorage.setItem(
    "taskmanager.tokens",
    JSON.stringify({ access: `e30.${claims}.sig`, refresh: "r" }),
  );
});

it("says who else completed or changed a task, and nothing for the person's own", async () => {
  const tasks = [
    makeTask({ title: "Milk", status: "done", updatedBy: "bob@example.com", listId: LIST_ID }),
    makeTask({ title: "Eggs", updatedBy: "bob@example.com", listId: LIST_ID }),
    makeTask({ title: "Bread", status: "done", updatedBy: "ann@example.com", listId: LIST_ID }),
  ];
  mockApi((call) => {
    const path = call.url.pathname;
    if (path.endsWith("/lists")) return { status: 200, body: lists };
    if (path.endsWith("/members")) return { status: 200, body: { items: [] } };
    return { status: 200, body: { items: tasks, cursor: null } };
  });
  renderApp(`/lists/${LIST_ID}?done=1`);
  const row = async (title: string) =>
    (await screen.findByRole("link", { name: title })).closest("li") as HTMLElement;
  expect(within(await row("Milk")).getByText("Done by bob@example.com")).toBeTruthy();
  expect(within(await row("Eggs")).getByText("Changed by bob@example.com")).toBeTruthy();
  const own = await row("Bread");
  expect(within(own).getByText("Done")).toBeTruthy();
  expect(within(own).queryByText(/ by /)).toBeNull();
});
