/**
 * The export's streaming behaviour with page sources injected in place of
 * DynamoDB: it writes while paging, waits for the reader instead of buffering,
 * and ends a broken or stalled export with an error record instead of hanging.
 */
import type { Server } from "node:http";
import { Writable } from "node:stream";
import { installLambdaStreaming } from "@taskmanager/local/aws/lambda-streaming";
import { createFunctionUrlServer } from "@taskmanager/local/gateways/function-url-server";
import { close, listen } from "@taskmanager/local/gateways/http-server";
import { parse } from "csv-parse/sync";
import { ulid } from "ulid";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { csv, type ExportRow, ndjson } from "../../src/export/format";
import { type Pages, streamPages } from "../../src/export/stream";
import { logger } from "../../src/http/handler";
import { expectError, newPerson, type Person } from "../helpers/api";

// The handler module calls `awslambda.streamifyResponse` as it loads.
installLambdaStreaming();
const { createExportHandler } = await import("../../src/export/tasks");

/** A row as exported: a task and its list's name. */
type Task = ExportRow;

function fakeTask(i: number): Task {
  return {
    taskId: ulid(),
    userId: "someone",
    title: `Task ${i}`,
    description: "x".repeat(200),
    status: "todo",
    priority: "medium",
    dueDate: null,
    tags: [],
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    attachmentCount: 0,
    version: 1,
    list: "Inbox",
  };
}

const page = (start: number, size = 100) =>
  Array.from({ length: size }, (_, i) => fakeTask(start + i));

/** A source that records how far it was read and whether it was closed. */
function recordingSource(pages: Array<() => Promise<Task[]>>) {
  const state = { pulled: 0, closed: false };
  async function* source() {
    try {
      for (const next of pages) {
        state.pulled += 1;
        yield await next();
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, source };
}

/** A writable that takes one chunk, then holds on to the next until `release()`. */
function slowReader() {
  const chunks: string[] = [];
  let release = () => {};
  const stream = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      if (chunks.length === 1) done();
      else release = () => done();
    },
  });
  return { stream, chunks, release: () => release() };
}

const pagesOf = (source: () => AsyncIterable<Task[]>): Pages => source()[Symbol.asyncIterator]();

describe("streamPages", () => {
  test("waits for the stream to drain before reading the next page", async () => {
    const { state, source } = recordingSource(
      Array.from({ length: 5 }, (_, i) => async () => page(i * 100)),
    );
    const reader = slowReader();
    const done = streamPages(reader.stream, ndjson, page(0), pagesOf(source));
    await vi.waitFor(() => expect(reader.chunks.length).toBe(2));
    // The stream is full: nothing more is read from DynamoDB until it drains.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(state.pulled).toBe(1);
    for (let i = 0; i < 6; i += 1) {
      reader.release();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await expect(done).resolves.toEqual({ outcome: "complete", tasks: 600 });
    expect(state.pulled).toBe(5);
  });

  test("a failure part way ends NDJSON with the error envelope as the last line", async () => {
    const failure = Object.assign(new Error("boom"), { name: "ServiceUnavailable" });
    const { state, source } = recordingSource([
      async () => page(100),
      async () => Promise.reject(failure),
    ]);
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    const result = await streamPages(stream, ndjson, page(0), pagesOf(source));
    expect(result).toMatchObject({ outcome: "failed", tasks: 200, error: failure });
    const lines = chunks.join("").trimEnd().split("\n");
    expect(lines).toHaveLength(201);
    expect(JSON.parse(lines.at(-1) as string)).toEqual({
      error: { code: "unavailable", message: expect.any(String) },
    });
    expect(stream.writableEnded).toBe(true);
    expect(state.closed).toBe(true);
  });

  test("a page that never comes ends the export at the deadline, not at Lambda's timeout", async () => {
    const { source } = recordingSource([
      async () => page(100),
      () => new Promise<Task[]>(() => {}),
    ]);
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    const started = Date.now();
    const result = await streamPages(stream, csv, page(0), pagesOf(source), 300);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.outcome).toBe("failed");
    const text = chunks.join("");
    expect(text).toMatch(/\r\n# export failed: unavailable: .+\r\n$/);
    expect(parse(text, { bom: true, columns: true, comment: "#" })).toHaveLength(200);
  });
});

describe("the export handler over HTTP", () => {
  let person: Person;
  let server: Server | undefined;

  beforeAll(async () => {
    person = await newPerson("export-stream");
  });
  afterAll(async () => {
    if (server) await close(server);
  });

  /** Serves `createExportHandler(options)` at a Function URL of its own. */
  async function serve(options: Parameters<typeof createExportHandler>[0]) {
    if (server) await close(server);
    server = createFunctionUrlServer({
      handler: createExportHandler(options),
      name: "test-export",
      cors: { allowOrigins: [], allowMethods: ["GET"], allowHeaders: ["authorization"] },
    });
    return listen(server, 0);
  }

  const get = (url: string, init: RequestInit = {}) =>
    fetch(url, { ...init, headers: { authorization: `Bearer ${person.token}` } });

  test("the first bytes arrive before the last page is read", async () => {
    let openLastPage = () => {};
    const lastPage = new Promise<Task[]>((resolve) => {
      openLastPage = () => resolve(page(300));
    });
    const { state, source } = recordingSource([
      async () => page(0),
      async () => page(100),
      async () => page(200),
      () => lastPage,
    ]);
    const url = await serve({ pages: source });
    const response = await get(`${url}/?format=ndjson`);
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    expect(state.pulled).toBe(4);
    let received = new TextDecoder().decode(first.value);
    // The last page is still being read and the client already has tasks.
    expect(received.split("\n").length).toBeGreaterThan(1);
    openLastPage();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      received += new TextDecoder().decode(chunk.value);
    }
    expect(received.trimEnd().split("\n")).toHaveLength(400);
  });

  test("a failure part way ends the CSV with a comment line, and is logged", async () => {
    const errors = vi.spyOn(logger, "error").mockImplementation(() => {});
    const { source } = recordingSource([
      async () => page(0),
      async () => {
        throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
      },
    ]);
    const url = await serve({ pages: source });
    const response = await get(`${url}/?format=csv`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.trimEnd().split("\r\n").at(-1)).toMatch(/^# export failed: unavailable: /);
    expect(parse(text, { bom: true, columns: true, comment: "#" })).toHaveLength(100);
    expect(errors).toHaveBeenCalledWith("export failed part way", expect.anything());
    errors.mockRestore();
  });

  test("a failure on the first page is an error response, not a broken file", async () => {
    const { source } = recordingSource([() => new Promise<Task[]>(() => {})]);
    const url = await serve({ pages: source, deadlineMs: 300 });
    const response = await get(`${url}/?format=csv`);
    const text = await response.text();
    expectError(
      { status: response.status, headers: response.headers, text, json: JSON.parse(text) },
      503,
      "unavailable",
    );
  });

  test("a reader that goes away stops the paging", async () => {
    const { state, source } = recordingSource(
      Array.from({ length: 10_000 }, (_, i) => async () => page(i * 100)),
    );
    const url = await serve({ pages: source });
    const abort = new AbortController();
    const response = await get(`${url}/?format=ndjson`, { signal: abort.signal });
    await (response.body as ReadableStream<Uint8Array>).getReader().read();
    abort.abort();
    await vi.waitFor(() => expect(state.closed).toBe(true), { timeout: 10_000 });
    expect(state.pulled).toBeLessThan(10_000);
  });
});
