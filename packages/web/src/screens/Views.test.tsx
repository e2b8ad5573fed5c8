/**
 * Views and lists in the URL and the sidebar: Today and Upcoming ask for the
 * person's own date and hide done tasks until "Show completed"; a list's view shows
 * its name and members and quick add creates into it; `g` shortcuts move between views.
 */
import type { List, ListsOfPerson, Member } from "@taskmanager/core/list/schema";
import type { Task } from "@taskmanager/core/task/schema";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { describeError } from "../app/error-message";
import { localToday } from "../tasks/dates";
import { type Call, makeTask, mockApi, renderApp } from "../test/helpers";

const LIST_ID = "01JABCDEFGHJKMNPQRSTVWXYZ0";
const work: List = {
  listId: LIST_ID,
  name: "Work",
  role: "owner",
  position: 0,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  version: 1,
  openTasks: 3,
  openTasksCapped: false,
};
const lists: ListsOfPerson = {
  inbox: { openTasks: 999, openTasksCapped: true },
  items: [work],
};
const members: Member[] = [
  { userId: "u1", email: "ann@example.com", role: "owner", joinedAt: "2026-01-01T00:00:00.000Z" },
  { userId: "u2", email: "bob@example.com", role: "editor", joinedAt: "2026-01-02T00:00:00.000Z" },
];

/** An API with lists, members, views and task pages; views answer `view`. */
function api(view: Task[] = [], tasks: Task[] = []) {
  return mockApi((call: Call) => {
    const path = call.url.pathname;
    if (path.endsWith("/lists")) return { status: 200, body: lists };
    if (path.endsWith("/members")) return { status: 200, body: { items: members } };
    if (path.includes("/views/")) return { status: 200, body: { items: view, truncated: false } };
    if (call.method === "POST") {
      return { status: 201, body: makeTask({ ...(call.body as object), listId: LIST_ID }) };
    }
    // As the API: includeDone=false leaves done tasks out.
    const open = call.url.searchParams.get("includeDone") === "false";
    const items = open ? tasks.filter((task) => task.status !== "done") : tasks;
    return { status: 200, body: { items, cursor: null } };
  });
}

const viewCalls = (calls: Call[]) => calls.filter((c) => c.url.pathname.includes("/views/"));

describe("the views", () => {
  it("Today asks for the browser's own date, hides done tasks, and shows them when switched on", async () => {
    const calls = api([makeTask({ title: "Call the bank", dueDate: localToday() })]);
    const { router } = renderApp("/today");
    expect(await screen.findByRole("heading", { level: 1, name: "Today" })).toBeTruthy();
    expect(await screen.findByText("Call the bank")).toBeTruthy();
    const first = viewCalls(calls)[0];
    expect(first?.url.pathname).toMatch(/\/views\/today$/);
    expect(first?.url.searchParams.get("today")).toBe(localToday());
    expect(first?.url.searchParams.has("includeDone")).toBe(false);

    fireEvent.click(screen.getByRole("switch", { name: "Show completed" }));
    await waitFor(() =>
      expect(viewCalls(calls).at(-1)?.url.searchParams.get("includeDone")).toBe("true"),
    );
    expect(router.state.location.search).toEqual({ done: "1" });
    expect(
      (screen.getByRole("switch", { name: "Show completed" }) as HTMLInputElement).checked,
    ).toBe(true);
  });

  it("Upcoming groups its tasks by day, each day a heading", async () => {
    api([
      makeTask({ title: "Dentist", dueDate: "2030-05-01" }),
      makeTask({ title: "Gym", dueDate: "2030-05-01" }),
      makeTask({ title: "Rent", dueDate: "2030-05-02" }),
    ]);
    renderApp("/upcoming");
    await screen.findByText("Rent");
    const days = screen.getAllByRole("heading", { level: 2 }).filter((h) => h.closest(".day"));
    expect(days).toHaveLength(2);
    const first = days[0]?.closest("section") as HTMLElement;
    expect(
      within(first)
        .getAllByRole("listitem")
        .map((li) => li.dataset.taskId),
    ).toHaveLength(2);
    expect(within(first).getByText("Dentist")).toBeTruthy();
    expect(within(first).queryByText("Rent")).toBeNull();
  });
});

/**
 * A server that keeps what quick add creates and answers the views from it, as the
 * real one does: Today is what is due on or before the `today` asked for. Settings
 * put the person in Kiritimati (UTC+14): at 12:00 UTC on 6 December it is already
 * the 7th there, while the browser (UTC in tests) is still on the 6th.
 */
function zonedApi() {
  const saved: Task[] = [];
  const calls = mockApi((call: Call) => {
    const path = call.url.pathname;
    if (path.endsWith("/me/settings")) {
      return { status: 200, body: { timeZone: "Pacific/Kiritimati", locale: "en-GB" } };
    }
    if (path.endsWith("/lists")) return { status: 200, body: lists };
    if (path.endsWith("/members")) return { status: 200, body: { items: members } };
    if (path.includes("/views/")) {
      const today = call.url.searchParams.get("today") ?? "";
      const items = saved.filter((t) => t.dueDate !== null && t.dueDate <= today);
      return { status: 200, body: { items, truncated: false } };
    }
    if (call.method === "POST") {
      const task = makeTask(call.body as Partial<Task>);
      saved.push(task);
      return { status: 201, body: task };
    }
    return { status: 200, body: { items: saved, cursor: null } };
  });
  return calls;
}

