/**
 * A deleted task stays deleted unless Undo was pressed: the pending DELETE is sent
 * when the page goes away, on the next start if it did not arrive, and before
 * signing out; a second delete sends the first.
 */
import type { Task } from "@taskmanager/core/task/schema";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { toast } from "../app/toast";
import { makeTask, mockApi, renderApp } from "../test/helpers";
import { pendingDeletes } from "./deletion";
import { queryClient } from "./query-client";

const page = (items: Task[]) => ({ status: 200, body: { items, cursor: null } });
const titles = async () =>
  within(await screen.findByRole("list", { name: "Tasks" }))
    .getAllByRole("listitem")
    .map((row) => row.querySelector(".task-title")?.textContent);

/** A server that deletes for real: later lists no longer have the task. */
function server(tasks: Task[]) {
  let stored = [...tasks];
  const calls = mockApi((call) => {
    if (call.method === "DELETE") {
      const id = call.url.pathname.split("/").at(-1);
      const found = stored.some((t) => t.taskId === id);
      stored = stored.filter((t) => t.taskId !== id);
      return found
        ? { status: 204 }
        : { status: 404, body: { error: { code: "not_found", message: "Task not found" } } };
    }
    return page(stored);
  });
  const deletes = () => calls.filter((c) => c.method === "DELETE").map((c) => c.url.pathname);
  return { calls, deletes };
}

async function deleteRow(title: string) {
  fireEvent.click(await screen.findByRole("button", { name: `Delete “${title}”` }));
  fireEvent.click(screen.getByRole("button", { name: "Yes, delete" }));
  await screen.findByText(`Deleted “${title}”.`);
}

/** What a reload leaves: the page's memory gone, localStorage (the session) kept. */
function reloadPage() {
  cleanup();
  queryClient.clear();
  toast.set(null);
  pendingDeletes.set(new Set());
}

afterEach(() => vi.restoreAllMocks());

describe("a deleted task stays deleted unless Undo was pressed", () => {
  it("the page going away (reload, another site, closing) sends the DELETE with keepalive", async () => {
    const gone = makeTask({ title: "Old receipts" });
    const api = server([gone, makeTask({ title: "Keep me" })]);
    renderApp("/");
    await deleteRow("Old receipts");
    expect(api.deletes()).toEqual([]);

    window.dispatchEvent(new Event("pagehide"));
    await waitFor(() => expect(api.deletes()).toEqual([`/tasks/${gone.taskId}`]));
    const init = vi.mocked(fetch).mock.calls.find(([, i]) => i?.method === "DELETE")?.[1];
    expect(init?.keepalive).toBe(true);
    expect(init?.headers).toEqual({ authorization: "Bearer test-token" });
    // The chance to undo went with the page.
    expect(screen.queryByRole("button", { name: "Undo" })).toBeNull();
  });

  it("a reload before the DELETE arrived: the task stays hidden and is deleted at start", async () => {
    const gone = makeTask({ title: "Old receipts" });
    // The page died before its DELETE reached the server: nothing was sent.
    const api = server([gone, makeTask({ title: "Keep me" })]);
    renderApp("/");
    await deleteRow("Old receipts");
    reloadPage();
    expect(api.deletes()).toEqual([]);

    renderApp("/");
    await waitFor(() => expect(api.deletes()).toEqual([`/tasks/${gone.taskId}`]));
    expect(await titles()).toEqual(["Keep me"]);
    // No Undo for a delete from a page that is gone, and nothing left to send.
    expect(screen.queryByRole("button", { name: "Undo" })).toBeNull();
    reloadPage();
    renderApp("/");
    expect(await titles()).toEqual(["Keep me"]);
    expect(api.deletes()).toHaveLength(1);
  });

  it("Undo, then a reload: the task is kept and nothing is sent", async () => {
    const api = server([makeTask({ title: "Old receipts" })]);
    renderApp("/");
    await deleteRow("Old receipts");
    fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    window.dispatchEvent(new Event("pagehide"));
    reloadPage();
    renderApp("/");
    expect(await titles()).toEqual(["Old receipts"]);
    expect(api.deletes()).toEqual([]);
  });

  it("a second delete sends the first; both stay deleted", async () => {
    const first = makeTask({ title: "First" });
    const second = makeTask({ title: "Second" });
    const api = server([first, second, makeTask({ title: "Third" })]);
    renderApp("/");
    await deleteRow("First");
    await deleteRow("Second");
    await waitFor(() => expect(api.deletes()).toEqual([`/tasks/${first.taskId}`]));
    expect(await titles()).toEqual(["Third"]);
    fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    expect(await titles()).toEqual(["Second", "Third"]);
  });

  it("signing out sends the pending delete while the token is still there", async () => {
    const gone = makeTask({ title: "Old receipts" });
    const api = server([gone]);
    const assign = vi.fn();
    vi.spyOn(window, "location", "get").mockReturnValue({
      ...window.location,
      assign,
    } as Location);
    renderApp("/");
    await deleteRow("Old receipts");
    fireEvent.click(screen.getByRole("button", { name: "Sign out" }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith("/"));
    expect(api.deletes()).toEqual([`/tasks/${gone.taskId}`]);
    expect(localStorage.getItem("taskmanager.tokens")).toBeNull();
  });
});
