/**
 * A search reads on by itself until a page's worth of matches has come or the list
 * ends, within the web app's budget (10 API calls a run), and says how far it got.
 */
import type { Task } from "@taskmanager/core/task/schema";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type Call, makeTask, mockApi, renderApp } from "../test/helpers";

// The task pages read (the sidebar also reads GET /lists, for its counts).
const lists = (calls: Call[]) =>
  calls.filter((c) => c.method === "GET" && c.url.pathname.endsWith("/tasks"));

/** A reply the test releases when it wants. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/**
 * A person with `pages` x 1,000 tasks: each call reads 1,000 and finds what `matches`
 * says for that call (an empty page with a cursor, as the API answers a rare word).
 */
function searchApi(pages: number, matches: (call: number) => Task[] = () => []) {
  const gates: Array<ReturnType<typeof gate>> = [];
  const calls = mockApi(async (call) => {
    const n = Number(call.url.searchParams.get("cursor")?.slice(1) ?? 0);
    const g = gate();
    gates[n] = g;
    await g.opened;
    return {
      status: 200,
      body: { items: matches(n), cursor: n + 1 < pages ? `c${n + 1}` : null },
    };
  });
  const release = async (n: number) => {
    await waitFor(() => expect(gates[n]).toBeDefined());
    gates[n]?.open();
  };
  return { calls, release };
}

describe("a search that matches little", () => {
  it("reads all 3,000 tasks by itself, showing how far it got, then says nothing matches", async () => {
    const { calls, release } = searchApi(3);
    renderApp("/?q=zebra");
    await release(0);
    expect(await screen.findByText("Searched 1,000 of your tasks…")).toBeTruthy();
    await release(1);
    expect(await screen.findByText("Searched 2,000 of your tasks…")).toBeTruthy();
    await release(2);
    expect(await screen.findByText("No tasks match “zebra”.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
    expect(screen.queryByText(/searched so far/)).toBeNull();
    expect(lists(calls).map((c) => c.url.searchParams.get("cursor"))).toEqual([null, "c1", "c2"]);
  });

  it("stops as soon as a page's worth has come, and shows the matches", async () => {
    const found = (n: number) =>
      n === 1 ? Array.from({ length: 25 }, (_, i) => makeTask({ title: `Zebra ${i}` })) : [];
    const { calls, release } = searchApi(5, found);
    renderApp("/?q=zebra");
    await release(0);
    await release(1);
    const list = await screen.findByRole("list", { name: "Tasks" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(25);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lists(calls)).toHaveLength(2);
    expect(screen.getByRole("button", { name: "Load more" })).toBeTruthy();
  });

  it("stays within its budget of 10 calls, then reads 10 more on Load more", async () => {
    const { calls } = mockApiAlwaysShort();
    renderApp("/?tag=rare");
    expect(
      await screen.findByText(
        "No matches in the first 10,000 of your tasks. Load more searches the next ones.",
      ),
    ).toBeTruthy();
    expect(lists(calls)).toHaveLength(10);
    fireEvent.click(screen.getByRole("button", { name: "Load more" }));
    await screen.findByText(/No matches in the first 20,000 of your tasks/);
    expect(lists(calls)).toHaveLength(20);
  });
});

/** Every call reads 1,000 tasks, finds none, and has more to read. */
function mockApiAlwaysShort() {
  let n = 0;
  const calls = mockApi(() => {
    n += 1;
    return { status: 200, body: { items: [], cursor: `c${n}` } };
  });
  return { calls };
}
