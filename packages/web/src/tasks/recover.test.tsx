/**
 * After the API comes back, the list recovers by itself: when the connection returns
 * and when the person comes back to the window, without pressing Retry.
 */
import { act, fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { makeTask, mockApi, renderApp } from "../test/helpers";

function apiDownThenUp() {
  const state = { up: false };
  const calls = mockApi(() =>
    state.up
      ? { status: 200, body: { items: [makeTask({ title: "Back again" })], cursor: null } }
      : { status: 503, body: { error: { code: "unavailable", message: "down" } } },
  );
  return { state, calls };
}

describe("a list that failed to load", () => {
  it("loads again when the connection comes back", async () => {
    const { state } = apiDownThenUp();
    renderApp("/");
    expect((await screen.findByRole("alert")).textContent).toMatch(/busy/);
    state.up = true;
    act(() => {
      window.dispatchEvent(new Event("online"));
    });
    expect(await screen.findByText("Back again")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Retry" })).toBeNull();
  });

  it("loads again when the person returns to the window", async () => {
    const { state, calls } = apiDownThenUp();
    renderApp("/");
    await screen.findByRole("alert");
    // Only the list's own reads: the sidebar and the reminder notices read on focus too.
    const listReads = () => calls.filter((call) => call.url.pathname.endsWith("/tasks")).length;
    const before = listReads();
    state.up = true;
    fireEvent.focus(window);
    expect(await screen.findByText("Back again")).toBeTruthy();
    expect(listReads()).toBe(before + 1);
  });
});
