import type { Task } from "@taskmanager/core/task/schema";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type Call, makeTask, mockApi, renderApp } from "../test/helpers";

/** A request about the task (the shell's sidebar also reads GET /lists, for its counts). */
const isAboutTheTask = (call: Call) => !call.url.pathname.endsWith("/lists");

/** A task API with versions: a PATCH of a stale version is a 409, as the server answers. */
function versionedApi(first: Task) {
  const api = { server: first };
  const calls = mockApi((call) => {
    if (call.url.pathname.endsWith("/attachments")) return { status: 200, body: { items: [] } };
    if (call.method === "GET") return { status: 200, body: api.server };
    const input = call.body as Partial<Task> & { version: number };
    if (input.version !== api.server.version) {
      return { status: 409, body: { error: { code: "conflict", message: "Version mismatch" } } };
    }
    api.server = { ...api.server, ...input, version: api.server.version + 1 };
    return { status: 200, body: api.server };
  });
  const patches = () => calls.filter((c) => c.method === "PATCH");
  return { api, calls, patches };
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

/** Opens the editor on v1, then another device saves `elsewhere` as v2. */
async function editThenChangedElsewhere(elsewhere: Partial<Task>) {
  const v1 = makeTask({ title: "Plan", description: "", priority: "medium", version: 1 });
  const { api, calls, patches } = versionedApi(v1);
  const { client } = renderApp(`/tasks/${v1.taskId}`);
  // The first render of the file loads the screen's chunk cold: slow on a busy machine.
  fireEvent.click(await screen.findByRole("button", { name: "Edit" }, { timeout: 5000 }));
  await waitFor(() => expect(document.activeElement?.textContent).toBe("Edit task"));
  api.server = { ...v1, ...elsewhere, version: 2 };
  // A background refetch (e.g. on window focus) must not move the edit's base version.
  await client.invalidateQueries();
  const taskReads = () =>
    calls.filter(
      (c) => c.method === "GET" && isAboutTheTask(c) && !c.url.pathname.endsWith("/attachments"),
    );
  await waitFor(() => expect(taskReads()).toHaveLength(2));
  return { api, patches };
}

describe("editing a task that changed elsewhere", () => {
  it("keeps my fields and theirs when they do not overlap, asks nothing, keeps focus", async () => {
    // Tab A changed the title; this tab (B) changes the description and the priority.
    const { api, patches } = await editThenChangedElsewhere({ title: "Plan the trip" });
    fireEvent.change(field("Description"), { target: { value: "Book the train" } });
    fireEvent.change(field("Priority"), { target: { value: "high" } });
    const save = screen.getByRole("button", { name: "Save changes" });
    save.focus();
    fireEvent.click(save);

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/changed elsewhere/);
    expect(alert.textContent).toMatch(/Taken from the latest version: title/);
    expect(patches()).toHaveLength(1);
    expect(api.server.title).toBe("Plan the trip");
    // The latest title, and what I typed, together; no question asked.
    await waitFor(() => expect(field("Title").value).toBe("Plan the trip"));
    expect(field("Description").value).toBe("Book the train");
    expect(field("Priority").value).toBe("high");
    expect(screen.queryByRole("radio")).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Save changes" }));

    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    const heading = await screen.findByRole("heading", { name: "Plan the trip" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(patches().at(-1)?.body).toMatchObject({
      version: 2,
      title: "Plan the trip",
      description: "Book the train",
      priority: "high",
    });
    expect(api.server).toMatchObject({ version: 3, description: "Book the train" });
  });

  it("asks only about a field both changed, shows both values, and saves the pick", async () => {
    const { api, patches } = await editThenChangedElsewhere({
      title: "Plan the trip",
      priority: "high",
    });
    fireEvent.change(field("Title"), { target: { value: "Plan the holiday" } });
    fireEvent.change(field("Description"), { target: { value: "Book the train" } });
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));

    const question = await screen.findByRole("group", { name: /Title was changed both/ });
    const mine = within(question).getByRole("radio", { name: "Yours: Plan the holiday" });
    const theirs = within(question).getByRole("radio", {
      name: "Saved elsewhere: Plan the trip",
    });
    // One question: the priority only changed there, the description only here.
    expect(screen.getAllByRole("group", { name: /was changed both/ })).toHaveLength(1);
    expect(field("Title").value).toBe("Plan the holiday");
    expect(field("Priority").value).toBe("high");
    expect(field("Description").value).toBe("Book the train");

    // Saving before choosing sends nothing and points at the question.
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(document.activeElement).toBe(mine));
    expect(screen.getByText(/Choose which to keep for title/)).toBeTruthy();
    expect(patches()).toHaveLength(1);

    fireEvent.click(theirs);
    await waitFor(() => expect(field("Title").value).toBe("Plan the trip"));
    expect(field("Description").value).toBe("Book the train");
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await screen.findByRole("heading", { name: "Plan the trip" });
    expect(patches().at(-1)?.body).toMatchObject({
      version: 2,
      title: "Plan the trip",
      description: "Book the train",
      priority: "high",
    });
    expect(api.server.version).toBe(3);
  });

  it("keeps the edit and the version it started from across a sign-in, then merges", async () => {
    const { api, patches } = await editThenChangedElsewhere({ title: "Plan the trip" });
    fireEvent.change(field("Description"), { target: { value: "Book the train" } });
    // The page goes to sign in and comes back: only the draft is left.
    cleanup();
    renderApp(`/tasks/${api.server.taskId}`);
    await waitFor(() => expect(field("Description").value).toBe("Book the train"));
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(field("Title").value).toBe("Plan the trip"));
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await screen.findByRole("heading", { name: "Plan the trip" });
    expect(patches().at(-1)?.body).toMatchObject({ version: 2, description: "Book the train" });
  });
});

describe("the task page", () => {
  it("shows dates in the person's locale with the relative due date", async () => {
    const task = makeTask({
      title: "Report",
      dueDate: "2099-03-04",
      updatedAt: "2026-01-05T10:30:00.000Z",
      tags: ["work"],
    });
    mockApi(() => ({ status: 200, body: task }));
    renderApp(`/tasks/${task.taskId}`);
    await screen.findByRole("heading", { name: "Report" });
    expect(document.title).toBe("Report · Taskmanager");
    const text = document.querySelector("dl")?.textContent ?? "";
    expect(text).not.toContain("2099-03-04");
    expect(text).toContain(
      new Intl.DateTimeFormat(undefined, {
        year: "numeric",
        month: "short",
        day: "numeric",
        weekday: "short",
        timeZone: "UTC",
      }).format(new Date(Date.UTC(2099, 2, 4))),
    );
    expect(text).not.toContain("2026-01-05T");
    expect(screen.getByRole("link", { name: "Show tasks tagged work" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Attachments" })).toBeTruthy();
  });

  it("shows not found for a malformed task address without asking the API", async () => {
    const calls = mockApi(() => ({ status: 400 }));
    renderApp("/tasks/not-a-task");
    expect(await screen.findByRole("heading", { name: "Task not found" })).toBeTruthy();
    expect(calls.filter(isAboutTheTask)).toHaveLength(0);
  });

  it("shows not found at once for a task that is gone (a 404 is not retried)", async () => {
    const calls = mockApi(() => ({
      status: 404,
      body: { error: { code: "not_found", message: "Task not found" } },
    }));
    renderApp(`/tasks/${makeTask().taskId}`);
    expect(await screen.findByRole("heading", { name: "Task not found" })).toBeTruthy();
    expect(calls.filter(isAboutTheTask)).toHaveLength(1);
  });
});
