/**
 * Making and renaming lists, and moving a task to another list: what the app sends.
 * Deleting one (with Undo) is in ListDelete.test.tsx.
 */
import type { List } from "@taskmanager/core/list/schema";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type Call, makeTask, mockApi, renderApp } from "../test/helpers";

const LIST_ID = "01JABCDEFGHJKMNPQRSTVWXYZ0";
const NEW_ID = "01JABCDEFGHJKMNPQRSTVWXYZ1";

function makeList(overrides: Partial<List> = {}): List {
  return {
    listId: LIST_ID,
    name: "Work",
    role: "owner",
    position: 0,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    version: 1,
    openTasks: 0,
    openTasksCapped: false,
    ...overrides,
  };
}

type Reply = { status: number; body?: unknown };

/** A small list API: the lists it holds, and `onDelete` deciding each DELETE's answer. */
function listApi(items: List[], onDelete: (call: Call) => Reply = () => ({ status: 204 })) {
  const state = { items };
  const task = makeTask({ title: "Plan the offsite", updatedBy: "bob@example.com" });
  const calls = mockApi((call) => {
    const path = call.url.pathname;
    if (path.endsWith("/lists") && call.method === "GET") {
      return {
        status: 200,
        body: { inbox: { openTasks: 0, openTasksCapped: false }, items: state.items },
      };
    }
    if (path.endsWith("/lists") && call.method === "POST") {
      const created = makeList({ listId: NEW_ID, name: (call.body as { name: string }).name });
      state.items = [...state.items, created];
      return { status: 201, body: created };
    }
    if (path.endsWith("/members")) return { status: 200, body: { items: [] } };
    if (path.includes("/lists/") && call.method === "PATCH") {
      const renamed = makeList({ ...state.items[0], ...(call.body as object), version: 2 });
      state.items = [renamed];
      return { status: 200, body: renamed };
    }
    if (path.includes("/lists/") && call.method === "DELETE") return onDelete(call);
    if (path.includes("/tasks/") && call.method === "PATCH") {
      return { status: 200, body: { ...task, ...(call.body as object), version: 2 } };
    }
    if (path.includes("/tasks/")) return { status: 200, body: task };
    return { status: 200, body: { items: [], cursor: null } };
  });
  return { calls, task };
}

describe("lists", () => {
  it("are made from the sidebar, which then opens the new list", async () => {
    const { calls } = listApi([]);
    const { router } = renderApp("/");
    // The first render loads the sidebar's code: on a busy machine that takes over a second.
    const nav = await screen.findByRole("navigation", { name: "Lists" }, { timeout: 5_000 });
    fireEvent.change(within(nav).getByLabelText("New list"), { target: { value: "Groceries" } });
    fireEvent.click(within(nav).getByRole("button", { name: "Add list" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Groceries" })).toBeTruthy();
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ name: "Groceries" });
    expect(router.state.location.pathname).toBe(`/lists/${NEW_ID}`);
    expect(await within(nav).findByRole("link", { name: /^Groceries/ })).toBeTruthy();
  });

  it("refuse an empty name without asking the server", async () => {
    const { calls } = listApi([]);
    renderApp("/");
    const nav = await screen.findByRole("navigation", { name: "Lists" });
    fireEvent.click(within(nav).getByRole("button", { name: "Add list" }));
    expect((await within(nav).findByRole("alert")).textContent).toMatch(/must not be empty/);
    expect(calls.filter((c) => c.method === "POST")).toHaveLength(0);
  });

  it("are renamed by their owner, at the version read", async () => {
    const { calls } = listApi([makeList()]);
    renderApp(`/lists/${LIST_ID}`);
    fireEvent.click(await screen.findByRole("button", { name: /^Rename/ }));
    const field = screen.getByLabelText("List name");
    fireEvent.change(field, { target: { value: "Job" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Job" })).toBeTruthy();
    expect(calls.find((c) => c.method === "PATCH")?.body).toEqual({ version: 1, name: "Job" });
  });

  it("offer a viewer neither rename, delete nor quick add", async () => {
    listApi([makeList({ role: "viewer" })]);
    renderApp(`/lists/${LIST_ID}`);
    expect(await screen.findByRole("heading", { level: 1, name: "Work" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Rename/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Delete/ })).toBeNull();
    expect(screen.queryByLabelText("Add a task")).toBeNull();
  });
});

describe("a task's list", () => {
  it("says who changed the task last, and a move sends the chosen list at the version read, and only once one is chosen", async () => {
    const { calls, task } = listApi([
      makeList(),
      makeList({ listId: NEW_ID, name: "Home", role: "viewer" }),
    ]);
    renderApp(`/tasks/${task.taskId}`);
    const select = (await screen.findByLabelText("List")) as HTMLSelectElement;
    // Who last changed it shows with when.
    expect(screen.getByText(/by bob@example\.com$/)).toBeTruthy();
    await within(select).findByRole("option", { name: "Work" });
    // A list one only views cannot take tasks.
    expect(within(select).queryByRole("option", { name: "Home" })).toBeNull();
    const move = screen.getByRole("button", { name: "Move" }) as HTMLButtonElement;
    expect(move.disabled).toBe(true);
    fireEvent.change(select, { target: { value: LIST_ID } });
    fireEvent.click(move);
    await waitFor(() =>
      expect(calls.filter((c) => c.method === "PATCH").map((c) => c.body)).toEqual([
        { version: task.version, listId: LIST_ID },
      ]),
    );
  });
});
