/**
 * Escape leaves what the keyboard is in: quick add (emptied first if it holds
 * something), the edit form and the new-task form. A form holding changes asks
 * before anything typed is thrown away; Escape again keeps editing.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { announcement } from "../app/announce";
import { makeTask, mockApi, renderApp } from "../test/helpers";

const pressEscape = () =>
  fireEvent.keyDown(document.activeElement ?? document.body, { key: "Escape" });
const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe("Escape in quick add", () => {
  it("empties it when it holds something, then leaves it for the list", async () => {
    mockApi(() => ({ status: 200, body: { items: [], cursor: null } }));
    renderApp("/");
    const title = (await screen.findByLabelText("Add a task")) as HTMLInputElement;
    title.focus();
    fireEvent.change(title, { target: { value: "Renew passport" } });
    fireEvent.change(input("Priority"), { target: { value: "high" } });
    pressEscape();
    expect(title.value).toBe("");
    expect(input("Priority").value).toBe("medium");
    expect(document.activeElement).toBe(title);
    expect(announcement.get().message).toBe("Quick add cleared.");

    pressEscape();
    expect(document.activeElement).toBe(screen.getByRole("heading", { level: 1, name: "Tasks" }));
  });
});

describe("Escape in the edit form", () => {
  function taskApi() {
    const task = makeTask({ title: "Plan", version: 1 });
    const calls = mockApi((call) =>
      call.url.pathname.endsWith("/attachments")
        ? { status: 200, body: { items: [] } }
        : { status: 200, body: task },
    );
    return { task, calls };
  }

  it("cancels an edit with no changes at once", async () => {
    const { task, calls } = taskApi();
    renderApp(`/tasks/${task.taskId}`);
    fireEvent.click(await screen.findByRole("button", { name: "Edit" }));
    input("Title").focus();
    pressEscape();
    const heading = await screen.findByRole("heading", { level: 1, name: "Plan" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(calls.filter((c) => c.method === "PATCH")).toHaveLength(0);
  });

  it("asks before discarding changes; Escape again keeps editing, where the person was", async () => {
    const { task, calls } = taskApi();
    renderApp(`/tasks/${task.taskId}`);
    fireEvent.click(await screen.findByRole("button", { name: "Edit" }));
    const title = input("Title");
    title.focus();
    fireEvent.change(title, { target: { value: "Plan the trip" } });
    pressEscape();
    const keep = screen.getByRole("button", { name: "Keep editing" });
    expect(screen.getByRole("group", { name: "Discard your changes?" })).toBeTruthy();
    expect(document.activeElement).toBe(keep);

    pressEscape();
    expect(screen.queryByRole("button", { name: "Keep editing" })).toBeNull();
    expect(document.activeElement).toBe(title);
    expect(title.value).toBe("Plan the trip");
    expect(screen.getByRole("heading", { level: 1, name: "Edit task" })).toBeTruthy();

    pressEscape();
    fireEvent.click(screen.getByRole("button", { name: "Discard changes" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Plan" })).toBeTruthy();
    expect(sessionStorage.length).toBe(0); // the draft went with the changes
    expect(calls.filter((c) => c.method === "PATCH")).toHaveLength(0);
  });

  it("counts a tag being typed as a change", async () => {
    const { task } = taskApi();
    renderApp(`/tasks/${task.taskId}`);
    fireEvent.click(await screen.findByRole("button", { name: "Edit" }));
    const tags = input("Tags");
    tags.focus();
    fireEvent.change(tags, { target: { value: "trav" } });
    pressEscape();
    expect(screen.getByRole("button", { name: "Keep editing" })).toBeTruthy();
  });
});

describe("Escape in the new-task form", () => {
  it("goes back to the list when nothing was typed, and asks when something was", async () => {
    mockApi(() => ({ status: 200, body: { items: [], cursor: null } }));
    const { router } = renderApp("/new");
    const title = (await screen.findByLabelText("Title")) as HTMLInputElement;
    title.focus();
    fireEvent.change(title, { target: { value: "Call the bank" } });
    pressEscape();
    expect(screen.getByRole("button", { name: "Keep editing" })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/new");
    pressEscape();
    fireEvent.change(title, { target: { value: "" } });
    pressEscape();
    await waitFor(() => expect(router.state.location.pathname).toBe("/"));
  });
});

describe("the shortcuts dialog", () => {
  it("lists Escape", async () => {
    mockApi(() => ({ status: 200, body: { items: [], cursor: null } }));
    renderApp("/");
    const dialog = await screen.findByRole("dialog", { hidden: true });
    const term = within(dialog).getByText("Esc", { selector: "kbd" });
    expect(term.closest("div")?.textContent).toMatch(/^EscLeave quick add/);
  });
});
