/**
 * Sharing: the owner's share panel (roles, remove, pending invitations, invite by
 * email) and the invitation page (what a link offers, accept, a link that cannot be used).
 */
import type { Invitation, List, Member } from "@taskmanager/core/list/schema";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type Call, mockApi, renderApp } from "../test/helpers";

const LIST_ID = "01JABCDEFGHJKMNPQRSTVWXYZ0";
const INVITATION_ID = "01JABCDEFGHJKMNPQRSTVWXYZ2";
const TOKEN = `${LIST_ID}.${INVITATION_ID}.${"a".repeat(43)}`;
const T = "2026-01-01T00:00:00.000Z";

const work: List = {
  listId: LIST_ID,
  name: "Work",
  role: "owner",
  position: 0,
  createdAt: T,
  updatedAt: T,
  version: 1,
  openTasks: 0,
  openTasksCapped: false,
};
const ann: Member = { userId: "u1", email: "ann@example.com", role: "owner", joinedAt: T };
const bob: Member = { userId: "u2", email: "bob@example.com", role: "editor", joinedAt: T };
const pending: Invitation = {
  invitationId: INVITATION_ID,
  listId: LIST_ID,
  email: "cy@example.com",
  role: "viewer",
  invitedBy: "ann@example.com",
  createdAt: T,
  expiresAt: "2026-01-08T00:00:00.000Z",
};

function shareApi(preview: { status: number; body?: unknown } = { status: 200 }) {
  return mockApi((call: Call) => {
    const path = call.url.pathname;
    const method = call.method;
    if (path.endsWith("/lists")) {
      return {
        status: 200,
        body: { inbox: { openTasks: 0, openTasksCapped: false }, items: [work] },
      };
    }
    if (path.endsWith("/members")) return { status: 200, body: { items: [ann, bob] } };
    if (path.includes("/members/") && method === "PATCH") {
      return { status: 200, body: { ...bob, ...(call.body as object) } };
    }
    if (path.endsWith("/invitations") && method === "GET") {
      return { status: 200, body: { items: [pending] } };
    }
    if (path.endsWith("/invitations") && method === "POST") {
      return { status: 201, body: { ...pending, ...(call.body as object) } };
    }
    if (method === "DELETE") return { status: 204 };
    if (path.endsWith("/accept"))
      return { status: 200, body: { listId: LIST_ID, name: "Work", role: "viewer" } };
    if (path.includes("/invitations/")) {
      return preview.status === 200
        ? {
            status: 200,
            body: {
              listId: LIST_ID,
              name: "Work",
              role: "viewer",
              invitedBy: "ann@example.com",
              expiresAt: pending.expiresAt,
            },
          }
        : preview;
    }
    return { status: 200, body: { items: [], cursor: null } };
  });
}

const sent = (calls: Call[], method: string) =>
  calls.filter((c) => c.method === method).map((c) => ({ path: c.url.pathname, body: c.body }));

describe("the share panel", () => {
  it("changes a role, removes a member after asking, revokes an invitation and invites by email", async () => {
    const calls = shareApi();
    renderApp(`/lists/${LIST_ID}`);
    const share = await screen.findByRole("button", { name: "Share" });
    fireEvent.click(share);
    expect(share.getAttribute("aria-expanded")).toBe("true");
    const panel = await screen.findByRole("region", { name: "Share “Work”" });
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Share “Work”"));

    fireEvent.change(await within(panel).findByLabelText("Role of bob@example.com"), {
      target: { value: "viewer" },
    });
    await waitFor(() =>
      expect(sent(calls, "PATCH")).toEqual([
        { path: `/lists/${LIST_ID}/members/u2`, body: { role: "viewer" } },
      ]),
    );

    const members = within(panel).getByRole("list", { name: "Members" });
    fireEvent.click(within(members).getByRole("button", { name: /^Remove\W+bob@example\.com/ }));
    expect(within(panel).getByText("Remove bob@example.com from this list?")).toBeTruthy();
    expect(sent(calls, "DELETE")).toEqual([]);
    fireEvent.click(within(panel).getByRole("button", { name: "Yes, remove" }));
    await waitFor(() =>
      expect(sent(calls, "DELETE").map((c) => c.path)).toEqual([`/lists/${LIST_ID}/members/u2`]),
    );

    const invitations = within(panel).getByRole("list", { name: "Pending invitations" });
    expect(within(invitations).getByText("cy@example.com (Viewer)")).toBeTruthy();
    fireEvent.click(within(invitations).getByRole("button", { name: /^Revoke/ }));
    await waitFor(() =>
      expect(sent(calls, "DELETE").map((c) => c.path)).toContain(
        `/lists/${LIST_ID}/invitations/${INVITATION_ID}`,
      ),
    );

    const form = within(panel).getByRole("form", { name: "Invite someone" });
    fireEvent.change(within(form).getByLabelText("Email"), {
      target: { value: "dee@example.com" },
    });
    fireEvent.change(within(form).getByLabelText("Role"), { target: { value: "owner" } });
    fireEvent.click(within(form).getByRole("button", { name: "Send invitation" }));
    await waitFor(() =>
      expect(sent(calls, "POST")).toEqual([
        {
          path: `/lists/${LIST_ID}/invitations`,
          body: { email: "dee@example.com", role: "owner" },
        },
      ]),
    );
  });

  it("refuses an address without @ before asking the server", async () => {
    const calls = shareApi();
    renderApp(`/lists/${LIST_ID}`);
    fireEvent.click(await screen.findByRole("button", { name: "Share" }));
    const form = await screen.findByRole("form", { name: "Invite someone" });
    fireEvent.change(within(form).getByLabelText("Email"), { target: { value: "bob" } });
    fireEvent.click(within(form).getByRole("button", { name: "Send invitation" }));
    expect((await within(form).findByRole("alert")).textContent).toMatch(/email address/);
    expect(sent(calls, "POST")).toEqual([]);
  });
});

describe("the invitation page", () => {
  it("says what the link offers, and accepting opens the list", async () => {
    const calls = shareApi();
    const { router } = renderApp(`/invitations/${TOKEN}`);
    expect(await screen.findByText(/ann@example.com invited you to/)).toBeTruthy();
    expect(screen.getByText(/as a viewer/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Accept and open “Work”" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/lists/${LIST_ID}`));
    expect(sent(calls, "POST").map((c) => c.path)).toEqual([`/invitations/${TOKEN}/accept`]);
  });

  it("says a link that cannot be used cannot be, with nothing to accept", async () => {
    shareApi({ status: 404, body: { error: { code: "not_found", message: "Not found" } } });
    renderApp(`/invitations/${TOKEN}`);
    expect((await screen.findByRole("alert")).textContent).toMatch(/cannot be used/);
    expect(screen.queryByRole("button", { name: /^Accept/ })).toBeNull();
  });
});
