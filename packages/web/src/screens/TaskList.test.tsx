import type { Task } from "@taskmanager/core/task/schema";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { localToday } from "../tasks/dates";
import { type Call, makeTask, mockApi, renderApp } from "../test/helpers";

const page = (items: Task[], cursor: string | null = null) => ({
  status: 200,
  body: { items, cursor },
});
const rows = async () =>
  within(await screen.findByRole("list", { name: "Tasks" })).getAllByRole("listitem");
// The task pages read (the sidebar also reads GET /lists, for its counts).
const lists = (calls: Call[]) =>
  calls.filter((c) => c.method === "GET" && c.url.pathname.endsWith("/tasks"));

/** A reply the test releases when it wants: to look at the screen while a request is in flight. */
function deferred() {
  let release: (reply: { status: number; body?: unknown }) => void = () => {};
  const reply = new Promise<{ status: number; body?: unknown }>((resolve) => {
    release = resolve;
  });
  return { reply, release };
}

function daysFromToday(days: number) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return localToday(d);
}

describe("the task list", () => {
  it("pages with Load more over the API cursor, focusing the first new row", async () => {
    const pages: Record<string, { items: Task[]; cursor: string | null }> = {
      "": { items: [makeTask({ title: "First" }), makeTask({ title: "Second" })], cursor: "c1" },
      c1: { items: [makeTask({ title: "Third" })], cursor: null },
    };
    const calls = mockApi((call) => ({
      status: 200,
      body: pages[call.url.searchParams.get("cursor") ?? ""],
    }));
    // Done tasks shown: with them hidden, a short page with a cursor is read past by
    // itself (TaskList.done.test.tsx), and Load more is what this is about.
    renderApp("/?done=1");
    expect(await rows()).toHaveLength(2);
    fireEvent.click(screen.getByRole("button", { name: "Load more" }));

    await waitFor(async () => expect(await rows()).toHaveLength(3));
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Third"));
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
    expect(lists(calls).map((c) => c.url.searchParams.get("cursor"))).toEqual([null, "c1"]);
  });

  it("keeps status, sort, search and tag in the URL and asks the API for them", async () => {
    const calls = mockApi(() => page([]));
    const { router } = renderApp("/?status=done&sort=due");
    expect(await screen.findByText(/No tasks are “Done”/)).toBeTruthy();
    expect(lists(calls)[0]?.url.search).toBe("?sort=due&status=done");
    expect((screen.getByLabelText("Status") as HTMLSelectElement).value).toBe("done");

    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "" } });
    fireEvent.change(screen.getByLabelText("Search"), { target: { value: "milk" } });
    await waitFor(() => expect(router.state.location.search).toEqual({ sort: "due", q: "milk" }));
    expect(window.location.search).toBe(""); // memory history in tests: nothing leaks
    // Every status again: done tasks are left out, as by default (no "Show completed").
    await waitFor(() =>
      expect(lists(calls).at(-1)?.url.search).toBe("?sort=due&q=milk&includeDone=false"),
    );
    expect(await screen.findByText("No tasks match “milk”.")).toBeTruthy();
  });

  // A link the list cannot show: TaskList.url.test.tsx.

  it("filters by a tag when its chip is chosen, and drops the filter from its chip", async () => {
    const calls = mockApi((call) =>
      page([
        makeTask({
          title: "Water plants",
          tags: call.url.searchParams.has("tag") ? ["home"] : ["home", "garden"],
        }),
      ]),
    );
    const { router } = renderApp("/");
    fireEvent.click(await screen.findByRole("link", { name: "Show tasks tagged garden" }));
    await waitFor(() => expect(router.state.location.search).toEqual({ tag: "garden" }));
    await waitFor(() => expect(lists(calls).at(-1)?.url.searchParams.get("tag")).toBe("garden"));
    fireEvent.click(await screen.findByRole("button", { name: "Stop filtering by tag garden" }));
    await waitFor(() => expect(router.state.location.search).toEqual({}));
  });

  it("marks done at once, sends the version it shows once, and rolls back if refused", async () => {
    const task = makeTask({ title: "Water plants", version: 3 });
    const patch = deferred();
    // Elsewhere, the task was put in progress meanwhile: a status Mark done must not overwrite.
    const latest = { ...task, status: "in_progress" as const, version: 4 };
    const calls = mockApi((call) => {
      if (call.method === "PATCH") return patch.reply;
      return call.url.pathname === "/tasks" ? page([task]) : { status: 200, body: latest };
    });
    renderApp("/");
    const button = await screen.findByRole("button", { name: "Mark done “Water plants”" });
    fireEvent.click(button);
    fireEvent.click(button); // a double click is one change
    // Shown done before the server has answered.
    expect(await screen.findByRole("button", { name: "Reopen “Water plants”" })).toBeTruthy();
    const patches = calls.filter((c) => c.method === "PATCH");
    expect(patches).toHaveLength(1);
    expect(patches[0]?.body).toEqual({ version: 3, status: "done" });

    patch.release({ status: 409, body: { error: { code: "conflict", message: "stale" } } });
    expect((await screen.findByRole("alert")).textContent).toMatch(/changed elsewhere/);
    expect(screen.getByRole("button", { name: "Mark done “Water plants”" })).toBeTruthy();
  });

  it("a stale Mark done is made on the latest version when its status was not changed there", async () => {
    const shown = makeTask({ title: "Water plants", version: 3 });
    // Elsewhere, only the title changed meanwhile.
    let server: Task = { ...shown, title: "Water the plants", version: 4 };
    const calls = mockApi((call) => {
      if (call.method === "PATCH") {
        const input = call.body as { version: number; status: Task["status"] };
        if (input.version !== server.version) {
          return { status: 409, body: { error: { code: "conflict", message: "stale" } } };
        }
        server = { ...server, status: input.status, version: server.version + 1 };
        return { status: 200, body: server };
      }
      // The list was read before the change elsewhere; later reads see it.
      if (call.url.pathname === "/tasks") return page([clicked ? server : shown]);
      return { status: 200, body: server };
    });
    let clicked = false;
    renderApp("/");
    const button = await screen.findByRole("button", { name: "Mark done “Water plants”" });
    clicked = true;
    fireEvent.click(button);
    await waitFor(() => expect(server.status).toBe("done"));
    expect(calls.filter((c) => c.method === "PATCH").map((c) => c.body)).toEqual([
      { version: 3, status: "done" },
      { version: 4, status: "done" },
    ]);
    expect(await screen.findByRole("button", { name: "Reopen “Water the plants”" })).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("reopens a done task in one click", async () => {
    let task = makeTask({ title: "Pay rent", status: "done", version: 2 });
    const calls = mockApi((call) => {
      if (call.method === "PATCH") task = { ...task, status: "todo", version: 3 };
      return call.method === "PATCH" ? { status: 200, body: task } : page([task]);
    });
    renderApp("/");
    fireEvent.click(await screen.findByRole("button", { name: "Reopen “Pay rent”" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PATCH")).toBe(true));
    expect(calls.find((c) => c.method === "PATCH")?.body).toEqual({ version: 2, status: "todo" });
    expect(await screen.findByRole("button", { name: "Mark done “Pay rent”" })).toBeTruthy();
  });

  it("deletes with Undo: nothing is sent if undone; sent when the toast goes", async () => {
    const keep = makeTask({ title: "Keep me" });
    const gone = makeTask({ title: "Old receipts" });
    const calls = mockApi((call) =>
      call.method === "DELETE" ? { status: 204 } : page([gone, keep]),
    );
    renderApp("/");
    fireEvent.click(await screen.findByRole("button", { name: "Delete “Old receipts”" }));
    fireEvent.click(screen.getByRole("button", { name: "Yes, delete" }));
    expect(await rows()).toHaveLength(1);
    // Focus moves to the row now in the deleted one's place, not to <body>.
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Keep me"));
    expect(screen.getByText("Deleted “Old receipts”.")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    expect(await rows()).toHaveLength(2);
    expect(calls.filter((c) => c.method === "DELETE")).toHaveLength(0);

    fireEvent.click(screen.getByRole("button", { name: "Delete “Old receipts”" }));
    fireEvent.click(screen.getByRole("button", { name: "Yes, delete" }));
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    await waitFor(() => expect(calls.filter((c) => c.method === "DELETE")).toHaveLength(1));
    expect(calls.find((c) => c.method === "DELETE")?.url.pathname).toBe(`/tasks/${gone.taskId}`);
  });

  it("backs out of a delete with Escape, returning focus to Delete", async () => {
    mockApi(() => page([makeTask({ title: "Stay" })]));
    renderApp("/");
    fireEvent.click(await screen.findByRole("button", { name: "Delete “Stay”" }));
    const yes = screen.getByRole("button", { name: "Yes, delete" });
    fireEvent.keyDown(yes, { key: "Escape" });
    expect(screen.queryByRole("button", { name: "Yes, delete" })).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("button", { name: "Delete “Stay”" })),
    );
  });

  it("says overdue and due today in words, not colour alone", async () => {
    mockApi(() =>
      page([
        makeTask({ title: "Late", dueDate: daysFromToday(-2) }),
        makeTask({ title: "Now", dueDate: daysFromToday(0) }),
        makeTask({ title: "Soon", dueDate: daysFromToday(3) }),
        makeTask({ title: "Was late, done", dueDate: daysFromToday(-5), status: "done" }),
      ]),
    );
    renderApp("/");
    const [late, now, soon, done] = await rows();
    expect(late?.textContent).toMatch(/2 days overdue/);
    expect(now?.textContent).toMatch(/Due today/);
    expect(soon?.textContent).toMatch(/Due in 3 days/);
    expect(done?.textContent).not.toMatch(/overdue/);
  });

  it("adds a task with Enter at once, and takes it back with the reason if refused", async () => {
    const post = deferred();
    const calls = mockApi((call) => (call.method === "POST" ? post.reply : page([])));
    renderApp("/");
    const title = await screen.findByLabelText("Add a task");
    fireEvent.change(title, { target: { value: "Renew passport" } });
    fireEvent.submit(title);
    // The row is there before the server answers, and the box is ready for the next one.
    expect((await rows())[0]?.textContent).toMatch(/Renew passport.*Saving/);
    expect((title as HTMLInputElement).value).toBe("");
    expect(calls.find((c) => c.method === "POST")?.body).toMatchObject({ title: "Renew passport" });

    post.release({ status: 503, body: { error: { code: "unavailable", message: "busy" } } });
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /“Renew passport” was not added: The service is busy/,
    );
    expect(screen.queryByRole("list", { name: "Tasks" })).toBeNull();
    expect((title as HTMLInputElement).value).toBe("Renew passport");
  });

  it("has n, / and ? shortcuts that stay quiet while typing", async () => {
    mockApi(() => page([]));
    renderApp("/");
    const search = await screen.findByLabelText("Search");
    await screen.findByText(/No tasks yet/);
    fireEvent.keyDown(document.body, { key: "/" });
    expect(document.activeElement).toBe(search);
    fireEvent.keyDown(search, { key: "n" });
    expect(document.activeElement).toBe(search);
    act(() => (document.activeElement as HTMLElement).blur());
    fireEvent.keyDown(document.body, { key: "n" });
    expect(document.activeElement).toBe(screen.getByLabelText("Add a task"));
  });

  it("n from another screen opens the list with quick add focused, not its heading", async () => {
    const task = makeTask({ title: "Elsewhere" });
    mockApi((call) =>
      call.url.pathname === "/tasks" ? page([task]) : { status: 200, body: task },
    );
    renderApp(`/tasks/${task.taskId}`);
    await screen.findByRole("heading", { name: "Elsewhere" });
    fireEvent.keyDown(document.body, { key: "n" });
    const quickAdd = await screen.findByLabelText("Add a task");
    await waitFor(() => expect(document.activeElement).toBe(quickAdd));
  });

  it("announces a completed task in the polite live region", async () => {
    const task = makeTask({ title: "Water plants" });
    mockApi((call) =>
      call.method === "PATCH"
        ? { status: 200, body: { ...task, status: "done", version: 2 } }
        : page([task]),
    );
    renderApp("/");
    fireEvent.click(await screen.findByRole("button", { name: "Mark done “Water plants”" }));
    const region = document.querySelector('[aria-live="polite"][role="status"]');
    await waitFor(() => expect(region?.textContent).toBe("Completed “Water plants”."));
  });

  it("shows a server error at once, in people's words, and retries on request", async () => {
    let up = false;
    const calls = mockApi(() =>
      up ? page([makeTask({ title: "Back" })]) : { status: 500, body: "not an envelope" },
    );
    renderApp("/");
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /Something went wrong on our side; try again/,
    );
    expect(lists(calls)).toHaveLength(1); // no silent retries first
    up = true;
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findByText("Back")).toBeTruthy();
  });

  it("shows a not-found screen for an unknown address", async () => {
    mockApi(() => page([]));
    renderApp("/no/such/page");
    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeTruthy();
    expect(document.title).toBe("Page not found · Taskmanager");
  });
});
