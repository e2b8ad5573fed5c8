/**
 * Switching lists with the share panel open: it shows the list now in view (its
 * name, its members, its invitations), never the previous one's; it is not shown
 * for a list the person does not own; and a rename begun in one list does not
 * follow them into the next.
 */
import type { List, Member } from "@taskmanager/core/list/schema";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { expect, it } from "vitest";
import { type Call, mockApi, renderApp } from "../test/helpers";

const T = "2026-01-01T00:00:00.000Z";
const list = (listId: string, name: string, role: List["role"]): List => ({
  listId,
  name,
  role,
  position: 0,
  createdAt: T,
  updatedAt: T,
  // The same version in every list: nothing may tell lists apart by it.
  version: 1,
  openTasks: 0,
  openTasksCapped: false,
});
const WORK = "01JABCDEFGHJKMNPQRSTVWXYZ0";
const HOME = "01JABCDEFGHJKMNPQRSTVWXYZ1";
const CLUB = "01JABCDEFGHJKMNPQRSTVWXYZ2";
const lists = [
  list(WORK, "Work", "owner"),
  list(HOME, "Home", "owner"),
  list(CLUB, "Club", "viewer"),
];
const member = (userId: string, email: string): Member => ({
  userId,
  email,
  role: "editor",
  joinedAt: T,
});
const members: Record<string, Member[]> = {
  [WORK]: [member("u1", "colleague@example.com")],
  [HOME]: [member("u2", "partner@example.com")],
  [CLUB]: [member("u3", "captain@example.com")],
};

function api() {
  return mockApi((call: Call) => {
    const path = call.url.pathname;
    if (path.endsWith("/lists")) {
      return {
        status: 200,
        body: { inbox: { openTasks: 0, openTasksCapped: false }, items: lists },
      };
    }
    const listId = path.split("/")[2] ?? "";
    if (path.endsWith("/members")) return { status: 200, body: { items: members[listId] } };
    if (path.endsWith("/invitations")) {
      if (listId === CLUB)
        return { status: 403, body: { error: { code: "forbidden", message: "Forbidden" } } };
      return { status: 200, body: { items: [] } };
    }
    return { status: 200, body: { items: [], cursor: null } };
  });
}

const open = async (name: string) => {
  const nav = await screen.findByRole("navigation", { name: "Lists" });
  fireEvent.click(within(nav).getByRole("link", { name: new RegExp(`^${name}`) }));
  await screen.findByRole("heading", { level: 1, name });
};

it("follows the list in view, and is not offered for a list the person does not own", async () => {
  const calls = api();
  renderApp(`/lists/${WORK}`);
  // The first render loads the screen's code: give it longer than a second.
  fireEvent.click(await screen.findByRole("button", { name: "Share" }, { timeout: 5_000 }));
  const work = await screen.findByRole("region", { name: "Share “Work”" });
  expect(await within(work).findByText("colleague@example.com")).toBeTruthy();

  await open("Home");
  const home = await screen.findByRole("region", { name: "Share “Home”" });
  expect(await within(home).findByText("partner@example.com")).toBeTruthy();
  expect(within(home).queryByText("colleague@example.com")).toBeNull();
  expect(screen.queryByRole("region", { name: "Share “Work”" })).toBeNull();
  // The new list's heading has focus, as after any switch: the panel does not take it.
  await waitFor(() => expect(document.activeElement?.textContent).toBe("Home"));

  await open("Club");
  await screen.findByText("Members:", { exact: false });
  await screen.findByText(/captain@example\.com \(editor\)/);
  expect(screen.queryByRole("region", { name: /^Share/ })).toBeNull();
  expect(calls.some((c) => c.url.pathname === `/lists/${CLUB}/invitations`)).toBe(false);
});

it("does not carry a rename begun in one list into the next", async () => {
  api();
  renderApp(`/lists/${WORK}`);
  fireEvent.click(await screen.findByRole("button", { name: /^Rename/ }, { timeout: 5_000 }));
  expect((screen.getByLabelText("List name") as HTMLInputElement).value).toBe("Work");
  await open("Home");
  await waitFor(() => expect(screen.queryByLabelText("List name")).toBeNull());
  expect(screen.getByRole("button", { name: /^Rename\W+list “Home”/ })).toBeTruthy();
});
