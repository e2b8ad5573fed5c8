/**
 * In-app reminder notices (issue 20): while the app is open it asks for delivered
 * reminders each minute and shows each new one once, with a way to the task,
 * without pushing out a toast that offers Undo.
 */
import type { ReminderNotice } from "@taskmanager/core/reminder/schema";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LOOK_BACK_MS, POLL_MS } from "../app/reminder-notices";
import { showToast } from "../app/toast";
import { type Call, makeTask, mockApi, renderApp } from "../test/helpers";

const rent = makeTask({ title: "Pay rent" });

function notice(overrides: Partial<ReminderNotice> = {}): ReminderNotice {
  return {
    taskId: rent.taskId,
    title: "Pay rent",
    fireAt: "2026-12-01T08:00:00.000Z",
    sentAt: new Date().toISOString(),
    late: false,
    ...overrides,
  };
}

function noticesApi() {
  const server = { notices: [] as ReminderNotice[] };
  const calls = mockApi((call) => {
    if (call.url.pathname === "/reminders/due") {
      // As the API does: only those sent after `since`.
      const since = Date.parse(call.url.searchParams.get("since") ?? "");
      return {
        status: 200,
        body: { items: server.notices.filter((n) => Date.parse(n.sentAt) > since) },
      };
    }
    if (call.url.pathname === `/tasks/${rent.taskId}`) return { status: 200, body: rent };
    return { status: 200, body: { items: [], cursor: null } };
  });
  const polls = () => calls.filter((c: Call) => c.url.pathname === "/reminders/due");
  return { server, calls, polls };
}

/** A minute passes (only the poll's interval is faked: the rest of the app runs as ever). */
async function aMinutePasses() {
  // The notices load on demand: their minute starts once they are there.
  await act(async () => {
    await import("./ReminderNotices");
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
  await act(async () => {
    vi.advanceTimersByTime(POLL_MS);
  });
}

/** The toast's own text (the live region repeats it for screen readers). */
const toastShown = () => document.querySelector(".toast > span")?.textContent ?? null;

const dismiss = () => fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));

describe("reminder notices", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows a new one once, with Open task, and asks from where it left off", async () => {
    const { server, polls } = noticesApi();
    renderApp("/");
    await screen.findByRole("heading", { level: 1 });
    // Nothing is asked before the first minute: the screen's own reads go first.
    expect(polls()).toHaveLength(0);
    server.notices = [notice()];
    await aMinutePasses();
    await waitFor(() => expect(toastShown()).toBe("Reminder: “Pay rent”"));
    const since = Date.parse(polls()[0]?.url.searchParams.get("since") ?? "");
    // A first poll looks back a short while only, not the whole day the API keeps.
    expect(Date.now() - since).toBeGreaterThanOrEqual(LOOK_BACK_MS - 1000);
    expect(Date.now() - since).toBeLessThan(LOOK_BACK_MS + 5000);
    dismiss();

    // The next minute asks from the newest shown: the same notice is not shown again.
    await aMinutePasses();
    await waitFor(() => expect(polls()).toHaveLength(2));
    expect(polls()[1]?.url.searchParams.get("since")).toBe(server.notices[0]?.sentAt);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(toastShown()).toBeNull();
  });

  it("is not shown again after a reload, even if the server answers it again", async () => {
    const { server } = noticesApi();
    server.notices = [notice()];
    const first = renderApp("/");
    await screen.findByRole("heading", { level: 1 });
    await aMinutePasses();
    await waitFor(() => expect(toastShown()).toBe("Reminder: “Pay rent”"));
    dismiss();
    first.unmount();

    // Another load of the app (the cursor is in localStorage) with a server that ignores it.
    mockApi((call) =>
      call.url.pathname === "/reminders/due"
        ? { status: 200, body: { items: server.notices } }
        : { status: 200, body: { items: [], cursor: null } },
    );
    renderApp("/");
    await screen.findByRole("heading", { level: 1 });
    await aMinutePasses();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(toastShown()).toBeNull();
  });

  it("Open task goes to the task; a late one says it is late", async () => {
    const { server } = noticesApi();
    server.notices = [notice({ late: true })];
    renderApp("/");
    await screen.findByRole("heading", { level: 1 });
    await aMinutePasses();
    await waitFor(() =>
      expect(toastShown()).toBe("Reminder (late, sent after a delay): “Pay rent”"),
    );
    fireEvent.click(screen.getByRole("button", { name: "Open task" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Pay rent" })).toBeTruthy();
  });

  it("waits for an Undo toast to go, then shows each of several in turn", async () => {
    const { server } = noticesApi();
    renderApp("/");
    await screen.findByRole("heading", { level: 1 });
    const onExpire = vi.fn();
    act(() =>
      showToast({ message: "Deleted “Old”.", action: { label: "Undo", run: () => {} }, onExpire }),
    );
    server.notices = [
      notice({ sentAt: new Date(Date.now() - 2000).toISOString() }),
      notice({ taskId: makeTask().taskId, title: "Call mum", fireAt: "2026-12-01T08:05:00.000Z" }),
    ];
    await aMinutePasses();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The Undo is still on offer: the notice did not end it (which would send the delete).
    expect(screen.getByText("Deleted “Old”.")).toBeTruthy();
    expect(onExpire).not.toHaveBeenCalled();
    dismiss();
    await waitFor(() => expect(toastShown()).toBe("Reminder: “Pay rent”"));
    dismiss();
    await waitFor(() => expect(toastShown()).toBe("Reminder: “Call mum”"));
  });
});
