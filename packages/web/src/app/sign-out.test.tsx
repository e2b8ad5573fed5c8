/**
 * Signing out ends the session everywhere (issue 18, item 9): the refresh token is
 * revoked at the issuer before it is forgotten, and every other open tab shows the
 * sign-in screen at once instead of its tasks.
 */
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { makeTask, mockApi, renderApp } from "../test/helpers";
import { signOut } from "../tokens";

const page = { status: 200, body: { items: [makeTask({ title: "Pay rent" })], cursor: null } };

describe("another tab signs out", () => {
  it("this tab shows the sign-in screen at once, says why, and drops the tasks it held", async () => {
    mockApi(() => page);
    const { client } = renderApp("/");
    expect(await screen.findByText("Pay rent")).toBeTruthy();
    sessionStorage.setItem("taskmanager.draft.new", "{}");

    // What the other tab's Sign out does (same origin, shared tokens, one channel).
    signOut();

    expect(await screen.findByText("You signed out in another tab.")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "Taskmanager" })).toBeTruthy();
    expect(screen.queryByText("Pay rent")).toBeNull();
    await waitFor(() => expect(client.getQueryCache().getAll()).toEqual([]));
    expect(sessionStorage.getItem("taskmanager.draft.new")).toBeNull();
  });
});

describe("revokeSession", () => {
  it("posts the refresh token to the issuer's revocation endpoint as RFC 7009 asks", async () => {
    const { revokeSession } = await vi.importActual<typeof import("../auth")>("../auth");
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response(null));
    vi.stubGlobal("fetch", fetch);
    await revokeSession();
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("http://auth.test/revoke");
    expect(init.method).toBe("POST");
    expect(Object.fromEntries(init.body as URLSearchParams)).toEqual({
      token: "test-refresh",
      token_type_hint: "refresh_token",
      client_id: "web",
    });
  });

  it("fails loudly when the issuer refuses, so the caller knows it was not revoked", async () => {
    const { revokeSession } = await vi.importActual<typeof import("../auth")>("../auth");
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("{}", { status: 503 })),
    );
    await expect(revokeSession()).rejects.toThrow(/503/);
  });
});
