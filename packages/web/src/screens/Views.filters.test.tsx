/**
 * Search and tag filter within Today, Upcoming and a list, kept in the URL as the
 * Inbox keeps them (`?q=&tag=`, beside `done=1`): the view asks the API with them,
 * a row's tag filters the view it is in, and an empty result says what was searched.
 */
import type { ListsOfPerson } from "@taskmanager/core/list/schema";
import type { Task } from "@taskmanager/core/task/schema";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { localToday } from "../tasks/dates";
import { type Call, makeTask, mockApi, renderApp } from "../test/helpers";

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
      openTasks: 0,
      openTasksCapped: false,
    },
  ],
};

function api(view: Task[] = [], tasks: Task[] = []) {
  return mockApi((call: Call) => {
    const path = call.url.pathname;
    if (path.endsWith("/lists")) return { status: 200, body: lists };
    if (path.endsWith("/members")) return { status: 200, body: { items: [] } };
    if (path.includes("/views/")) return { status: 200, body: { items: view, truncated: false } };
    return { status: 200, body: { items: tasks, cursor: null } };
  });
}

const last = (calls: Call[], part: string) =>
  calls.filter((c) => c.url.pathname.includes(part)).at(-1);

describe("search and tag within a view", () => {
  it("Today sends the link's search and tag, shows them, and drops the tag when asked", async () => {
    const calls = api([]);
    const { router } = renderApp("/today?q=bank&tag=home&done=1");
    const search = (await screen.findByRole(
      "searchbox",
      { name: "Search" },
      { timeout: 5_000 },
    )) as HTMLInputElement;
    expect(search.value).toBe("bank");
    await waitFor(() => expect(last(calls, "/views/today")).toBeTruthy());
    const sent = last(calls, "/views/today")?.url.searchParams;
    expect(sent?.get("q")).toBe("bank");
    expect(sent?.get("tag")).toBe("home");
    expect(sent?.get("includeDone")).toBe("true");
    expect(await screen.findByText("No tasks match “bank”.")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Stop filtering by tag home" }));
    await waitFor(() => expect(router.state.location.search).toEqual({ q: "bank", done: "1" }));
    await waitFor(() =>
      expect(last(calls, "/views/today")?.url.searchParams.has("tag")).toBe(false),
    );
  });

  it("typing in Upcoming's search puts it in the URL and the request, the rest kept", async () => {
    const calls = api([makeTask({ title: "Dentist", dueDate: localToday() })]);
    const { router } = renderApp("/upcoming?done=1");
    const search = await screen.findByRole("searchbox", { name: "Search" }, { timeout: 5_000 });
    fireEvent.change(search, { target: { value: "dent" } });
    await waitFor(() => expect(router.state.location.search).toEqual({ done: "1", q: "dent" }));
    await waitFor(() =>
      expect(last(calls, "/views/upcoming")?.url.searchParams.get("q")).toBe("dent"),
    );
  });

  it("a row's tag filters the view it is in", async () => {
    api([makeTask({ title: "Call the bank", dueDate: localToday(), tags: ["money"] })]);
    renderApp("/today");
    const row = (await screen.findByText("Call the bank", {}, { timeout: 5_000 })).closest(
      "li",
    ) as HTMLElement;
    const chip = within(row).getByRole("link", { name: /money/ });
    expect(chip.getAttribute("href")).toBe("/today?tag=money");
  });

  it("a list's view searches within the list", async () => {
    const calls = api([], [makeTask({ title: "Oat milk", listId: LIST_ID })]);
    renderApp(`/lists/${LIST_ID}?q=milk&tag=dairy`);
    await screen.findByText("Oat milk", {}, { timeout: 5_000 });
    const sent = last(calls, "/tasks")?.url.searchParams;
    expect(sent?.get("listId")).toBe(LIST_ID);
    expect(sent?.get("q")).toBe("milk");
    expect(sent?.get("tag")).toBe("dairy");
    expect((screen.getByRole("searchbox", { name: "Search" }) as HTMLInputElement).value).toBe(
      "milk",
    );
  });
});
