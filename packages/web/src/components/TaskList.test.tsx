import type { Task } from "@taskmanager/core/task/schema";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { makeTask, mockApi, renderWithClient } from "../test/helpers";
import { TaskList } from "./TaskList";

describe("the task list", () => {
  it("pages with Load more over the API cursor until there is none", async () => {
    const pages: Record<string, { items: Task[]; cursor: string | null }> = {
      "": { items: [makeTask({ title: "First" }), makeTask({ title: "Second" })], cursor: "c1" },
      c1: { items: [makeTask({ title: "Third" })], cursor: null },
    };
    const calls = mockApi((call) => ({
      status: 200,
      body: pages[call.url.searchParams.get("cursor") ?? ""],
    }));
    renderWithClient(<TaskList />);

    const list = await screen.findByRole("list", { name: "Tasks" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    fireEvent.click(screen.getByRole("button", { name: "Load more" }));

    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(3));
    expect(within(list).getByText("Third")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
    expect(calls.map((c) => c.url.searchParams.get("cursor"))).toEqual([null, "c1"]);
  });

  it("asks the API for the chosen status and sort, and explains an empty result", async () => {
    const calls = mockApi(() => ({ status: 200, body: { items: [], cursor: null } }));
    renderWithClient(<TaskList />);
    expect(await screen.findByText(/No tasks yet/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "done" } });
    fireEvent.change(screen.getByLabelText("Sort by"), { target: { value: "due" } });
    expect(await screen.findByText(/No tasks are “Done”/)).toBeTruthy();
    await waitFor(() => expect(calls.at(-1)?.url.search).toBe("?sort=due&status=done"));
  });

  it("marks a task done in one click with the version it shows", async () => {
    const task = makeTask({ title: "Water plants", version: 3 });
    const calls = mockApi((call) =>
      call.method === "PATCH"
        ? { status: 200, body: { ...task, status: "done", version: 4 } }
        : { status: 200, body: { items: [task], cursor: null } },
    );
    renderWithClient(<TaskList />);
    fireEvent.click(await screen.findByRole("button", { name: "Mark done “Water plants”" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PATCH")).toBe(true));
    expect(calls.find((c) => c.method === "PATCH")?.body).toEqual({ version: 3, status: "done" });
  });

  it("says what went wrong when the API cannot be reached, and retries", async () => {
    let up = false;
    mockApi(() =>
      up
        ? { status: 200, body: { items: [makeTask({ title: "Back" })], cursor: null } }
        : { status: 503, body: { error: { code: "unavailable", message: "down" } } },
    );
    renderWithClient(<TaskList />);
    expect((await screen.findByRole("alert")).textContent).toMatch(/busy right now/);
    up = true;
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findByText("Back")).toBeTruthy();
  });
});
