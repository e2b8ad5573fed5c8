import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { mockApi } from "../test/helpers";
import { Attachments, formatSize } from "./Attachments";

function renderWithClient(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}

const taskId = "01JABCDEFGHJKMNPQRSTV00001";
const attachment = {
  attachmentId: "01JABCDEFGHJKMNPQRSTV00002",
  taskId,
  filename: "plan.pdf",
  contentType: "application/pdf",
  size: 2 * 1024 * 1024,
  status: "uploaded",
  createdAt: "2026-01-01T00:00:00.000Z",
  uploadedAt: "2026-01-01T00:00:01.000Z",
};

describe("a task's attachments", () => {
  it("lists each with its name, size and type", async () => {
    mockApi(() => ({ status: 200, body: { items: [attachment] } }));
    renderWithClient(<Attachments taskId={taskId} />);
    const item = await screen.findByText("plan.pdf", { selector: ".attachment-name" });
    expect(item.parentElement?.textContent).toContain("2.0 MB · application/pdf");
    expect(screen.getByRole("button", { name: "Download plan.pdf" })).toBeTruthy();
  });

  it("refuses a type or size the API would refuse, and sends nothing", async () => {
    const calls = mockApi(() => ({ status: 200, body: { items: [] } }));
    renderWithClient(<Attachments taskId={taskId} />);
    await screen.findByText("No attachments yet.");
    const input = screen.getByLabelText("Add files");
    const svg = new File(["<svg/>"], "logo.svg", { type: "image/svg+xml" });
    const huge = new File(["x"], "huge.pdf", { type: "application/pdf" });
    Object.defineProperty(huge, "size", { value: 25 * 1024 * 1024 + 1 });
    fireEvent.change(input, { target: { files: [svg, huge] } });
    await screen.findByText(/logo.svg: The file type must be an allowed type/);
    await screen.findByText(/huge.pdf: The file must be at most 25 MiB/);
    await waitFor(() => expect(calls.filter((c) => c.method === "POST")).toHaveLength(0));
  });

  it("asks before deleting a file, and then focuses the row in its place, not the page", async () => {
    const second = {
      ...attachment,
      attachmentId: "01JABCDEFGHJKMNPQRSTV00003",
      filename: "map.png",
    };
    let stored = [attachment, second];
    const calls = mockApi((call) => {
      if (call.method === "DELETE") {
        stored = stored.filter((a) => !call.url.pathname.endsWith(a.attachmentId));
        return { status: 204 };
      }
      return { status: 200, body: { items: stored } };
    });
    renderWithClient(<Attachments taskId={taskId} />);
    fireEvent.click(await screen.findByRole("button", { name: "Delete “plan.pdf”" }));
    // Nothing is deleted by the first click; Keep backs out.
    expect(calls.filter((c) => c.method === "DELETE")).toHaveLength(0);
    expect(screen.getByText("Delete this file?")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Keep" }));
    expect(calls.filter((c) => c.method === "DELETE")).toHaveLength(0);

    fireEvent.click(screen.getByRole("button", { name: "Delete “plan.pdf”" }));
    fireEvent.click(screen.getByRole("button", { name: "Yes, delete" }));
    await waitFor(() => expect(screen.queryByText("plan.pdf")).toBeNull());
    expect(calls.filter((c) => c.method === "DELETE")).toHaveLength(1);
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("button", { name: "Download map.png" })),
    );

    fireEvent.click(screen.getByRole("button", { name: "Delete “map.png”" }));
    fireEvent.click(screen.getByRole("button", { name: "Yes, delete" }));
    await screen.findByText("No attachments yet.");
    // None left: the file picker, where the next one is added.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Add files")));
  });

  it("formats sizes for people", () => {
    expect(formatSize(512)).toBe("512 B");
    expect(formatSize(1536)).toBe("1.5 KB");
    expect(formatSize(25 * 1024 * 1024)).toBe("25.0 MB");
  });
});
