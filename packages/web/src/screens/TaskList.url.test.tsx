/**
 * The list's URL as people use it: a bad link is explained in words and the rest of
 * it still shown; filter and sort changes are history entries that Back undoes; a
 * search is one entry once typing settles.
 */
import type { Task } from "@taskmanager/core/task/schema";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type Call, makeTask, mockApi, renderApp } from "../test/helpers";

const page = (items: Task[]) => ({ status: 200, body: { items, cursor: null } });
// The task pages read (the sidebar also reads GET /lists, for its counts).
const lists = (calls: Call[]) =>
  calls.filter((c) => c.method === "GET" && c.url.pathname.endsWith("/tasks"));

describe("a link the list cannot show as it is", () => {
  it("says what was left out in words, and shows the rest of the link", async () => {
    const calls = mockApi(() => page([makeTask({ title: "Milk" })]));
    const { router } = renderApp("/?status=archived&q=milk&sort=due");
    const text = await screen.findByText(/“archived” is not a status/);
    expect(text.textContent).toBe(
      "“archived” is not a status (“To do”, “In progress”, “Done”), so tasks of every status are shown.",
    );
    // No schema words, no "form" label.
    const box = text.closest(".link-notice") as HTMLElement;
    expect(box.textContent).not.toMatch(/form|Invalid|expected/i);
    // The rest of the link is kept, in the address and in what is asked of the API.
    await waitFor(() => expect(router.state.location.search).toEqual({ q: "milk", sort: "due" }));
    // (Done tasks hidden, as by default: the link had no "Show completed".)
    await waitFor(() =>
      expect(lists(calls).at(-1)?.url.search).toBe("?sort=due&q=milk&includeDone=false"),
    );
    expect(lists(calls).every((c) => !c.url.searchParams.has("status"))).toBe(true);
    expect(await screen.findByText("Milk")).toBeTruthy();
    expect((screen.getByLabelText("Search") as HTMLInputElement).value).toBe("milk");
  });

  it("leaves out an unknown sort and an empty search, and the notice goes with the next change", async () => {
    mockApi(() => page([]));
    const { router } = renderApp("/?sort=oldest&q=&tag=home");
    expect(await screen.findByText(/“oldest” is not a way to sort/)).toBeTruthy();
    await waitFor(() => expect(router.state.location.search).toEqual({ tag: "home" }));
    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "done" } });
    await waitFor(() => expect(screen.queryByText(/“oldest” is not a way to sort/)).toBeNull());
  });
});

describe("Back after changing the list", () => {
  it("undoes a filter or sort change, one step at a time, instead of leaving the app", async () => {
    mockApi(() => page([]));
    const { router } = renderApp("/?sort=due");
    await screen.findByText(/No tasks yet/);
    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "done" } });
    await waitFor(() =>
      expect(router.state.location.search).toEqual({ sort: "due", status: "done" }),
    );
    fireEvent.change(screen.getByLabelText("Sort by"), { target: { value: "created" } });
    await waitFor(() => expect(router.state.location.search).toEqual({ status: "done" }));

    act(() => router.history.back());
    await waitFor(() =>
      expect(router.state.location.search).toEqual({ sort: "due", status: "done" }),
    );
    expect((screen.getByLabelText("Sort by") as HTMLSelectElement).value).toBe("due");
    act(() => router.history.back());
    await waitFor(() => expect(router.state.location.search).toEqual({ sort: "due" }));
    expect((screen.getByLabelText("Status") as HTMLSelectElement).value).toBe("");
  });

  it("makes one entry of a search typed in bursts, and Back returns to the list before it", async () => {
    const calls = mockApi(() => page([]));
    const { router } = renderApp("/?status=todo");
    await screen.findByText(/No tasks are “To do”/);
    const search = screen.getByLabelText("Search");
    const entries = router.history.length;
    fireEvent.change(search, { target: { value: "mi" } });
    await waitFor(() => expect(router.state.location.search).toEqual({ status: "todo", q: "mi" }));
    // A pause long enough to send the search, short enough to be the same search.
    fireEvent.change(search, { target: { value: "milk" } });
    await waitFor(() =>
      expect(router.state.location.search).toEqual({ status: "todo", q: "milk" }),
    );
    expect(router.history.length).toBe(entries + 1);
    await waitFor(() => expect(lists(calls).at(-1)?.url.searchParams.get("q")).toBe("milk"));

    act(() => router.history.back());
    await waitFor(() => expect(router.state.location.search).toEqual({ status: "todo" }));
    await waitFor(() => expect((search as HTMLInputElement).value).toBe(""));
  });
});
