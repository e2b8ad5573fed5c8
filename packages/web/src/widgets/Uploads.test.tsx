import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { Attachment } from "@taskmanager/core/attachment/schema";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { type Call, mockApi } from "../test/helpers";
import { Attachments } from "./Attachments";

const taskId = "01JABCDEFGHJKMNPQRSTV00001";

/** What the storage does with the next PUTs. */
let storage: "unreachable" | "slow" | "up";

/** XMLHttpRequest as sendFile uses it, answering as `storage` says. */
class FakeStorageRequest {
  static sent: FakeStorageRequest[] = [];
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  aborted = false;
  open() {}
  setRequestHeader() {}
  send() {
    FakeStorageRequest.sent.push(this);
    if (storage === "slow") return;
    setTimeout(() => {
      if (storage === "unreachable") this.onerror?.();
      else {
        this.status = 200;
        this.onload?.();
      }
    }, 5);
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
}

let ids = 100;
const newId = () => `01JABCDEFGHJKMNPQRSTV${String(++ids).padStart(5, "0")}`;

function pending(filename: string): Attachment {
  return {
    attachmentId: newId(),
    taskId,
    filename,
    contentType: "application/pdf",
    size: 4,
    status: "pending",
    createdAt: "2026-01-01T00:00:00.000Z",
    uploadedAt: null,
  };
}

/** The attachment API over `stored`, as the server keeps it. */
function attachmentApi(stored: Attachment[]) {
  const calls = mockApi((call: Call) => {
    const [, , , , attachmentId, step] = call.url.pathname.split("/");
    if (call.method === "DELETE") {
      stored.splice(
        stored.findIndex((a) => a.attachmentId === attachmentId),
        1,
      );
      return { status: 204 };
    }
    if (call.method === "POST" && step === "complete") {
      const record = stored.find((a) => a.attachmentId === attachmentId);
      if (!record) return { status: 404 };
      Object.assign(record, { status: "uploaded", uploadedAt: "2026-01-01T00:00:01.000Z" });
      return { status: 200, body: record };
    }
    if (call.method === "POST") {
      const input = call.body as { filename: string };
      const record = pending(input.filename);
      stored.push(record);
      const upload = {
        url: "http://storage.test/put",
        method: "PUT",
        headers: {},
        expiresAt: "2099-01-01T00:00:00.000Z",
      };
      return { status: 201, body: { attachment: record, upload } };
    }
    return { status: 200, body: { items: stored } };
  });
  const sent = (method: string) => calls.filter((c) => c.method === method);
  return { calls, sent };
}

function renderAttachments() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <Attachments taskId={taskId} />
    </QueryClientProvider>,
  );
}

const pdf = () => new File(["%PDF"], "plan.pdf", { type: "application/pdf" });

async function addFile() {
  await screen.findByText("No attachments yet.");
  fireEvent.change(screen.getByLabelText("Add files"), { target: { files: [pdf()] } });
}

beforeEach(() => {
  FakeStorageRequest.sent = [];
  vi.stubGlobal("XMLHttpRequest", FakeStorageRequest);
});

describe("a failed upload leaves no junk", () => {
  it("with storage unreachable, says it is the connection, and Retry sends the file again", async () => {
    storage = "unreachable";
    const stored: Attachment[] = [];
    const { sent } = attachmentApi(stored);
    renderAttachments();
    await addFile();

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(
      "plan.pdf: Can't reach the file storage. Check your connection and retry.",
    );
    // The pending record is the failed upload's, not a file: no Download, no Delete.
    expect(screen.queryByRole("button", { name: /Download|Delete/ })).toBeNull();
    expect(screen.getByRole("button", { name: "Remove plan.pdf" })).toBeTruthy();

    storage = "up";
    fireEvent.click(screen.getByRole("button", { name: "Retry uploading plan.pdf" }));
    await screen.findByRole("button", { name: "Download plan.pdf" });
    // The first try's record was deleted; one file is left, uploaded.
    expect(sent("DELETE")).toHaveLength(1);
    expect(stored).toMatchObject([{ filename: "plan.pdf", status: "uploaded" }]);
    expect(FakeStorageRequest.sent).toHaveLength(2);
    expect(screen.queryByRole("list", { name: "Uploads" })).toBeNull();
  });

  it("Remove takes a failed upload away with its pending record, focusing the picker", async () => {
    storage = "unreachable";
    const stored: Attachment[] = [];
    attachmentApi(stored);
    renderAttachments();
    await addFile();
    fireEvent.click(await screen.findByRole("button", { name: "Remove plan.pdf" }));
    await screen.findByText("No attachments yet.");
    expect(stored).toEqual([]);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Add files")));
  });

  it("an unfinished upload from before a reload shows as such, with Retry and Remove", async () => {
    const stalled = pending("plan.pdf");
    const stored = [stalled, pending("notes.pdf")];
    const { sent } = attachmentApi(stored);
    const { container } = renderAttachments();

    const uploads = await screen.findByRole("list", { name: "Uploads" });
    expect(uploads.textContent).toContain("plan.pdfUpload did not finish.");
    expect(screen.queryByRole("button", { name: /Download/ })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Remove notes.pdf" }));
    await waitFor(() => expect(stored).toEqual([stalled]));

    // Its file is not in the page any more: Retry asks for it, then replaces the record.
    storage = "up";
    fireEvent.click(
      screen.getByRole("button", { name: "Retry uploading plan.pdf (choose the file again)" }),
    );
    const picker = container.querySelector<HTMLInputElement>("input[type=file][hidden]");
    if (!picker) throw new Error("no picker for the file again");
    fireEvent.change(picker, { target: { files: [pdf()] } });
    await screen.findByRole("button", { name: "Download plan.pdf" });
    expect(stored).toMatchObject([{ filename: "plan.pdf", status: "uploaded" }]);
    expect(stored[0]?.attachmentId).not.toBe(stalled.attachmentId);
    expect(sent("DELETE")).toHaveLength(2);
  });

  it("an upload in progress can be cancelled (the PUT stops, its record goes) and retried", async () => {
    storage = "slow";
    const stored: Attachment[] = [];
    const { sent } = attachmentApi(stored);
    renderAttachments();
    await addFile();
    const cancel = await screen.findByRole("button", { name: "Cancel uploading plan.pdf" });
    await waitFor(() => expect(FakeStorageRequest.sent).toHaveLength(1));
    fireEvent.click(cancel);

    expect(await screen.findByText("Upload cancelled.")).toBeTruthy();
    expect(FakeStorageRequest.sent[0]?.aborted).toBe(true);
    expect(sent("DELETE")).toHaveLength(1);
    expect(stored).toEqual([]);
    const retry = screen.getByRole("button", { name: "Retry uploading plan.pdf" });
    await waitFor(() => expect(document.activeElement).toBe(retry));

    storage = "up";
    fireEvent.click(retry);
    await screen.findByRole("button", { name: "Download plan.pdf" });
    expect(stored).toMatchObject([{ status: "uploaded" }]);
  });
});
