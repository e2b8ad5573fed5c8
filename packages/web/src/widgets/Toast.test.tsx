/**
 * Undo from the keyboard: z runs the toast's action from anywhere but a field, the
 * announcement says so, the shortcuts dialog lists it, and the toast waits while it
 * has focus or the pointer.
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { announcement } from "../app/announce";
import { showToast } from "../app/toast";
import { makeTask, mockApi, renderApp } from "../test/helpers";
import { TOAST_MS, ToastView } from "./Toast";

const titles = async () =>
  within(await screen.findByRole("list", { name: "Tasks" }))
    .getAllByRole("listitem")
    .map((row) => row.querySelector(".task-title")?.textContent);

describe("Undo from the keyboard", () => {
  it("z undoes a delete from anywhere on the page, with no Tab to the toast", async () => {
    const tasks = Array.from({ length: 10 }, (_, i) => makeTask({ title: `Task no. ${i}` }));
    const calls = mockApi((call) =>
      call.method === "DELETE"
        ? { status: 204 }
        : { status: 200, body: { items: tasks, cursor: null } },
    );
    renderApp("/");
    fireEvent.click(await screen.findByRole("button", { name: "Delete “Task no. 4”" }));
    fireEvent.click(screen.getByRole("button", { name: "Yes, delete" }));
    expect(await titles()).toHaveLength(9);
    // The announcement and the button both say which key.
    expect(announcement.get().message).toBe("Deleted “Task no. 4”. Press z to undo.");
    expect(screen.getByRole("button", { name: "Undo" }).getAttribute("aria-keyshortcuts")).toBe(
      "z",
    );

    // Focus is in the list, far from the toast at the end of the page.
    fireEvent.keyDown(document.activeElement ?? document.body, { key: "z" });
    expect(await titles()).toHaveLength(10);
    expect(screen.queryByRole("button", { name: "Undo" })).toBeNull();
    expect(announcement.get().message).toBe("Restored “Task no. 4”.");
    expect(calls.filter((c) => c.method === "DELETE")).toHaveLength(0);
  });

  it("z typed in a field is text, not Undo; with no toast it does nothing", async () => {
    const task = makeTask({ title: "Zebra" });
    mockApi(() => ({ status: 200, body: { items: [task], cursor: null } }));
    renderApp("/");
    fireEvent.keyDown(await screen.findByRole("link", { name: "Zebra" }), { key: "z" });
    expect(await titles()).toEqual(["Zebra"]);
    fireEvent.click(screen.getByRole("button", { name: "Delete “Zebra”" }));
    fireEvent.click(screen.getByRole("button", { name: "Yes, delete" }));
    await screen.findByRole("button", { name: "Undo" });
    fireEvent.keyDown(screen.getByRole("searchbox", { name: "Search" }), { key: "z" });
    expect(screen.getByRole("button", { name: "Undo" })).toBeTruthy();
  });

  it("the shortcuts dialog lists it", async () => {
    mockApi(() => ({ status: 200, body: { items: [], cursor: null } }));
    renderApp("/");
    const dialog = await screen.findByRole("dialog", { hidden: true });
    const term = within(dialog).getByText("z", { selector: "kbd" });
    expect(term.closest("div")?.textContent).toBe("zUndo a delete (while its message shows)");
  });
});

describe("the toast waits while it is in use", () => {
  function show() {
    const onExpire = vi.fn();
    showToast({
      message: "Deleted “x”.",
      action: { label: "Undo", run: () => {}, key: "z" },
      onExpire,
    });
    render(<ToastView />);
    return onExpire;
  }

  it("stays while it has focus, and times out after focus leaves", () => {
    vi.useFakeTimers();
    const onExpire = show();
    const undo = screen.getByRole("button", { name: "Undo" });
    act(() => undo.focus());
    act(() => vi.advanceTimersByTime(TOAST_MS * 5));
    expect(screen.getByRole("button", { name: "Undo" })).toBeTruthy();
    expect(onExpire).not.toHaveBeenCalled();
    act(() => undo.blur());
    act(() => vi.advanceTimersByTime(TOAST_MS));
    expect(screen.queryByRole("button", { name: "Undo" })).toBeNull();
    expect(onExpire).toHaveBeenCalledOnce();
  });

  it("stays while the pointer is on it", () => {
    vi.useFakeTimers();
    const onExpire = show();
    const box = screen.getByText("Deleted “x”.").parentElement as HTMLElement;
    act(() => {
      box.dispatchEvent(new Event("pointerenter"));
    });
    act(() => vi.advanceTimersByTime(TOAST_MS * 5));
    expect(onExpire).not.toHaveBeenCalled();
    act(() => {
      box.dispatchEvent(new Event("pointerleave"));
    });
    act(() => vi.advanceTimersByTime(TOAST_MS));
    expect(onExpire).toHaveBeenCalledOnce();
  });
});
