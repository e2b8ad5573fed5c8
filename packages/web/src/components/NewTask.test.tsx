import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { makeTask, mockApi, renderWithClient } from "../test/helpers";
import { NewTask } from "./NewTask";

describe("creating a task", () => {
  it("shows the schema's errors inline and sends nothing until they are fixed", async () => {
    const calls = mockApi((call) => ({ status: 201, body: makeTask(call.body as object) }));
    renderWithClient(<NewTask />);

    fireEvent.click(screen.getByRole("button", { name: "Create task" }));
    const title = screen.getByLabelText("Title");
    expect(title.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("must not be empty")).toBeTruthy();

    fireEvent.change(title, { target: { value: "Buy milk" } });
    fireEvent.change(screen.getByLabelText("Tags (comma separated)"), {
      target: { value: "home, home" },
    });
    expect(screen.queryByText("must not be empty")).toBeNull();
    expect(screen.getByText("tags must be unique")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Create task" }));
    expect(calls).toHaveLength(0);

    fireEvent.change(screen.getByLabelText("Tags (comma separated)"), {
      target: { value: "home, errands" },
    });
    fireEvent.change(screen.getByLabelText("Priority"), { target: { value: "high" } });
    fireEvent.change(screen.getByLabelText("Due date"), { target: { value: "2026-12-24" } });
    fireEvent.click(screen.getByRole("button", { name: "Create task" }));

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.method).toBe("POST");
    expect(calls[0]?.url.href).toBe("http://api.test/tasks");
    expect(calls[0]?.body).toEqual({
      title: "Buy milk",
      description: "",
      status: "todo",
      priority: "high",
      dueDate: "2026-12-24",
      tags: ["home", "errands"],
    });
  });

  it("shows the API's validation issues next to the field", async () => {
    mockApi(() => ({
      status: 400,
      body: {
        error: {
          code: "validation_failed",
          message: "Invalid task",
          issues: [{ path: "title", message: "already taken, oddly" }],
        },
      },
    }));
    renderWithClient(<NewTask />);
    fireEvent.change(screen.getByLabelText("Title"), { target: { value: "Valid" } });
    fireEvent.click(screen.getByRole("button", { name: "Create task" }));
    expect(await screen.findByText("already taken, oddly")).toBeTruthy();
  });

  it("restores a draft kept across a sign-in", () => {
    mockApi(() => ({ status: 500 }));
    sessionStorage.setItem(
      "taskmanager.draft.new",
      JSON.stringify({
        values: {
          title: "Half typed",
          description: "",
          status: "todo",
          priority: "low",
          dueDate: "",
          tags: "",
        },
      }),
    );
    renderWithClient(<NewTask />);
    expect((screen.getByLabelText("Title") as HTMLInputElement).value).toBe("Half typed");
    expect(screen.getByText(/restored what you had typed/)).toBeTruthy();
  });
});
