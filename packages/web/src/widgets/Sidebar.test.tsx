/**
 * The person's own order of their lists: "Reorder lists" shows Move up and Move down
 * on each list (keyboard-operable buttons, not only a drag). A move shows at once and
 * sends PATCH /lists/{id}/me only for the lists whose position changed; focus stays
 * on the moved list's button; a refusal puts the order back and says so.
 */
import type { List } from "@taskmanager/core/list/schema";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { moveList } from "../lists/order";
import { type Call, mockApi, renderApp } from "../test/helpers";

const T = "2026-01-01T00:00:00.000Z";
const ids = [
  "01JABCDEFGHJKMNPQRSTVWXYZ0",
  "01JABCDEFGHJKMNPQRSTVWXYZ1",
  "01JABCDEFGHJKMNPQRSTVWXYZ2",
];
const list = (i: number, name: string, position: number): List => ({
  listId: ids[i] as string,
  name,
  role: "editor",
  position,
  createdAt: T,
  updatedAt: T,
  version: 1,
  openTasks: 0,
  openTasksCapped: false,
});

/** A server keeping each list's position; `place` may refuse a move instead. */
function api(items: List[], place?: () => { status: number; body?: unknown }) {
  const stored = items.map((list) => ({ ...list }));
  return mockApi((call: Call) => {
    if (call.url.pathname.endsWith("/me") && call.method === "PATCH") {
      if (place) return place();
      const list = stored.find((l) => call.url.pathname.includes(l.listId));
      if (list) list.position = (call.body as { position: number }).position;
      return { status: 204 };
    }
    if (call.url.pathname.endsWith("/lists")) {
      const ordered = [...stored].sort((a, b) => a.position - b.position);
      return {
        status: 200,
        body: { inbox: { openTasks: 0, openTasksCapped: false }, items: ordered },
      };
    }
    return { status: 200, body: { items: [], cursor: null } };
  });
}

const names = (nav: HTMLElement) =>
  within(within(nav).getByRole("list", { name: "Lists" }))
    .getAllByRole("link")
    .map((a) => a.firstChild?.textContent);

const patches = (calls: Call[]) =>
  calls.filter((c) => c.method === "PATCH").map((c) => ({ path: c.url.pathname, body: c.body }));

describe("a move in the person's order", () => {
  it("renumbers from the moved list's neighbours, sending only the positions that change", () => {
    const lists = [list(0, "A", 0), list(1, "B", 1), list(2, "C", 2)];
    expect(moveList(lists, ids[2] as string, -1)).toEqual([
      { listId: ids[2], position: 1 },
      { listId: ids[1], position: 2 },
    ]);
    // Lists sharing a position (ordered by name) get positions of their own.
    const tied = [list(0, "A", 0), list(1, "B", 0), list(2, "C", 0)];
    expect(moveList(tied, ids[0] as string, 1)).toEqual([
      { listId: ids[0], position: 1 },
      { listId: ids[2], position: 2 },
    ]);
    expect(moveList(lists, ids[0] as string, -1)).toEqual([]);
  });
});

describe("reordering lists in the sidebar", () => {
  it("moves a list with buttons, at once, and keeps focus on it", async () => {
    const calls = api([list(0, "Work", 0), list(1, "Home", 1), list(2, "Club", 2)]);
    renderApp("/");
    const nav = await screen.findByRole("navigation", { name: "Lists" }, { timeout: 5_000 });
    await within(nav).findByRole("link", { name: /^Club/ });
    const reorder = within(nav).getByRole("button", { name: "Reorder lists" });
    expect(within(nav).queryByRole("button", { name: /^Move/ })).toBeNull();
    fireEvent.click(reorder);
    expect(reorder.getAttribute("aria-pressed")).toBe("true");
    // At the top, a list cannot go further up.
    expect(
      (within(nav).getByRole("button", { name: "Move “Work” up" }) as HTMLButtonElement).disabled,
    ).toBe(true);

    const up = within(nav).getByRole("button", { name: "Move “Club” up" });
    up.focus();
    fireEvent.click(up);
    expect(names(nav)).toEqual(["Work", "Club", "Home"]);
    await waitFor(() =>
      expect(patches(calls)).toEqual([
        { path: `/lists/${ids[2]}/me`, body: { position: 1 } },
        { path: `/lists/${ids[1]}/me`, body: { position: 2 } },
      ]),
    );
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/Move “Club” up/));

    // Up again: to the top, where Move up is disabled, so focus goes to Move down.
    fireEvent.click(within(nav).getByRole("button", { name: "Move “Club” up" }));
    expect(names(nav)).toEqual(["Club", "Work", "Home"]);
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/Move “Club” down/));
  });

  it("keeps the phone's Menu open while lists are moved (only picking a view closes it)", async () => {
    api([list(0, "Work", 0), list(1, "Home", 1)]);
    renderApp("/");
    const nav = await screen.findByRole("navigation", { name: "Lists" }, { timeout: 5_000 });
    await within(nav).findByRole("link", { name: /^Home/ });
    const menu = within(nav).getByRole("button", { name: "Menu" });
    fireEvent.click(menu);
    fireEvent.click(within(nav).getByRole("button", { name: "Reorder lists" }));
    fireEvent.click(within(nav).getByRole("button", { name: "Move “Home” up" }));
    expect(names(nav)).toEqual(["Home", "Work"]);
    expect(menu.getAttribute("aria-expanded")).toBe("true");
    fireEvent.click(within(nav).getByRole("link", { name: /^Work/ }));
    expect(menu.getAttribute("aria-expanded")).toBe("false");
  });

  it("puts the order back and says so when the server refuses", async () => {
    api([list(0, "Work", 0), list(1, "Home", 1)], () => ({
      status: 404,
      body: { error: { code: "not_found", message: "List not found" } },
    }));
    renderApp("/");
    const nav = await screen.findByRole("navigation", { name: "Lists" }, { timeout: 5_000 });
    await within(nav).findByRole("link", { name: /^Home/ });
    fireEvent.click(within(nav).getByRole("button", { name: "Reorder lists" }));
    fireEvent.click(within(nav).getByRole("button", { name: "Move “Home” up" }));
    expect(names(nav)).toEqual(["Home", "Work"]);
    expect((await within(nav).findByRole("alert")).textContent).toMatch(/order/);
    await waitFor(() => expect(names(nav)).toEqual(["Work", "Home"]));
  });
});
