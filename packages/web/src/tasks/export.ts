/**
 * Downloading an export from the streaming URL: fetch with the person's token,
 * read the body as it streams (counting rows for progress), stop on abort, and
 * tell a complete file from one the server had to cut short (its last line is
 * then an error record).
 */
import { ErrorBody } from "@taskmanager/core/error/schema";
import type { ExportFormat } from "@taskmanager/core/task/schema";
import { joinUrl } from "@taskmanager/core/url/schema";
import { ApiError, toApiError } from "../api-client";
import { accessToken } from "../auth";
import type { ListFilter } from "./endpoints";

export interface ExportRequest extends ListFilter {
  format: ExportFormat;
}

export interface ExportFile {
  blob: Blob;
  filename: string;
  rows: number;
}

const offline = () =>
  new ApiError("network", "Can't reach the server. Check your connection and retry.", 0);

/**
 * Counts records in a stream of bytes: a line feed ends one, except inside a
 * quoted CSV cell (RFC 4180; a doubled quote toggles twice, so it stays inside).
 * NDJSON never has a raw line feed inside a record.
 */
export function rowCounter(format: ExportFormat) {
  let quoted = false;
  let lines = 0;
  return {
    add(bytes: Uint8Array) {
      for (const byte of bytes) {
        if (byte === 0x22 && format === "csv") quoted = !quoted;
        else if (byte === 0x0a && !quoted) lines += 1;
      }
    },
    /** Records so far, without the CSV's header row. */
    get rows() {
      return format === "csv" ? Math.max(0, lines - 1) : lines;
    },
  };
}

/** The error record the server ends a failed export with, if the text ends with one. */
export function failureRecord(format: ExportFormat, tail: string): ApiError | null {
  const last = tail.trimEnd().split("\n").at(-1)?.trim() ?? "";
  if (format === "csv") {
    const match = /^# export failed: (\w+): (.*)$/.exec(last);
    return match ? new ApiError(match[1] as ApiError["code"], match[2] ?? "", 200) : null;
  }
  let parsed: ReturnType<typeof ErrorBody.safeParse>;
  try {
    parsed = ErrorBody.safeParse(JSON.parse(last));
  } catch {
    return null;
  }
  return parsed.success
    ? new ApiError(parsed.data.error.code, parsed.data.error.message, 200)
    : null;
}

export async function downloadExport(
  request: ExportRequest,
  options: { signal: AbortSignal; onProgress(rows: number): void },
): Promise<ExportFile> {
  let token: string | null;
  try {
    token = await accessToken();
  } catch {
    throw offline();
  }
  if (!token)
    throw new ApiError("unauthorized", "Your session has ended. Please sign in again.", 401);

  const url = joinUrl(import.meta.env.VITE_EXPORT_URL, "");
  url.searchParams.set("format", request.format);
  url.searchParams.set("sort", request.sort);
  // The list's own filters, sent as the list sends them: the server parses and folds them alike.
  for (const key of ["status", "q", "tag"] as const) {
    const value = request[key];
    if (value) url.searchParams.set(key, value);
  }
  // What the list shows: without "Show completed", its done tasks are not in the file.
  if (request.includeDone === false) url.searchParams.set("includeDone", "false");
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${token}` },
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal.aborted) throw error;
    throw offline();
  }
  if (!response.ok || !response.body) throw await toApiError(response);

  const chunks: Uint8Array[] = [];
  const counter = rowCounter(request.format);
  const reader = response.body.getReader();
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      chunks.push(chunk.value);
      counter.add(chunk.value);
      options.onProgress(counter.rows);
    }
  } catch (error) {
    if (options.signal.aborted) throw error;
    throw offline();
  }

  // The error record, if any, is the last line: a short tail holds it.
  const tail = new TextDecoder().decode(lastBytes(chunks, 4096));
  const failure = failureRecord(request.format, tail);
  if (failure) throw failure;
  const filename =
    /filename=([^;]+)/.exec(response.headers.get("content-disposition") ?? "")?.[1] ??
    `tasks.${request.format}`;
  return {
    blob: new Blob(chunks as BlobPart[], { type: response.headers.get("content-type") ?? "" }),
    filename,
    rows: counter.rows,
  };
}

/** The last `count` bytes of `chunks` (a record may span the last two chunks). */
function lastBytes(chunks: readonly Uint8Array[], count: number): Uint8Array {
  const taken: Uint8Array[] = [];
  let size = 0;
  for (let i = chunks.length - 1; i >= 0 && size < count; i -= 1) {
    const chunk = chunks[i] as Uint8Array;
    taken.unshift(chunk.subarray(Math.max(0, chunk.length - (count - size))));
    size += taken[0]?.length ?? 0;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const part of taken) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

/** Hands a finished file to the browser's downloads. */
export function saveFile(file: ExportFile) {
  const href = URL.createObjectURL(file.blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = file.filename;
  link.click();
  // The download has started from the URL; let it finish before releasing it.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
