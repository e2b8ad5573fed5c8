/**
 * Leaving a list: any member may, after being asked; they lose it at once (the
 * sidebar, the screen). A list's last owner cannot: the server's refusal is shown
 * in its words and nothing else changes.
 */
import type { List } from "@taskmanager/core/list/schema";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { expect, it } from "vitest";
import { type Call, mockApi, renderApp } from "../test/helpers";

const LIST_ID = "01JABCDEFGHJKMNPQRSTVWXYZ0";
const T = "2026-01-01T00:00:00.000Z";
const list = (role: List["role"]): List => ({
  listId: LIST_ID,
  name: "Book club",
  role,
  position: 0,
  createdAt: T,
  updatedAt: T,
  version: 1,
  openTasks: 0,
  openTasksCapped: false,
});
const LAST_OWNER =
  "A list always keeps an owner: make another member owner first, or delete the list.";

function api(role: List["role"], leave: { status: number; body?: unknown }) {
  let lists = [list(role)];
  return mockApi((call: Call) => {
    const path = call.url.pathname;
    if (path.endsWith("/me") && call.method === "DELETE") {
      if (leave.status === 204) lists = [];
      return leave;
    }
    if (path.endsWith("/lists")) {
      return {
        status: 200,
        body: { inbox: { openTasks: 0, openTasksCapped: false }, items: lists },
      };
    }
    if (path.endsWith("/members")) return { status: 200, body: { items: [] } };
    return { status: 200, body: { items: [], cursor: null } };
  });
}

const leaves = (calls: Call[]) =>
  calls.filter((c) => c.method === "DELETE").map((c) => c.url.pathname);

it("a member leaves after being asked, and the list is gone from their sidebar", async () => {
  const calls = api("editor", { status: 204 });
  const { router } = renderApp(`/lists/${LIST_ID}`);
  fireEvent.click(await screen.findByRole("button", { name: /^Leave/ }, { timeout: 5_000 }));
  expect(
    screen.getByText("Leave “Book club”? You will no longer see it or its tasks."),
  ).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Keep" }));
  expect(leaves(calls)).toEqual([]);

  fireEvent.click(screen.getByRole("button", { name: /^Leave/ }));
  fireEvent.click(screen.getByRole("button", { name: "Yes, leave" }));
  await waitFor(() => expect(leaves(calls)).toEqual([`/lists/${LIST_ID}/me`]));
  await waitFor(() => expect(router.state.location.pathname).toBe("/"));
  const nav = screen.getByRole("navigation", { name: "Lists" });
  await waitFor(() => expect(within(nav).queryByRole("link", { name: /^Book club/ })).toBeNull());
});

it("the last owner is refused in the server's words, and stays", async () => {
  const calls = api("owner", {
    status: 409,
    body: { error: { code: "conflict", message: LAST_OWNER } },
  });
  const { router } = renderApp(`/lists/${LIST_ID}`);
  fireEvent.click(await screen.findByRole("button", { name: /^Leave/ }, { timeout: 5_000 }));
  fireEvent.click(screen.getByRole("button", { name: "Yes, leave" }));
  expect((await screen.findByRole("alert")).textContent).toBe(LAST_OWNER);
  expect(leaves(calls)).toEqual([`/lists/${LIST_ID}/me`]);
  expect(router.state.location.pathname).toBe(`/lists/${LIST_ID}`);
});

it("a list one was removed from meanwhile is said to be gone, not a task", async () => {
  api("editor", { status: 404, body: { error: { code: "not_found", message: "Not found" } } });
  renderApp(`/lists/${LIST_ID}`);
  fireEvent.click(await screen.findByRole("button", { name: /^Leave/ }, { timeout: 5_000 }));
  fireEvent.click(screen.getByRole("button", { name: "Yes, leave" }));
  expect((await screen.findByRole("alert")).textContent).toMatch(
    /This list does not exist any more/,
  );
});
