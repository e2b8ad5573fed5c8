import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { makeTask, mockApi, renderApp } from "../test/helpers";
import { markJustSignedIn } from "../tokens";

const addTag = (text: string) => {
  const input = screen.getByLabelText("Tags");
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: "Enter" });
};

const draft = (title: string) =>
  sessionStorage.setItem(
    "taskmanager.draft.new",
    JSON.stringify({
      values: { title, description: "", status: "todo", priority: "low", dueDate: "", tags: [] },
    }),
  );

describe("creating a task", () => {
  it("shows the schema's errors inline and sends nothing until they are fixed", async () => {
    const calls = mockApi((call) => ({ status: 201, body: makeTask(call.body as object) }));
    renderApp("/new");

    fireEvent.click(await screen.findByRole("button", { name: "Create task" }));
    const title = screen.getByLabelText("Title");
    expect(title.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("must not be empty")).toBeTruthy();
    expect(document.activeElement).toBe(title);

    fireEvent.change(title, { target: { value: "Buy milk" } });
    addTag("home");
    addTag("Home"); // the same tag (tags ignore case): not added twice
    expect(screen.getAllByRole("button", { name: /^Remove tag/ })).toHaveLength(1);
    const long = "x".repeat(33);
    addTag(long);
    expect(screen.queryByText("must not be empty")).toBeNull();
    expect(screen.getByText("must be at most 32 characters")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Create task" }));
    expect(calls.filter((c) => c.method === "POST")).toHaveLength(0);

    fireEvent.click(screen.getByRole("button", { name: `Remove tag ${long}` }));
    // Text typed but not yet a chip is a tag too.
    fireEvent.change(screen.getByLabelText("Tags"), { target: { value: "errands" } });
    fireEvent.change(screen.getByLabelText("Priority"), { target: { value: "high" } });
    fireEvent.change(screen.getByLabelText("Due date"), { target: { value: "2026-12-24" } });
    fireEvent.click(screen.getByRole("button", { name: "Create task" }));

    await waitFor(() => expect(calls.filter((c) => c.method === "POST")).toHaveLength(1));
    const post = calls.find((c) => c.method === "POST");
    expect(post?.url.href).toBe("http://api.test/tasks");
    expect(post?.body).toEqual({
      title: "Buy milk",
      description: "",
      status: "todo",
      priority: "high",
      dueDate: "2026-12-24",
      tags: ["home", "errands"],
    });
  });

  it("turns a pasted comma list into chips", async () => {
    mockApi(() => ({ status: 200, body: { items: [], cursor: null } }));
    renderApp("/new");
    fireEvent.change(await screen.findByLabelText("Tags"), { target: { value: "a, b,c" } });
    const chips = screen.getByRole("list", { name: "Tags added" });
    expect(
      within(chips)
        .getAllByRole("listitem")
        .map((li) => li.firstChild?.textContent),
    ).toEqual(["a", "b"]);
    expect((screen.getByLabelText("Tags") as HTMLInputElement).value).toBe("c");
  });

  it("refuses a due date the field shows but cannot read, instead of dropping it", async () => {
    const calls = mockApi(() => ({ status: 201, body: makeTask() }));
    renderApp("/new");
    fireEvent.change(await screen.findByLabelText("Title"), { target: { value: "Dentist" } });
    // What Chromium reports for "02/30/2026" or a partial date: value "", badInput true.
    const due = screen.getByLabelText("Due date") as HTMLInputElement;
    Object.defineProperty(due, "validity", { value: { badInput: true, valid: false } });
    fireEvent.click(screen.getByRole("button", { name: "Create task" }));
    expect(screen.getByText(/must be a complete, real date/)).toBeTruthy();
    expect(due.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(due);
    expect(calls.filter((c) => c.method === "POST")).toHaveLength(0);
  });

  it("sends one task for a double click on Create", async () => {
    const calls = mockApi((call) =>
      call.method === "POST"
        ? { status: 201, body: makeTask(call.body as object) }
        : { status: 200, body: makeTask() },
    );
    renderApp("/new");
    fireEvent.change(await screen.findByLabelText("Title"), { target: { value: "Once" } });
    const create = screen.getByRole("button", { name: "Create task" });
    fireEvent.click(create);
    fireEvent.click(create);
    await waitFor(() => expect(calls.filter((c) => c.method === "POST")).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls.filter((c) => c.method === "POST")).toHaveLength(1);
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
    renderApp("/new");
    fireEvent.change(await screen.findByLabelText("Title"), { target: { value: "Valid" } });
    fireEvent.click(screen.getByRole("button", { name: "Create task" }));
    expect(await screen.findByText("already taken, oddly")).toBeTruthy();
  });

  it("restores a draft kept across a sign-in, and says so only after one", async () => {
    mockApi(() => ({ status: 500 }));
    draft("Half typed");
    markJustSignedIn();
    renderApp("/new");
    const title = (await screen.findByLabelText("Title")) as HTMLInputElement;
    expect(title.value).toBe("Half typed");
    expect(screen.getByText(/restored what you had typed/)).toBeTruthy();
  });

  it("keeps a draft over a reload without claiming a sign-in happened", async () => {
    mockApi(() => ({ status: 500 }));
    draft("Typed, then reloaded");
    renderApp("/new");
    const title = (await screen.findByLabelText("Title")) as HTMLInputElement;
    expect(title.value).toBe("Typed, then reloaded");
    expect(screen.queryByText(/restored what you had typed/)).toBeNull();
  });
});
