/**
 * Deleting a list is undone like a task delete: after the person agreed (its tasks
 * go with it), the list leaves the sidebar and its tasks every view at once, Undo is
 * offered for the toast's time, and only then is `DELETE ?tasks=delete` sent. A
 * reload or leaving the page during that time does not lose the delete.
 */
import type { List } from "@taskmanager/core/list/schema";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { toast } from "../app/toast";
import { pendingDeletes } from "../tasks/deletion";
import { queryClient } from "../tasks/query-client";
import { type Call, makeTask, mockApi, renderApp } from "../test/helpers";

const LIST_ID = "01JABCDEFGHJKMNPQRSTVWXYZ0";
const T = "2026-01-01T00:00:00.000Z";
const work: List = {
  listId: LIST_ID,
  name: "Work",
  role: "owner",
  position: 0,
  createdAt: T,
  updatedAt: T,
  version: 1,
  openTasks: 4,
  openTasksCapped: false,
};
const inWork = makeTask({ title: "Plan the offsite", listId: LIST_ID, dueDate: "2020-01-01" });
const inInbox = makeTask({ title: "Call mum", dueDate: "2020-01-01" });

/** A server that deletes for real: once a DELETE is answered, the list is gone. */
function api(answer: Promise<void> = Promise.resolve()) {
  let lists = [work];
  return mockApi(async (call: Call) => {
    const path = call.url.pathname;
    if (call.method === "DELETE") {
      await answer;
      lists = [];
      return { status: 204 };
    }
    if (path.endsWith("/lists")) {
      return {
        status: 200,
        body: { inbox: { openTasks: 1, openTasksCapped: false }, items: lists },
      };
    }
    if (path.endsWith("/members")) return { status: 200, body: { items: [] } };
    if (path.includes("/views/")) {
      return { status: 200, body: { items: [inWork, inInbox], truncated: false } };
    }
    return { status: 200, body: { items: [], cursor: null } };
  });
}

const deletes = (calls: Call[]) =>
  calls.filter((c) => c.method === "DELETE").map((c) => `${c.url.pathname}${c.url.search}`);

const sidebarLink = () =>
  within(screen.getByRole("navigation", { name: "Lists" })).queryByRole("link", {
    name: /^Work/,
  });

async function deleteWork() {
  const rendered = renderApp(`/lists/${LIST_ID}`);
  fireEvent.click(await screen.findByRole("button", { name: /^Delete/ }, { timeout: 5_000 }));
  expect(
    screen.getByText("Delete this list and every task in it (4 open), completed ones included?"),
  ).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Yes, delete" }));
  await screen.findByText("Deleted list “Work”.");
  return rendered;
}

describe("deleting a list", () => {
  it("hides it and its tasks at once, offers Undo, and sends the DELETE with its tasks when the window ends", async () => {
    const calls = api();
    const { router } = await deleteWork();
    await waitFor(() => expect(router.state.location.pathname).toBe("/"));
    expect(sidebarLink()).toBeNull();
    expect(screen.getByRole("button", { name: "Undo" })).toBeTruthy();
    await router.navigate({ to: "/today" });
    expect(await screen.findByText("Call mum")).toBeTruthy();
    expect(screen.queryByText("Plan the offsite")).toBeNull();
    expect(deletes(calls)).toEqual([]);

    // The toast's time runs out.
    const current = toast.get();
    if (!current) throw new Error("no toast");
    const { dismissToast } = await import("../app/toast");
    dismissToast(current.id, { expired: true });
    await waitFor(() => expect(deletes(calls)).toEqual([`/lists/${LIST_ID}?tasks=delete`]));
  });

  it("Back to the list during the window shows it as deleted, with nothing to act on", async () => {
    api();
    const { router } = await deleteWork();
    await waitFor(() => expect(router.state.location.pathname).toBe("/"));
    router.history.back();
    expect(await screen.findByRole("heading", { level: 1, name: "List deleted" })).toBeTruthy();
    expect(screen.getByText(/are being deleted: Undo/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^(Delete|Rename|Share|Leave)/ })).toBeNull();
    expect(screen.queryByLabelText("Add a task")).toBeNull();
  });

  it("Undo brings it back and sends nothing", async () => {
    const calls = api();
    await deleteWork();
    fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(sidebarLink()).not.toBeNull());
    expect(localStorage.getItem("taskmanager.pendingDeletes")).toBeNull();
    expect(deletes(calls)).toEqual([]);
  });

  it("a reload during the window keeps it deleted: hidden from the start, and sent then", async () => {
    let answer = () => {};
    const calls = api(new Promise((resolve) => (answer = resolve)));
    await deleteWork();
    // What a reload leaves: memory gone (no toast ran out), localStorage kept.
    cleanup();
    queryClient.clear();
    toast.set(null);
    pendingDeletes.set(new Set());
    expect(deletes(calls)).toEqual([]);

    renderApp("/");
    await screen.findByRole("navigation", { name: "Lists" }, { timeout: 5_000 });
    await waitFor(() => expect(deletes(calls)).toEqual([`/lists/${LIST_ID}?tasks=delete`]));
    // Not yet answered, and the server still lists it: hidden all the same.
    await screen.findByRole("link", { name: /^Inbox/ });
    expect(sidebarLink()).toBeNull();
    answer();
    await waitFor(() => expect(localStorage.getItem("taskmanager.pendingDeletes")).toBeNull());
    expect(sidebarLink()).toBeNull();
  });

  it("leaving the page during the window sends it with keepalive", async () => {
    const calls = api();
    await deleteWork();
    window.dispatchEvent(new Event("pagehide"));
    await waitFor(() => expect(deletes(calls)).toEqual([`/lists/${LIST_ID}?tasks=delete`]));
    const init = vi.mocked(fetch).mock.calls.find(([, i]) => i?.method === "DELETE")?.[1];
    expect(init?.keepalive).toBe(true);
  });

  it("a task delete left by the app before lists (its old outbox entry) is still sent", async () => {
    const calls = api();
    localStorage.setItem(
      "taskmanager.pendingDeletes",
      JSON.stringify([{ owner: null, taskId: inInbox.taskId, title: "Call mum" }]),
    );
    renderApp("/");
    await waitFor(() => expect(deletes(calls)).toEqual([`/tasks/${inInbox.taskId}`]));
  });
});
