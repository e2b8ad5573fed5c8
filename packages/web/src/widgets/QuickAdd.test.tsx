/**
 * Quick add reads what is typed: the parts it understood show as chips before the
 * task is added, each removable from the keyboard (its words stay in the title),
 * Enter sends what the chips say, in the person's stored locale and zone, and a
 * removed chip stays removed through a reload and a failed add.
 */
import type { List, ListsOfPerson } from "@taskmanager/core/list/schema";
import { CreateTaskInput } from "@taskmanager/core/task/schema";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { announcement } from "../app/announce";
import { queryClient } from "../tasks/query-client";
import { type Call, makeTask, mockApi, renderApp } from "../test/helpers";

const COLD = { timeout: 5000 };
const PHRASE = "Pay rent every month on the 1st #home !high";
const home: List = {
  listId: "01JABCDEFGHJKMNPQRSTVWXYZ0",
  name: "Home",
  role: "editor",
  position: 0,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  version: 1,
  openTasks: 0,
  openTasksCapped: false,
};
const lists: ListsOfPerson = { inbox: { openTasks: 0, openTasksCapped: false }, items: [home] };

/** The API: settings in en-GB and London, one list, an empty Inbox; `post` answers adds. */
function api(post: (call: Call) => { status: number; body?: unknown } = created) {
  return mockApi((call) => {
    const path = call.url.pathname;
    if (path.endsWith("/me/settings")) {
      return { status: 200, body: { timeZone: "Europe/London", locale: "en-GB" } };
    }
    if (path.endsWith("/lists")) return { status: 200, body: lists };
    if (call.method === "POST") return post(call);
    return { status: 200, body: { items: [], cursor: null } };
  });
}
function created(call: Call) {
  return { status: 201, body: makeTask(CreateTaskInput.parse(call.body)) };
}

const understood = () => screen.findByRole("list", { name: "Understood" }, COLD);
const chipNames = (list: HTMLElement) =>
  within(list)
    .getAllByRole("listitem")
    .map((item) => item.querySelector("span")?.textContent);

async function typePhrase(text = PHRASE) {
  const title = (await screen.findByLabelText("Add a task", {}, COLD)) as HTMLInputElement;
  title.focus();
  fireEvent.change(title, { target: { value: text } });
  return title;
}

beforeEach(() => {
  // Only the clock is fixed (Sunday 6 December 2026, 14:30 in London); timers run.
  vi.useFakeTimers({ now: Date.parse("2026-12-06T14:30:00Z"), toFake: ["Date"] });
});

describe("quick add that understands", () => {
  it("shows chips, removes one from the keyboard, and Enter sends what they say", async () => {
    const calls = api();
    renderApp("/");
    const title = await typePhrase();
    const chips = await understood();
    expect(chipNames(chips)).toEqual([
      "Repeats every month on the 1st",
      "Tag home",
      "High priority",
    ]);

    // Each chip is a button of its own, named for what removing it does.
    const remove = within(chips).getByRole("button", {
      name: "Remove Tag home, keep “#home” in the title",
    });
    expect(remove.getAttribute("type")).toBe("button");
    remove.focus();
    fireEvent.click(remove); // Enter or Space on a focused button
    await waitFor(() =>
      expect(chipNames(chips)).toEqual(["Repeats every month on the 1st", "High priority"]),
    );
    // Focus moves to the chip now in its place, and the change is said aloud.
    expect(document.activeElement?.getAttribute("aria-label")).toMatch(/^Remove High priority/);
    expect(announcement.get().message).toBe("Removed Tag home; “#home” stays in the title.");
    expect(title.value).toBe(PHRASE);

    fireEvent.submit(screen.getByRole("form", { name: "Quick add" }));
    await waitFor(() => expect(calls.filter((c) => c.method === "POST")).toHaveLength(1));
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({
      title: "Pay rent #home",
      description: "",
      status: "todo",
      priority: "high",
      dueDate: "2027-01-01",
      tags: [],
      // The schema's output, as quick add has always sent: its defaults filled in.
      recurrence: { freq: "monthly", interval: 1, byMonthDay: 1, mode: "schedule" },
    });
    await waitFor(() => expect(title.value).toBe(""));
    expect(screen.queryByRole("list", { name: "Understood" })).toBeNull();
  });

  it("reads dates in the stored locale and zone, and @ names a list", async () => {
    const calls = api();
    renderApp("/");
    await typePhrase("Dentist 7/1 at 9am @home");
    const chips = await understood();
    // en-GB: 7 January, not 1 July; a day read in London.
    await waitFor(() =>
      expect(chipNames(chips)).toEqual(["Due Thu, 7 Jan 2027, 9:00", "In list Home"]),
    );
    fireEvent.submit(screen.getByRole("form", { name: "Quick add" }));
    await waitFor(() => expect(calls.filter((c) => c.method === "POST")).toHaveLength(1));
    expect(calls.find((c) => c.method === "POST")?.body).toMatchObject({
      title: "Dentist",
      dueDate: "2027-01-07",
      dueTime: "09:00",
      listId: home.listId,
    });
  });

  it("takes from the row's fields what the text does not say", async () => {
    const calls = api();
    renderApp("/");
    await typePhrase("Call the bank at 5pm p3");
    await understood();
    fireEvent.change(screen.getByLabelText("Due"), { target: { value: "2099-05-01" } });
    fireEvent.change(screen.getByLabelText("Priority"), { target: { value: "high" } });
    fireEvent.submit(screen.getByRole("form", { name: "Quick add" }));
    await waitFor(() => expect(calls.filter((c) => c.method === "POST")).toHaveLength(1));
    // A time alone takes the Due field's day; the typed p3 wins over the Priority field.
    expect(calls.find((c) => c.method === "POST")?.body).toMatchObject({
      title: "Call the bank",
      dueDate: "2099-05-01",
      dueTime: "17:00",
      priority: "low",
    });
  });

  it("keeps a removed chip removed through a reload and a failed add", async () => {
    api(() => ({ status: 500, body: { error: { code: "internal", message: "boom" } } }));
    renderApp("/");
    await typePhrase("Meet Friday #work");
    const chips = await understood();
    fireEvent.click(within(chips).getByRole("button", { name: /^Remove Due/ }));
    await waitFor(() => expect(chipNames(chips)).toEqual(["Tag work"]));

    // A reload: the same text, and Friday still in the title.
    cleanup();
    queryClient.clear();
    renderApp("/");
    const title = (await screen.findByLabelText("Add a task", {}, COLD)) as HTMLInputElement;
    expect(title.value).toBe("Meet Friday #work");
    expect(chipNames(await understood())).toEqual(["Tag work"]);

    // A failed add gives it all back, the removed chip still removed.
    fireEvent.submit(screen.getByRole("form", { name: "Quick add" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/“Meet Friday” was not added/);
    expect(title.value).toBe("Meet Friday #work");
    expect(chipNames(await understood())).toEqual(["Tag work"]);
  });
});