const ZONED_TODAY = "2026-12-07";
const COLD = { timeout: 5000 };
const posts = (calls: Call[]) => calls.filter((c) => c.method === "POST");
const dueField = () => screen.getByLabelText("Due") as HTMLInputElement;

async function quickAdd(calls: Call[], text: string) {
  const title = await screen.findByLabelText("Add a task", {}, COLD);
  fireEvent.change(title, { target: { value: text } });
  const before = posts(calls).length;
  fireEvent.submit(screen.getByRole("form", { name: "Quick add" }));
  await waitFor(() => expect(posts(calls)).toHaveLength(before + 1), COLD);
  return posts(calls).at(-1)?.body as Record<string, unknown>;
}

describe("quick add on Today and Upcoming", () => {
  const clock = () =>
    vi.useFakeTimers({ now: Date.parse("2026-12-06T12:00:00Z"), toFake: ["Date"] });

  it("on Today, a task without a date in the text is due today in the stored zone, and shows in Today", async () => {
    clock();
    const calls = zonedApi();
    renderApp("/today");
    await screen.findByRole("heading", { level: 1, name: "Today" });
    // The default shows in the Due field before anything is typed, and the view asks
    // for the same day: the stored zone's, not the browser's.
    await waitFor(() => expect(dueField().value).toBe(ZONED_TODAY));
    await waitFor(() =>
      expect(viewCalls(calls).at(-1)?.url.searchParams.get("today")).toBe(ZONED_TODAY),
    );

    const body = await quickAdd(calls, "Buy milk");
    expect(body).toMatchObject({ title: "Buy milk", dueDate: ZONED_TODAY });
    expect(body.listId).toBeUndefined();
    const list = await screen.findByRole("list", { name: "Tasks" }, COLD);
    expect(await within(list).findByText("Buy milk")).toBeTruthy();
    // Ready for the next one, the default back in place.
    expect(dueField().value).toBe(ZONED_TODAY);
  });

  it("a day in the text, or a repeat rule's first date, wins over the default", async () => {
    clock();
    const calls = zonedApi();
    renderApp("/today");
    await waitFor(() => expect(dueField().value).toBe(ZONED_TODAY), COLD);
    expect(await quickAdd(calls, "Buy milk tomorrow")).toMatchObject({
      title: "Buy milk",
      dueDate: "2026-12-08",
    });
    expect(await quickAdd(calls, "Pay rent every month on the 1st")).toMatchObject({
      title: "Pay rent",
      dueDate: "2027-01-01",
    });
  });

  it("emptying the Due field adds the task with no date", async () => {
    clock();
    const calls = zonedApi();
    renderApp("/today");
    await waitFor(() => expect(dueField().value).toBe(ZONED_TODAY), COLD);
    fireEvent.change(dueField(), { target: { value: "" } });
    expect(dueField().value).toBe("");
    const body = await quickAdd(calls, "Buy milk");
    expect(body.title).toBe("Buy milk");
    expect(body.dueDate ?? null).toBeNull();
    // Emptied for that task only: the next starts from the default again.
    await waitFor(() => expect(dueField().value).toBe(ZONED_TODAY));
  });

  it("Upcoming, which starts today, defaults to today too", async () => {
    clock();
    const calls = zonedApi();
    renderApp("/upcoming");
    await waitFor(() => expect(dueField().value).toBe(ZONED_TODAY), COLD);
    expect(await quickAdd(calls, "Buy milk")).toMatchObject({ dueDate: ZONED_TODAY });
  });

  it("keeps the default out of the draft: the Inbox, after a trip from Today, has no date", async () => {
    clock();
    const calls = zonedApi();
    const { router } = renderApp("/today");
    await waitFor(() => expect(dueField().value).toBe(ZONED_TODAY), COLD);
    fireEvent.change(await screen.findByLabelText("Add a task"), {
      target: { value: "Buy milk" },
    });
    const draft = JSON.parse(sessionStorage.getItem("taskmanager.draft.quick-add") ?? "null");
    expect(draft).toMatchObject({ title: "Buy milk", dueDate: "", dueCleared: false });

    await router.navigate({ to: "/" });
    await screen.findByRole("heading", { level: 1, name: "Tasks" });
    const title = (await screen.findByLabelText("Add a task")) as HTMLInputElement;
    expect(title.value).toBe("Buy milk");
    expect(dueField().value).toBe("");
    const body = await quickAdd(calls, "Buy milk");
    expect(body.dueDate ?? null).toBeNull();
    expect(body.listId).toBeUndefined();
  });
});

