/**
 * The All view (issue 19, 2): every task the person can read, across the Inbox and
 * their lists, from GET /views/all, open ones unless Show completed; paged with Load
 * more over the API's cursor; search and a tag as in the other views; in the sidebar.
 */
import type { ListsOfPerson } from "@taskmanager/core/list/schema";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { expect, it } from "vitest";
import { type Call, makeTask, mockApi, renderApp } from "../test/helpers";

const lists: ListsOfPerson = { inbox: { openTasks: 0, openTasksCapped: false }, items: [] };
const first = [makeTask({ title: "Pay rent" }), makeTask({ title: "Call the bank" })];
const second = [makeTask({ title: "Renew passport" })];

function api() {
  return mockApi((call: Call) => {
    const path = call.url.pathname;
    if (path.endsWith("/lists")) return { status: 200, body: lists };
    if (path.endsWith("/views/all")) {
      return call.url.searchParams.get("cursor") === "page-2"
        ? { status: 200, body: { items: second, cursor: null } }
        : { status: 200, body: { items: first, cursor: "page-2" } };
    }
    return { status: 200, body: { items: [], cursor: null } };
  });
}

const allCalls = (calls: Call[]) => calls.filter((c) => c.url.pathname.endsWith("/views/all"));

it("is in the sidebar, lists every readable task page by page, and shows done ones when asked", async () => {
  const calls = api();
  const { router } = renderApp("/today");
  const nav = await screen.findByRole("navigation", { name: "Lists" }, { timeout: 5_000 });
  fireEvent.click(within(nav).getByRole("link", { name: "All" }));
  expect(
    await screen.findByRole("heading", { level: 1, name: "All" }, { timeout: 5_000 }),
  ).toBeTruthy();
  expect(router.state.location.pathname).toBe("/all");
  expect(await screen.findByText("Pay rent")).toBeTruthy();
  expect(allCalls(calls)[0]?.url.searchParams.has("includeDone")).toBe(false);

  fireEvent.click(screen.getByRole("button", { name: "Load more" }));
  expect(await screen.findByText("Renew passport")).toBeTruthy();
  expect(allCalls(calls).at(-1)?.url.searchParams.get("cursor")).toBe("page-2");
  expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();

  fireEvent.click(screen.getByRole("switch", { name: "Show completed" }));
  await waitFor(() =>
    expect(allCalls(calls).at(-1)?.url.searchParams.get("includeDone")).toBe("true"),
  );
});

it("searches with the link's q and tag", async () => {
  const calls = api();
  renderApp("/all?q=bank&tag=money");
  await screen.findByText("Pay rent", {}, { timeout: 5_000 });
  const sent = allCalls(calls)[0]?.url.searchParams;
  expect(sent?.get("q")).toBe("bank");
  expect(sent?.get("tag")).toBe("money");
});
