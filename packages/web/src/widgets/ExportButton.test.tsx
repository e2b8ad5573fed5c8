import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { describeError } from "../app/error-message";
import { rowCounter } from "../tasks/export";
import { ExportButton } from "./ExportButton";

const encoder = new TextEncoder();

/** Stubs fetch with a streamed body the test feeds chunk by chunk. */
function streamingServer(headers: Record<string, string>) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const requests: Array<{ url: URL; init: RequestInit | undefined }> = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: URL, init?: RequestInit) => {
      requests.push({ url: new URL(input), init });
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          controller = c;
        },
      });
      init?.signal?.addEventListener("abort", () =>
        controller.error(new DOMException("aborted", "AbortError")),
      );
      return new Response(body, { status: 200, headers });
    }),
  );
  return {
    requests,
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
  };
}

const CSV_HEADERS = {
  "content-type": "text/csv; charset=utf-8",
  "content-disposition": "attachment; filename=tasks-2026-12-01.csv",
};

let saved: Blob[];
beforeEach(() => {
  saved = [];
  vi.stubGlobal(
    "URL",
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        saved.push(blob);
        return "blob:export";
      },
      revokeObjectURL: () => {},
    }),
  );
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe("the export button", () => {
  it("streams the chosen format with the token and the list's status, counting rows as they come", async () => {
    const server = streamingServer(CSV_HEADERS);
    render(<ExportButton filter={{ sort: "due", status: "done" }} />);
    expect(screen.getByLabelText(/Only “Done”/)).toHaveProperty("checked", true);
    fireEvent.click(screen.getByRole("button", { name: "Export" }));

    await waitFor(() => expect(server.requests).toHaveLength(1));
    const { url, init } = server.requests[0] as (typeof server.requests)[0];
    expect(`${url.origin}${url.search}`).toBe("http://export.test?format=csv&sort=due&status=done");
    expect(init?.headers).toEqual({ authorization: "Bearer test-token" });

    server.send('\uFEFFtaskId,title\r\nA,"two\nlines"\r\n');
    expect(await screen.findByText("Exporting… 1 task so far")).toBeTruthy();
    server.send('B,"say ""hi"""\r\nC,plain\r\n');
    expect(await screen.findByText("Exporting… 3 tasks so far")).toBeTruthy();
    server.end();

    expect(await screen.findByText("Exported 3 tasks to tasks-2026-12-01.csv")).toBeTruthy();
    expect(saved).toHaveLength(1);
    expect(await saved[0]?.text()).toContain("C,plain");
  });

  it("exports every status when asked, as NDJSON", async () => {
    const server = streamingServer({ "content-type": "application/x-ndjson" });
    render(<ExportButton filter={{ sort: "created", status: "todo" }} />);
    fireEvent.change(screen.getByLabelText("Export as"), { target: { value: "ndjson" } });
    fireEvent.click(screen.getByLabelText(/Only “To do”/));
    fireEvent.click(screen.getByRole("button", { name: "Export" }));
    await waitFor(() => expect(server.requests).toHaveLength(1));
    expect(server.requests[0]?.url.search).toBe("?format=ndjson&sort=created");
    server.send('{"taskId":"A"}\n{"taskId":"B"}\n');
    server.end();
    expect(await screen.findByText("Exported 2 tasks to tasks.ndjson")).toBeTruthy();
  });

  it("exports what the list shows: its search and tag too, and counts those", async () => {
    const server = streamingServer(CSV_HEADERS);
    render(<ExportButton filter={{ sort: "created", q: "Café au lait", tag: "work" }} />);
    expect(screen.getByLabelText("Only tagged “work”, matching “Café au lait”")).toHaveProperty(
      "checked",
      true,
    );
    fireEvent.click(screen.getByRole("button", { name: "Export" }));
    await waitFor(() => expect(server.requests).toHaveLength(1));
    const url = server.requests[0]?.url as URL;
    expect(Object.fromEntries(url.searchParams)).toEqual({
      format: "csv",
      sort: "created",
      q: "Café au lait",
      tag: "work",
    });
    server.send("\uFEFFtaskId,title\r\nA,Café au lait\r\n");
    server.end();
    expect(await screen.findByText("Exported 1 task to tasks-2026-12-01.csv")).toBeTruthy();
  });

  it("leaves done tasks out when the list hides them, and keeps them when unticked", async () => {
    const server = streamingServer(CSV_HEADERS);
    render(<ExportButton filter={{ sort: "created", includeDone: false, tag: "home" }} />);
    const only = screen.getByLabelText("Only open tasks, tagged “home”");
    fireEvent.click(screen.getByRole("button", { name: "Export" }));
    await waitFor(() => expect(server.requests).toHaveLength(1));
    expect(server.requests[0]?.url.search).toBe(
      "?format=csv&sort=created&tag=home&includeDone=false",
    );
    server.end();
    await screen.findByText(/Exported 0 tasks/);
    fireEvent.click(only);
    fireEvent.click(screen.getByRole("button", { name: "Export" }));
    await waitFor(() => expect(server.requests).toHaveLength(2));
    expect(server.requests[1]?.url.search).toBe("?format=csv&sort=created");
  });

  it("exports every task when “Only” is unticked", async () => {
    const server = streamingServer(CSV_HEADERS);
    render(<ExportButton filter={{ sort: "due", status: "done", q: "milk", tag: "home" }} />);
    fireEvent.click(screen.getByLabelText("Only “Done”, tagged “home”, matching “milk”"));
    fireEvent.click(screen.getByRole("button", { name: "Export" }));
    await waitFor(() => expect(server.requests).toHaveLength(1));
    expect(server.requests[0]?.url.search).toBe("?format=csv&sort=due");
  });

  it("can be cancelled while it streams, and saves nothing", async () => {
    const server = streamingServer(CSV_HEADERS);
    render(<ExportButton filter={{ sort: "created" }} />);
    fireEvent.click(screen.getByRole("button", { name: "Export" }));
    await waitFor(() => expect(server.requests).toHaveLength(1));
    server.send("\uFEFFtaskId\r\nA\r\n");
    const cancel = await screen.findByRole("button", { name: "Cancel export" });
    cancel.focus();
    fireEvent.click(cancel);
    expect(await screen.findByText("Export cancelled.")).toBeTruthy();
    expect(saved).toHaveLength(0);
    // The Cancel button is gone; focus is on Export, not dropped to the page.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("button", { name: "Export" })),
    );
  });

  it("says so when the server ends the file with its error record, and saves nothing", async () => {
    const server = streamingServer(CSV_HEADERS);
    render(<ExportButton filter={{ sort: "created" }} />);
    fireEvent.click(screen.getByRole("button", { name: "Export" }));
    await waitFor(() => expect(server.requests).toHaveLength(1));
    server.send(
      "\uFEFFtaskId\r\nA\r\n# export failed: internal: Something went wrong on our side.\r\n",
    );
    server.end();
    // The record's code goes through the app's one wording of errors.
    expect((await screen.findByRole("alert")).textContent).toBe(
      `The export did not finish: ${describeError({ code: "internal", message: "" })}`,
    );
    expect(saved).toHaveLength(0);
  });

  it("shows the envelope's message when the export is refused", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        Response.json(
          { error: { code: "validation_failed", message: "The request is not valid." } },
          { status: 400 },
        ),
      ),
    );
    render(<ExportButton filter={{ sort: "created" }} />);
    fireEvent.click(screen.getByRole("button", { name: "Export" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "The export did not finish: The request is not valid.",
    );
  });
});

describe("rowCounter", () => {
  it("counts CSV records across chunks, not line breaks inside quoted cells", () => {
    const counter = rowCounter("csv");
    for (const part of ['h1,h2\r\n"a\r\n', 'b","c""', '"\r\nlast,', "row\r\n"]) {
      counter.add(encoder.encode(part));
    }
    expect(counter.rows).toBe(2);
  });
});