describe("the sidebar", () => {
  it("is a Lists landmark with the views and lists, their open counts, and the active one marked", async () => {
    api();
    renderApp("/today");
    const nav = await screen.findByRole("navigation", { name: "Lists" });
    const work = await within(nav).findByRole("link", { name: /^Work\W+3 open$/ });
    expect(within(nav).getByRole("link", { name: /^Inbox\W+999\+ open$/ })).toBeTruthy();
    expect(within(nav).getByRole("link", { name: "Today" }).getAttribute("aria-current")).toBe(
      "page",
    );
    expect(work.getAttribute("aria-current")).toBeNull();
  });

  it("folds behind Menu (a phone shows only the button) and closes once a view is picked", async () => {
    api();
    renderApp("/");
    const nav = await screen.findByRole("navigation", { name: "Lists" });
    const menu = within(nav).getByRole("button", { name: "Menu" });
    expect(menu.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(menu);
    expect(menu.getAttribute("aria-expanded")).toBe("true");
    expect(nav.hasAttribute("data-open")).toBe(true);
    fireEvent.click(within(nav).getByRole("link", { name: "Upcoming" }));
    expect(menu.getAttribute("aria-expanded")).toBe("false");
  });

  it("opens a list: its name and members head it, and quick add creates the task in it", async () => {
    const calls = api([], [makeTask({ title: "Ship it", listId: LIST_ID })]);
    renderApp("/today");
    const nav = await screen.findByRole("navigation", { name: "Lists" });
    fireEvent.click(await within(nav).findByRole("link", { name: /^Work\W+3 open$/ }));
    expect(await screen.findByRole("heading", { level: 1, name: "Work" })).toBeTruthy();
    expect(
      await screen.findByText(/ann@example.com \(owner\), bob@example.com \(editor\)/),
    ).toBeTruthy();
    expect(await screen.findByText("Ship it")).toBeTruthy();
    const page = calls.find((c) => c.url.pathname.endsWith("/tasks") && c.method === "GET");
    expect(page?.url.searchParams.get("listId")).toBe(LIST_ID);

    // A list's page has no default day: what is added goes into the list, undated.
    expect((screen.getByLabelText("Due") as HTMLInputElement).value).toBe("");
    fireEvent.change(screen.getByLabelText("Add a task"), { target: { value: "Book a room" } });
    fireEvent.submit(screen.getByRole("form", { name: "Quick add" }));
    await waitFor(() => expect(calls.filter((c) => c.method === "POST")).toHaveLength(1));
    expect(calls.find((c) => c.method === "POST")?.body).toMatchObject({
      title: "Book a room",
      listId: LIST_ID,
      dueDate: null,
    });
  });

  it("asks the API for a list's open tasks until Show completed", async () => {
    const calls = api(
      [],
      [makeTask({ title: "Open one" }), makeTask({ title: "Done one", status: "done" })],
    );
    renderApp(`/lists/${LIST_ID}`);
    expect(await screen.findByText("Open one")).toBeTruthy();
    expect(screen.queryByText("Done one")).toBeNull();
    const reads = () => calls.filter((c) => c.url.pathname.endsWith("/tasks"));
    expect(reads()[0]?.url.searchParams.get("includeDone")).toBe("false");
    fireEvent.click(screen.getByRole("switch", { name: "Show completed" }));
    expect(await screen.findByText("Done one")).toBeTruthy();
    expect(reads().at(-1)?.url.searchParams.has("includeDone")).toBe(false);
  });

  it("says a list with only done tasks has nothing open, and reads on past a short page", async () => {
    const calls = mockApi((call: Call) => {
      const path = call.url.pathname;
      if (path.endsWith("/lists")) return { status: 200, body: lists };
      if (path.endsWith("/members")) return { status: 200, body: { items: members } };
      // A first page the done filter emptied, then the end.
      const cursor = call.url.searchParams.get("cursor");
      return { status: 200, body: { items: [], cursor: cursor ? null : "c1" } };
    });
    renderApp(`/lists/${LIST_ID}`);
    expect(await screen.findByText(/No open tasks in this list/)).toBeTruthy();
    const reads = calls.filter((c) => c.url.pathname.endsWith("/tasks"));
    expect(reads.map((c) => c.url.searchParams.get("cursor"))).toEqual([null, "c1"]);
  });
});

describe("the view shortcuts", () => {
  it("g then t, u and i go to Today, Upcoming and the Inbox; g alone does nothing", async () => {
    api();
    const { router } = renderApp("/");
    await screen.findByRole("heading", { level: 1, name: "Tasks" });
    const press = (key: string) => fireEvent.keyDown(document.body, { key });
    press("t");
    expect(router.state.location.pathname).toBe("/");
    press("g");
    press("t");
    await waitFor(() => expect(router.state.location.pathname).toBe("/today"));
    press("g");
    press("u");
    await waitFor(() => expect(router.state.location.pathname).toBe("/upcoming"));
    press("g");
    press("i");
    await waitFor(() => expect(router.state.location.pathname).toBe("/"));
  });
});

describe("a refusal for a role too low", () => {
  it("is said in words that name the role", () => {
    expect(describeError({ code: "forbidden", message: "forbidden" })).toMatch(/role/);
  });
});
