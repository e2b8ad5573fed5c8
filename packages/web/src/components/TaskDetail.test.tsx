import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { makeTask, mockApi, renderWithClient } from "../test/helpers";
import { TaskDetail } from "./TaskDetail";

describe("editing a task that changed elsewhere", () => {
  it("explains the conflict, keeps the stale edit unsaved, and reloads the latest version", async () => {
    const v1 = makeTask({ title: "Original", version: 1 });
    const v2 = { ...v1, title: "Changed on the phone", version: 2 };
    let server = v1;
    const calls = mockApi((call) => {
      if (call.method === "GET") return { status: 200, body: server };
      const input = call.body as { version: number; title: string };
      if (input.version !== server.version) {
        return { status: 409, body: { error: { code: "conflict", message: "Version mismatch" } } };
      }
      server = { ...server, ...input, version: server.version + 1 };
      return { status: 200, body: server };
    });
    const { client } = renderWithClient(<TaskDetail taskId={v1.taskId} />);

    fireEvent.click(await screen.findByRole("button", { name: "Edit" }));
    server = v2; // someone else saves while this form is open
    // A background refetch (e.g. on window focus) must not move the edit's base version.
    await client.invalidateQueries();
    await waitFor(() => expect(calls.filter((c) => c.method === "GET")).toHaveLength(2));
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
    expect(await screen.findByRole("heading", { name: "My edit, again" })).toBeTruthy();
    expect(calls.filter((c) => c.method === "PATCH").at(-1)?.body).toMatchObject({
      version: 2,
      title: "My edit, again",
    });
  });
});
