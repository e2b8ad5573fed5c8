/**
 * The Inbox hides done tasks as the views do (issue 19, 2): hidden by default, shown
 * with "Show completed" (`done=1` in the URL, so a link or Back keeps it), and a chosen
 * status shows its tasks, Done included.
 */
import type { Task } from "@taskmanager/core/task/schema";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type Call, makeTask, mockApi, renderApp } from "../test/helpers";

const milk = makeTask({ title: "Buy milk" });
const bread = makeTask({ title: "Bought bread", status: "done" });

/** GET /tasks as the API answers it: `includeDone=false` and `status` filter. */
function api(tasks: Task[]) {
  return (call: Call) => {
    const query = call.url.searchParams;
    const items = call.url.pathname.endsWith("/tasks")
      ? tasks.filter(
          (t) =>
            (query.get("includeDone") !== "false" || t.status !== "done") &&
            (!query.get("status") || t.status === query.get("status")),
        )
      : [];
    return { status: 200, body: { items, cursor: null } };
  };
}

const taskReads = (calls: Call[]) =>
  calls.filter((c) => c.method === "GET" && c.url.pathname.endsWith("/tasks"));
const showCompleted = () => screen.getByRole("switch", { name: "Show completed" });

describe("the Inbox's done tasks", () => {
  it("are hidden by default, and the API is asked to leave them out", async () => {
    const calls = mockApi(api([milk, bread]));
    renderApp("/");
    expect(await screen.findByText("Buy milk")).toBeTruthy();
    expect(screen.queryByText("Bought bread")).toBeNull();
    expect((showCompleted() as HTMLInputElement).checked).toBe(false);
    expect(taskReads(calls).at(-1)?.url.searchParams.get("includeDone")).toBe("false");
  });

  it("show with the switch, which is in the URL and undone by Back", async () => {
    const calls = mockApi(api([milk, bread]));
    const { router } = renderApp("/?sort=due");
    await screen.findByText("Buy milk");
    fireEvent.click(showCompleted());
    await waitFor(() => expect(router.state.location.search).toEqual({ sort: "due", done: "1" }));
    expect(router.state.location.href).toBe("/?sort=due&done=1");
    expect(await screen.findByText("Bought bread")).toBeTruthy();
    expect(taskReads(calls).at(-1)?.url.searchParams.has("includeDone")).toBe(false);
    expect((showCompleted() as HTMLInputElement).checked).toBe(true);

    act(() => router.history.back());
    await waitFor(() => expect(screen.queryByText("Bought bread")).toBeNull());
    expect(router.state.location.search).toEqual({ sort: "due" });
    expect((showCompleted() as HTMLInputElement).checked).toBe(false);
  });

  it("show from a link with done=1, and the switch is on", async () => {
    mockApi(api([milk, bread]));
    renderApp("/?done=1");
    expect(await screen.findByText("Bought bread")).toBeTruthy();
    expect(screen.getByText("Buy milk")).toBeTruthy();
    expect((showCompleted() as HTMLInputElement).checked).toBe(true);
  });

  it("show when the status Done is chosen, with the switch off", async () => {
    const calls = mockApi(api([milk, bread]));
    renderApp("/");
    await screen.findByText("Buy milk");
    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "done" } });
    expect(await screen.findByText("Bought bread")).toBeTruthy();
    await waitFor(() => expect(screen.queryByText("Buy milk")).toBeNull());
    const last = taskReads(calls).at(-1)?.url.searchParams;
    expect(last?.get("status")).toBe("done");
    expect(last?.has("includeDone")).toBe(false);
    expect((showCompleted() as HTMLInputElement).checked).toBe(false);
  });

  it("are read past by themselves: a short page of only done ones is followed by the next", async () => {
    // The API read a run of done tasks and answered an empty page with a cursor.
    const calls = mockApi((call) =>
      call.url.pathname.endsWith("/tasks")
        ? call.url.searchParams.get("cursor") === "next"
          ? { status: 200, body: { items: [milk], cursor: null } }
          : { status: 200, body: { items: [], cursor: "next" } }
        : { status: 200, body: { items: [], cursor: null } },
    );
    renderApp("/");
    expect(await screen.findByText("Buy milk")).toBeTruthy();
    expect(taskReads(calls).map((c) => c.url.searchParams.get("cursor"))).toEqual([null, "next"]);
  });
});
