import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { makeTask, mockApi, renderApp } from "../test/helpers";

describe("editing a task that changed elsewhere", () => {
  it("explains the conflict, keeps the stale edit unsaved, and reloads the latest version", async () => {
    const v1 = makeTask({ title: "Original", version: 1 });
    const v2 = { ...v1, title: "Changed on the phone", version: 2 };
    let server = v1;
    const calls = mockApi((call) => {
      if (call.url.pathname.endsWith("/attachments")) return { status: 200, body: { items: [] } };
      if (call.method === "GET") return { status: 200, body: server };
      const input = call.body as { version: number; title: string };
      if (input.version !== server.version) {
        return { status: 409, body: { error: { code: "conflict", message: "Version mismatch" } } };
      }
      server = { ...server, ...input, version: server.version + 1 };
      return { status: 200, body: server };
    });
    const { client } = renderApp(`/tasks/${v1.taskId}`);

    fireEvent.click(await screen.findByRole("button", { name: "Edit" }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Edit task"));
    server = v2; // someone else saves while this form is open
    // A background refetch (e.g. on window focus) must not move the edit's base version.
    await client.invalidateQueries();
    const taskReads = () =>
      calls.filter((c) => c.method === "GET" && !c.url.pathname.endsWith("/attachments"));
    await waitFor(() => expect(taskReads()).toHaveLength(2));
    fireEvent.change(screen.getByLabelText("Title"), { target: { value: "My edit" } });
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/changed elsewhere/);
    expect(calls.filter((c) => c.method === "PATCH")).toHaveLength(1);
    expect(server.title).toBe("Changed on the phone");
    expect((screen.getByLabelText("Title") as HTMLInputElement).value).toBe("My edit");

    fireEvent.click(screen.getByRole("button", { name: "Load latest version" }));
    await waitFor(() =>
      expect((screen.getByLabelText("Title") as HTMLInputElement).value).toBe(
        "Changed on the phone",
      ),
    );
    expect(screen.queryByRole("alert")).toBeNull();

    fireEvent.change(screen.getByLabelText("Title"), { target: { value: "My edit, again" } });
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    const heading = await screen.findByRole("heading", { name: "My edit, again" });
    // After Save, focus is on the task's heading, not lost.
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(calls.filter((c) => c.method === "PATCH").at(-1)?.body).toMatchObject({
      version: 2,
      title: "My edit, again",
    });
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
    expect(calls).toHaveLength(0);
  });

  it("shows not found at once for a task that is gone (a 404 is not retried)", async () => {
    const calls = mockApi(() => ({
      status: 404,
      body: { error: { code: "not_found", message: "Task not found" } },
    }));
    renderApp(`/tasks/${makeTask().taskId}`);
    expect(await screen.findByRole("heading", { name: "Task not found" })).toBeTruthy();
    expect(calls).toHaveLength(1);
  });
});
